package dl.fast;

/**
 * The fast path of {@link dl.convolution.MaxPooling}'s forward pass for 2 × 2 windows with stride 2, the
 * usual pooling: the same outputs and arg-max positions, bit for bit, as the layer's loop over every window.
 *
 * <p>That loop keeps the best position so far and moves it when a value beats it ({@code if (x > best)}): a
 * branch on the data, which the processor guesses wrong about half the time when the values are random (after
 * a ReLU, half of them are 0). Here the four values of a window are compared without a branch, in a tournament
 * on SIMD vectors ({@code jdk.incubator.vector}), for four neighbouring windows at a time:
 * <pre>
 *   top    = the first maximum of (x[2i, 2j],   x[2i, 2j+1])
 *   bottom = the first maximum of (x[2i+1, 2j], x[2i+1, 2j+1])
 *   y[i, j] = the first maximum of (top, bottom)        and the arg-max is where it came from
 * </pre>
 * where "b beats an earlier a" is {@code b > a}, or b is NaN and a is not (so the first NaN wins, as in the
 * layer). The winner of each step is chosen with a lane mask ({@code blend}), not a branch; the tournament
 * keeps the first of equal values, so it picks the same position as the loop.
 *
 * <p>Available when the JVM has the Vector API module and vectors of at least 256 bits
 * ({@link #available()}); the layer uses its own loop otherwise.
 */
public final class MaxPool {
    private static final boolean AVAILABLE = MatMul.vectorAvailable() && probe();

    private MaxPool() {
    }

    /** Whether {@link #twoByTwo} can run here (the Vector API module, vectors of at least 256 bits). */
    public static boolean available() {
        return AVAILABLE;
    }

    /**
     * 2 × 2 max pooling with stride 2 of {@code planes} planes of h × w values stored one after the other in
     * {@code x} (plane q, pixel (r, s) at {@code x[(q·h + r)·w + s]}): y gets planes of (h/2) × (w/2) values
     * (rounded down; the last row or column of an odd size is in no window), and {@code argmax} the index in
     * {@code x} of each output's winner.
     */
    public static void twoByTwo(double[] x, int planes, int h, int w, double[] y, int[] argmax) {
        if (!AVAILABLE) {
            throw new IllegalStateException("MaxPool.twoByTwo needs the Vector API (--add-modules jdk.incubator.vector)"
                    + " and vectors of at least 256 bits");
        }
        if (h < 2 || w < 2) {
            throw new IllegalArgumentException("2×2 pooling needs planes of at least 2×2, got " + h + "×" + w);
        }
        long in = (long) planes * h * w, out = (long) planes * (h / 2) * (w / 2);
        if (x.length < in || y.length < out || argmax.length < out) {
            throw new IllegalArgumentException("arrays too short: x " + x.length + " (needs " + in + "), y " + y.length
                    + " and argmax " + argmax.length + " (need " + out + ")");
        }
        PoolKernel.twoByTwo(x, planes, h, w, y, argmax);
    }

    private static boolean probe() {
        try {
            return PoolKernel.supported();
        } catch (Throwable e) {
            return false;
        }
    }
}
