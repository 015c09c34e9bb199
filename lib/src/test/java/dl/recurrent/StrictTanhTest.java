package dl.recurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link StrictTanh#tanh} and {@link VectorTanh#tanh} against {@link Math#tanh}, which {@link LstmCell} called before (and which is
 * StrictMath.tanh on Java 17 to 23): the same bits on random values of every magnitude and around every boundary of
 * fdlibm's branches, in tanh and in expm1.
 */
class StrictTanhTest {
    /** Values waiting for {@link VectorTanh} (checked a batch at a time, at an odd offset, with a tail). */
    private final double[] batch = new double[1003];
    private int filled;

    private static void check(String who, double x, double want, double got) {
        if (Double.doubleToLongBits(want) != Double.doubleToLongBits(got)) {
            fail("tanh(" + x + " = 0x" + Long.toHexString(Double.doubleToRawLongBits(x)) + "): Math.tanh gives " + want
                    + ", " + who + " " + got);
        }
    }

    private void same(double x) {
        check("StrictTanh", x, Math.tanh(x), StrictTanh.tanh(x));
        batch[filled++] = x;
        if (filled == batch.length) {
            flush();
        }
    }

    private void flush() {
        if (!dl.fast.MatMul.vectorAvailable()) { // surefire's plain run: no Vector API
            filled = 0;
            return;
        }
        double[] in = new double[filled + 5], out = new double[filled + 3];
        System.arraycopy(batch, 0, in, 5, filled);
        VectorTanh.tanh(in, 5, out, 3, filled);
        for (int j = 0; j < filled; j++) {
            check("VectorTanh", batch[j], Math.tanh(batch[j]), out[3 + j]);
        }
        filled = 0;
    }

    @org.junit.jupiter.api.AfterEach
    void checkTheRest() {
        flush();
    }

    /** x and its neighbours up to {@code ulps} ulps away, both signs. */
    private void around(double x, int ulps) {
        double up = x, down = x;
        for (int i = 0; i <= ulps; i++) {
            same(up);
            same(-up);
            same(down);
            same(-down);
            up = Math.nextUp(up);
            down = Math.nextDown(down);
        }
    }

    /** The smallest double whose high word is {@code high} (low word 0), and its neighbours. */
    private void aroundHighWord(int high, int ulps) {
        around(Double.longBitsToDouble((long) high << 32), ulps);
        around(Double.longBitsToDouble(((long) high << 32) | 0xffffffffL), ulps); // the largest with that high word
    }

    @Test
    void specialValues() {
        for (double x : new double[] {0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
            Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL, Double.MAX_VALUE, -Double.MAX_VALUE, 1.0, -1.0, 22.0,
            0.5, 2.0, 1e-300, 1e300}) {
            same(x);
        }
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(StrictTanh.tanh(-0.0)));
        assertEquals(1.0, StrictTanh.tanh(Double.POSITIVE_INFINITY), 0.0);
        assertEquals(-1.0, StrictTanh.tanh(Double.NEGATIVE_INFINITY), 0.0);
    }

    @Test
    void branchBoundaries() {
        // tanh: |x| < 2⁻⁵⁵, < 1, < 22 (high words 0x3c800000, 0x3ff00000, 0x40360000)
        for (int high : new int[] {0x3c800000, 0x3ff00000, 0x40360000, 0x3c7fffff, 0x3fefffff, 0x4035ffff}) {
            aroundHighWord(high, 64);
        }
        // expm1 of y = −2|x|: no reduction up to high word 0x3fd62e42 of |y|, k = −1 below 0x3ff0a2b2; x = y / 2
        for (int high : new int[] {0x3fd62e42, 0x3fd62e43, 0x3ff0a2b2, 0x3ff0a2b1}) {
            around(Double.longBitsToDouble((long) high << 32) / 2, 64);
            around(Double.longBitsToDouble(((long) high << 32) | 0xffffffffL) / 2, 64);
        }
        // k = round(y / ln 2) changes where y / ln 2 is k − ½: y = 2|x| for k = −3 … 63 (k < 20, k ≤ 56, k > 56)
        for (int k = -3; k <= 64; k++) {
            around((k - 0.5) * Math.log(2) / 2, 300);
        }
    }

    @Test
    void randomValuesOfEveryMagnitude() {
        Random r = new Random(28);
        for (int i = 0; i < 2_000_000; i++) {
            same(r.nextGaussian() * 3); // the LSTM's pre-activations and cell states are mostly here
            same((r.nextDouble() * 2 - 1) * 25);
            same(Math.scalb(r.nextDouble() + 0.5, r.nextInt(70) - 62) * (r.nextBoolean() ? 1 : -1)); // 2⁻⁶² … 2⁸
        }
        for (int i = 0; i < 200_000; i++) { // any bit pattern: subnormals, huge values, NaNs
            same(Double.longBitsToDouble(r.nextLong()));
        }
    }
}
