package dl.fast;

import static jdk.incubator.vector.VectorOperators.EQ;
import static jdk.incubator.vector.VectorOperators.LE;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * The SIMD code behind {@link MaxPool}; only loaded when the Vector API module is present.
 *
 * <p>Vectors of the preferred width, like {@link VectorKernel}. 256-bit vectors would make this kernel alone
 * faster on an AVX-512 machine (1.05 against 1.6 ms for the benchmark CNN's 100 × 30 planes of 24 × 24, on
 * Java 17), but a JVM that runs vectors of two widths slows every Vector API call down: the library's
 * shared code then sees two vector classes where it saw one, and the JIT compiler stops compiling those calls
 * to single instructions (the matrix products of a CNN iteration took 5 to 10 times as long).
 *
 * <p>One output row at a time: a vector at column c0 of the two input rows holds the windows that start at
 * columns c0 … c0+3, read as four loads (the two rows, each at c0 and shifted by one column to c0+1). That
 * computes a window at every column, of which the even ones are the pooling's; they are picked from a row
 * buffer afterwards. Twice the comparisons, but no shuffling of lanes, which Java 17 compiles poorly.
 */
final class PoolKernel {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private PoolKernel() {
    }

    /** Vectors of at least 4 doubles (256 bits). */
    static boolean supported() {
        return L >= 4;
    }

    /** See {@link MaxPool#twoByTwo}. */
    static void twoByTwo(double[] x, int planes, int h, int w, double[] y, int[] argmax) {
        int oh = h / 2, ow = w / 2;
        // per output row: the winner's value and its offset in its window (0, 1, w or w + 1) at every column
        double[] value = new double[w], offset = new double[w];
        DoubleVector zero = DoubleVector.zero(S), one = DoubleVector.broadcast(S, 1);
        DoubleVector down = DoubleVector.broadcast(S, w), downRight = DoubleVector.broadcast(S, w + 1);
        int last = w - 1 - L; // the last column at which a vector (which reads one column further) fits in the row
        int o = 0;
        for (int q = 0; q < planes; q++) {
            for (int i = 0; i < oh; i++) {
                int top = (q * h + 2 * i) * w, bottom = top + w;
                if (last < 0) { // rows narrower than a vector and one more column: the same tournament, one window at a time
                    for (int j = 0; j < ow; j++, o++) {
                        int p = top + 2 * j;
                        int a = beats(x[p + 1], x[p]) ? p + 1 : p;
                        int b = beats(x[p + w + 1], x[p + w]) ? p + w + 1 : p + w;
                        argmax[o] = beats(x[b], x[a]) ? b : a;
                        y[o] = x[argmax[o]];
                    }
                    continue;
                }
                for (int c0 = 0; ; c0 = Math.min(c0 + L, last)) {
                    DoubleVector a0 = DoubleVector.fromArray(S, x, top + c0);
                    DoubleVector a1 = DoubleVector.fromArray(S, x, top + c0 + 1);
                    DoubleVector b0 = DoubleVector.fromArray(S, x, bottom + c0);
                    DoubleVector b1 = DoubleVector.fromArray(S, x, bottom + c0 + 1);
                    VectorMask<Double> ta = beats(a1, a0), tb = beats(b1, b0);
                    DoubleVector a = a0.blend(a1, ta), aOffset = zero.blend(one, ta);
                    DoubleVector b = b0.blend(b1, tb), bOffset = down.blend(downRight, tb);
                    VectorMask<Double> t = beats(b, a);
                    a.blend(b, t).intoArray(value, c0);
                    aOffset.blend(bOffset, t).intoArray(offset, c0);
                    if (c0 == last) {
                        break;
                    }
                }
                for (int j = 0; j < ow; j++, o++) {
                    y[o] = value[2 * j];
                    argmax[o] = top + 2 * j + (int) offset[2 * j];
                }
            }
        }
    }

    /**
     * Lanes where b (the later value) beats a: b &gt; a, or b is NaN and a is not. Written as "a is not NaN and
     * not b ≤ a": a comparison with a NaN is false, so "not b ≤ a" holds when b &gt; a or b is NaN.
     */
    private static VectorMask<Double> beats(DoubleVector b, DoubleVector a) {
        return a.compare(EQ, a).andNot(b.compare(LE, a));
    }

    /** The same test for one pair of values. */
    private static boolean beats(double b, double a) {
        return a == a && !(b <= a);
    }
}
