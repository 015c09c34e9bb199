// A huge allocation: the kernel's heap limit stops it (OutOfMemoryError), not the machine.
//// cell dcube
double dCube(double x) {
    java.util.List<long[]> hoard = new java.util.ArrayList<>();
    try { long[] huge = new long[Integer.MAX_VALUE - 8]; } catch (OutOfMemoryError e) { System.out.println("one array: " + e.getMessage()); }
    while (true) hoard.add(new long[32 << 20]);  // 256 MB at a time, kept
}
