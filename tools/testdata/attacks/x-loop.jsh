// An endless loop that swallows every interruption it can.
//// cell dcube
double dCube(double x) {
    while (true) {
        try { Thread.sleep(20); } catch (Throwable t) { }
    }
}
