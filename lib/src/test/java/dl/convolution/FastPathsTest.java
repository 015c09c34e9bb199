package dl.convolution;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dl.fast.FilterProduct;
import dl.fast.MatMul;
import dl.fast.MaxPool;
import dl.tensors.Tensor;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * The fast paths of issue 28 against the classes as they were ({@link ReferenceMaxPooling},
 * {@link ReferenceConvolution}, copies of the old code): every output and gradient must have the same bits
 * (compared as raw bits, so 0.0 and −0.0 or two NaNs with different payloads count as different).
 */
class FastPathsTest {
    /** lib/pom.xml runs the tests with the Vector API module; without it the fast paths would go untested. */
    private static final boolean EXPECT_VECTOR = Boolean.parseBoolean(System.getProperty("dl.expect.vector", "true"));

    static long[] bits(double[] v, int length) {
        long[] b = new long[length];
        for (int i = 0; i < length; i++) {
            b[i] = Double.doubleToRawLongBits(v[i]);
        }
        return b;
    }

    static void sameBits(DMatrixRMaj expected, DMatrixRMaj actual, String what) {
        assertEquals(expected.numRows, actual.numRows, what + ": rows");
        assertEquals(expected.numCols, actual.numCols, what + ": columns");
        int n = expected.numRows * expected.numCols;
        assertArrayEquals(bits(expected.data, n), bits(actual.data, n), what);
    }

    /**
     * Values that test every rule of the arg-max: random (kind 0), after a ReLU (half exactly 0, kind 1), few
     * distinct values (ties, kind 2), and ties of 0.0 with −0.0, infinities and NaNs (kind 3).
     */
    static DMatrixRMaj values(int rows, int cols, int kind, long seed) {
        Random rng = new Random(seed);
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        double[] special = {0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1.0, -1.0,
            Double.longBitsToDouble(0xfff8_0000_0000_0001L)}; // a negative NaN with a payload
        for (int i = 0; i < m.data.length; i++) {
            double g = rng.nextGaussian();
            m.data[i] = switch (kind) {
                case 0 -> g;
                case 1 -> Math.max(g, 0);
                case 2 -> rng.nextInt(3) - 1.0;
                default -> special[rng.nextInt(special.length)];
            };
        }
        return m;
    }

    @Test
    void theFastPathsRunHere() {
        if (EXPECT_VECTOR) {
            assertTrue(MaxPool.available(), "MaxPool's fast path needs --add-modules jdk.incubator.vector");
            assertTrue(FilterProduct.applies(MatMul.VECTOR_MIN), "FilterProduct's fast path does not run");
            assertTrue(!FilterProduct.applies(MatMul.VECTOR_MIN - 1), "below VECTOR_MIN the products are EJML's");
        } else {
            assertTrue(!MaxPool.available() && !FilterProduct.applies(Long.MAX_VALUE), "no fast path without the module");
        }
    }

    @Test
    void maxPoolingTwoByTwoHasTheOldBits() {
        int[][] sizes = {{2, 2}, {2, 3}, {3, 5}, {4, 4}, {5, 9}, {7, 6}, {6, 10}, {11, 13}, {24, 24}, {9, 17}};
        long seed = 1;
        for (int batch : new int[] {1, 3, 7}) {
            for (int channels : new int[] {1, 3}) {
                for (int[] s : sizes) {
                    for (int kind = 0; kind < 4; kind++) {
                        MaxPooling pool = new MaxPooling(channels, s[0], s[1], 2, 2);
                        ReferenceMaxPooling ref = new ReferenceMaxPooling(channels, s[0], s[1], 2, 2);
                        DMatrixRMaj x = values(batch, channels * s[0] * s[1], kind, seed++);
                        String what = pool + ", batch " + batch + ", values of kind " + kind;
                        sameBits(ref.forward(x, true), pool.forward(x, true), what + ": forward");
                        DMatrixRMaj up = values(batch, pool.outputSize(), 0, seed++);
                        sameBits(ref.backward(up), pool.backward(up), what + ": backward");
                    }
                }
            }
        }
    }

    @Test
    void maxPoolingOtherWindowsStillMatch() {
        // not the fast path's shape: the layer's own loop, unchanged
        int[][] shapes = {{3, 2, 7, 5}, {3, 1, 6, 6}, {2, 3, 9, 8}, {1, 1, 5, 7}}; // size, stride, h, w
        long seed = 100;
        for (int[] s : shapes) {
            for (int kind = 0; kind < 4; kind++) {
                MaxPooling pool = new MaxPooling(2, s[2], s[3], s[0], s[1]);
                ReferenceMaxPooling ref = new ReferenceMaxPooling(2, s[2], s[3], s[0], s[1]);
                DMatrixRMaj x = values(3, 2 * s[2] * s[3], kind, seed++);
                sameBits(ref.forward(x, true), pool.forward(x, true), pool + ": forward");
                DMatrixRMaj up = values(3, pool.outputSize(), 0, seed++);
                sameBits(ref.backward(up), pool.backward(up), pool + ": backward");
            }
        }
    }

