package dl.checks;

/**
 * Input checks shared by the tensor, convolution and recurrent layers: a clear message at the boundary.
 * (Finiteness of data is checked by {@link dl.checks.Finite}, the one place for that.)
 */
public final class Checks {
    private Checks() {
    }

    /** Throws NullPointerException naming {@code name} when {@code value} is null; returns the value. */
    public static <T> T notNull(T value, String name) {
        if (value == null) {
            throw new NullPointerException(name + " must not be null");
        }
        return value;
    }

    /** Throws IllegalArgumentException unless {@code value} ≥ {@code min}. */
    public static int atLeast(int value, int min, String name) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be ≥ " + min + ", got " + value);
        }
        return value;
    }
    /** Throws IllegalArgumentException unless 0 ≤ {@code value} &lt; {@code size}: "name is 7, expected 0 … 4 (what)". */
    public static int index(int value, int size, String name, String what) {
        if (value < 0 || value >= size) {
            throw new IllegalArgumentException(name + " is " + value + ", expected 0 … " + (size - 1) + " (" + what + ")");
        }
        return value;
    }

    /**
     * Throws IllegalArgumentException unless the array {@code a} holds at least {@code need} values (a long, so
     * that an overflowing product of sizes is caught too), naming the array and what those values are.
     */
    public static double[] minLength(double[] a, long need, String name, String what) {
        notNull(a, name);
        if (a.length < need) {
            throw new IllegalArgumentException(name + " has " + a.length + " values but " + what + " needs " + need
                    + ": pass a longer array");
        }
        return a;
    }

    /** The product of {@code sizes} as a long; Long.MAX_VALUE if even that overflows (it is then far too big anyway). */
    public static long product(long... sizes) {
        long p = 1;
        for (long s : sizes) {
            try {
                p = Math.multiplyExact(p, s);
            } catch (ArithmeticException e) {
                return Long.MAX_VALUE;
            }
        }
        return p;
    }

    /**
     * Checks that an array of {@code elements} doubles can exist before allocating it, so that a huge size gives
     * this message, not a bare OutOfMemoryError or a negative array size: Java arrays hold at most 2³¹ − 1 values,
     * and the JVM's heap ({@code -Xmx}) bounds the memory. Returns the length as an int.
     */
    public static int doubles(long elements, String what) {
        if (elements < 0) {
            throw new IllegalArgumentException(what + " would have a negative number of values (" + elements + ")");
        }
        long bytes = elements > Long.MAX_VALUE / Double.BYTES ? Long.MAX_VALUE : elements * Double.BYTES;
        long heap = Runtime.getRuntime().maxMemory();
        if (elements > Integer.MAX_VALUE - 8 || bytes > heap) {
            throw new IllegalArgumentException(what + " needs " + elements + " values (" + gigabytes(bytes)
                    + " of memory) but " + (elements > Integer.MAX_VALUE - 8
                    ? "a Java array holds at most 2³¹ − 1 values" : "the JVM's heap is at most " + gigabytes(heap) + " (-Xmx)")
                    + ": use smaller sizes or fewer samples at a time");
        }
        return (int) elements;
    }

    private static String gigabytes(long bytes) {
        return bytes == Long.MAX_VALUE ? "more than 9 EB" : String.format(java.util.Locale.ROOT, "%.1f GB", bytes / 1e9);
    }
}