    @Test
    void maxPoolingASecondBatchOfAnotherSize() {
        // the layer reuses its buffers: a smaller batch after a larger one, then a larger one again
        MaxPooling pool = new MaxPooling(3, 8, 8, 2, 2);
        ReferenceMaxPooling ref = new ReferenceMaxPooling(3, 8, 8, 2, 2);
        long seed = 200;
        for (int batch : new int[] {7, 1, 9}) {
            DMatrixRMaj x = values(batch, 3 * 64, 1, seed++);
            sameBits(ref.forward(x, true), pool.forward(x, true), "batch " + batch + ": forward");
            DMatrixRMaj up = values(batch, pool.outputSize(), 0, seed++);
            sameBits(ref.backward(up), pool.backward(up), "batch " + batch + ": backward");
        }
    }

    /** Random filters FN × C × FH × FW and biases (the Init constructor's biases are all zero). */
    static Convolution layer(int c, int h, int w, int fn, int fh, int fw, int stride, int pad, long seed) {
        Random rng = new Random(seed);
        double[] v = new double[fn * c * fh * fw];
        for (int i = 0; i < v.length; i++) {
            v[i] = rng.nextGaussian();
        }
        double[] bias = new double[fn];
        for (int f = 0; f < fn; f++) {
            bias[f] = f % 3 == 0 ? 0.0 : rng.nextGaussian();
        }
        Tensor filters = Tensor.of(v, fn, c, fh, fw);
        return new Convolution(filters, bias, h, w, stride, pad);
    }

    /** Images with Gaussian pixels, a tenth of them 0.0 and a tenth −0.0. */
    static DMatrixRMaj images(int n, int size, long seed) {
        Random rng = new Random(seed);
        DMatrixRMaj x = new DMatrixRMaj(n, size);
        for (int i = 0; i < x.data.length; i++) {
            int r = rng.nextInt(10);
            x.data[i] = r == 0 ? 0.0 : r == 1 ? -0.0 : rng.nextGaussian();
        }
        return x;
    }

    /** One forward and backward pass of the new and the old layer on the same batch: every result bit for bit. */
    static void samePass(Convolution conv, ReferenceConvolution ref, int n, long seed, boolean inputGradient) {
        conv.setInputGradientNeeded(inputGradient);
        ref.setInputGradientNeeded(inputGradient);
        int[] in = conv.inputShape();
        DMatrixRMaj x = images(n, in[0] * in[1] * in[2], seed);
        String what = conv + ", batch " + n;
        sameBits(ref.forward(x, true), conv.forward(x, true), what + ": forward");
        DMatrixRMaj up = values(n, conv.outputSize(), 0, seed + 1);
        DMatrixRMaj dx = conv.backward(up), refDx = ref.backward(up);
        if (inputGradient) {
            sameBits(refDx, dx, what + ": ∂L/∂x");
        }
        sameBits(ref.weightGradient(), conv.weightGradient(), what + ": ∂L/∂W");
        sameBits(ref.biasGradient(), conv.biasGradient(), what + ": ∂L/∂b");
    }

    static ReferenceConvolution referenceOf(Convolution conv, int stride, int pad) {
        int[] in = conv.inputShape();
        return new ReferenceConvolution(conv.filters(), conv.bias().data, in[1], in[2], stride, pad);
    }

    @Test
    void convolutionHasTheOldBits() {
        // C, H, W, FN, FH, FW, stride, pad: the fast path (≥ MatMul.VECTOR_MIN multiply-adds) for most batches,
        // the old one for the smallest; positions per image that fill whole vector blocks, leave one-vector
        // blocks, leave single positions, or are a single position; filters not a multiple of 4
        int[][] shapes = {
            {1, 28, 28, 30, 5, 5, 1, 0}, {3, 9, 11, 4, 3, 3, 2, 1}, {1, 7, 5, 2, 3, 3, 1, 0}, {2, 13, 10, 7, 4, 2, 3, 2},
            {3, 6, 6, 9, 6, 6, 1, 0}, {1, 12, 40, 3, 3, 3, 1, 1}, {2, 10, 10, 6, 3, 3, 1, 0}, {1, 11, 11, 5, 2, 2, 1, 0},
            {3, 8, 9, 1, 3, 2, 1, 3}, {1, 5, 30, 13, 1, 5, 2, 0}};
        long seed = 1000;
        int fast = 0, old = 0;
        for (int[] s : shapes) {
            for (int n : new int[] {1, 3, 7}) {
                Convolution conv = layer(s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7], seed++);
                ReferenceConvolution ref = referenceOf(conv, s[6], s[7]);
                int[] out = conv.outputShape();
                if (FilterProduct.applies((long) n * out[1] * out[2] * s[0] * s[4] * s[5] * s[3])) {
                    fast++;
                } else {
                    old++;
                }
                samePass(conv, ref, n, seed++, true);
                samePass(conv, ref, n, seed++, false); // the first layer of a network: no ∂L/∂x
            }
        }
        if (EXPECT_VECTOR) {
            assertTrue(fast >= 20 && old >= 3, "fast path " + fast + " times, old path " + old + " times");
        }
    }

    @Test
    void convolutionAnotherBatchSizeOnTheSameLayer() {
        // the layer reuses its buffers: a larger batch, a smaller one that takes the old path, a larger one again
        Convolution conv = layer(3, 9, 11, 4, 3, 3, 2, 1, 7);
        ReferenceConvolution ref = referenceOf(conv, 2, 1);
        long seed = 2000;
        for (int n : new int[] {7, 1, 3, 9}) {
            samePass(conv, ref, n, seed++, true);
        }
    }

    @Test
    void convolutionOfTheBenchmarkNetworkOnOneAndTwoThreads() {
        // batch 100 of the benchmark's layer: ∂L/∂W's product (43 M multiply-adds) is shared by two threads on a
        // two-core machine; it must equal the product on one thread, and the old layer's
        Convolution conv = layer(1, 28, 28, 30, 5, 5, 1, 0, 11);
        ReferenceConvolution ref = referenceOf(conv, 1, 0);
        samePass(conv, ref, 100, 3000, false);
        DMatrixRMaj x = images(100, 784, 3000), up = values(100, conv.outputSize(), 0, 3001);
        DMatrixRMaj col = new DMatrixRMaj(100 * 576, 25), dOut = new DMatrixRMaj(100 * 576, 30);
        Im2Col.im2col(x.data, 100, 1, 28, 28, 5, 5, 1, 0, col.data);
        for (int img = 0; img < 100; img++) {
            for (int f = 0; f < 30; f++) {
                for (int p = 0; p < 576; p++) {
                    dOut.data[(img * 576 + p) * 30 + f] = up.data[(img * 30 + f) * 576 + p];
                }
            }
        }
        for (int threads = 1; threads <= 2; threads++) {
            DMatrixRMaj dW = new DMatrixRMaj(25, 30);
            MatMul.best().multTransA(col, dOut, dW, threads);
            sameBits(dW, conv.weightGradient(), "∂L/∂W on " + threads + " thread(s)");
        }
    }

    @Test
    void im2colTransposedIsTheTransposeOfIm2col() {
        int[][] shapes = {{1, 28, 28, 5, 5, 1, 0}, {3, 9, 11, 3, 3, 2, 1}, {2, 13, 10, 4, 2, 3, 2}, {3, 8, 9, 3, 2, 1, 3},
            {1, 5, 30, 1, 5, 2, 0}, {2, 4, 4, 4, 4, 1, 0}, {1, 6, 7, 2, 3, 4, 5}};
        long seed = 4000;
        for (int[] s : shapes) {
            int n = 3, c = s[0], h = s[1], w = s[2], fh = s[3], fw = s[4], stride = s[5], pad = s[6];
            int oh = Im2Col.outputSize(h, fh, stride, pad), ow = Im2Col.outputSize(w, fw, stride, pad);
            int rows = n * oh * ow, k = c * fh * fw;
            double[] x = images(n, c * h * w, seed++).data;
            double[] col = new double[rows * k], colT = new double[rows * k];
            java.util.Arrays.fill(colT, Double.NaN); // every entry must be written
            Im2Col.im2col(x, n, c, h, w, fh, fw, stride, pad, col);
            Im2Col.im2colTransposed(x, n, c, h, w, fh, fw, stride, pad, colT);
            double[] t = new double[rows * k];
            for (int r = 0; r < rows; r++) {
                for (int q = 0; q < k; q++) {
                    t[q * rows + r] = col[r * k + q];
                }
            }
            assertArrayEquals(bits(t, t.length), bits(colT, colT.length), java.util.Arrays.toString(s));
        }
    }
}
