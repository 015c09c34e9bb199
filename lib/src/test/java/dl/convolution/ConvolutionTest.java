package dl.convolution;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dl.activations.Activation;
import dl.data.Dataset;
import dl.init.Init;
import dl.layers.Dense;
import dl.network.GradientCheck;
import dl.network.History;
import dl.network.Sequential;
import dl.network.Trainer;
import dl.optimizers.Sgd;
import dl.tensors.Tensor;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class ConvolutionTest {

    static DMatrixRMaj random(int rows, int cols, long seed) {
        Random rng = new Random(seed);
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < m.data.length; i++) {
            m.data[i] = rng.nextGaussian();
        }
        return m;
    }

    /** The formula of the javadoc, computed directly with four nested sums. */
    static double[] naive(Convolution conv, DMatrixRMaj x, int stride, int pad) {
        Tensor w = conv.filters();
        int[] in = conv.inputShape(), out = conv.outputShape();
        int c = in[0], h = in[1], wd = in[2], fn = out[0], oh = out[1], ow = out[2];
        int fh = w.dim(2), fw = w.dim(3);
        double[] y = new double[x.numRows * fn * oh * ow];
        int k = 0;
        for (int n = 0; n < x.numRows; n++) {
            for (int f = 0; f < fn; f++) {
                for (int i = 0; i < oh; i++) {
                    for (int j = 0; j < ow; j++, k++) {
                        double s = conv.bias().data[f];
                        for (int ch = 0; ch < c; ch++) {
                            for (int u = 0; u < fh; u++) {
                                for (int v = 0; v < fw; v++) {
                                    int yy = i * stride + u - pad, xx = j * stride + v - pad;
                                    if (yy >= 0 && yy < h && xx >= 0 && xx < wd) {
                                        s += w.get(f, ch, u, v) * x.get(n, (ch * h + yy) * wd + xx);
                                    }
                                }
                            }
                        }
                        y[k] = s;
                    }
                }
            }
        }
        return y;
    }

    @Test
    void outputSizeFormula() {
        assertEquals(24, Im2Col.outputSize(28, 5, 1, 0));
        assertEquals(28, Im2Col.outputSize(28, 5, 1, 2));
        assertEquals(4, Im2Col.outputSize(7, 3, 2, 1));
        assertEquals(3, Im2Col.outputSize(7, 3, 2, 0));
        assertEquals(2, Im2Col.outputSize(6, 3, 2, 0)); // (6 − 3)/2 + 1 = 2.5, rounded down
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Im2Col.outputSize(3, 5, 1, 0));
        assertTrue(e.getMessage().contains("does not fit"), e.getMessage());
    }

    @Test
    void col2imIsTheTransposeOfIm2col() {
        int n = 2, c = 3, h = 7, w = 5, fh = 3, fw = 2, s = 2, p = 1;
        int oh = Im2Col.outputSize(h, fh, s, p), ow = Im2Col.outputSize(w, fw, s, p);
        DMatrixRMaj x = random(n, c * h * w, 1);
        DMatrixRMaj g = random(n * oh * ow, c * fh * fw, 2);
        double[] col = new double[g.data.length];
        Im2Col.im2col(x.data, n, c, h, w, fh, fw, s, p, col);
        double[] back = new double[x.data.length];
        Im2Col.col2im(g.data, n, c, h, w, fh, fw, s, p, back);
        double lhs = 0, rhs = 0;
        for (int i = 0; i < col.length; i++) {
            lhs += col[i] * g.data[i];
        }
        for (int i = 0; i < back.length; i++) {
            rhs += x.data[i] * back[i];
        }
        assertEquals(lhs, rhs, 1e-10 * Math.abs(lhs)); // ⟨im2col(x), g⟩ = ⟨x, col2im(g)⟩
    }

    @Test
    void forwardMatchesTheDirectFormula() {
        int[][] cases = {{1, 6, 6, 2, 3, 1, 0}, {2, 7, 5, 3, 3, 2, 1}, {3, 5, 8, 4, 2, 3, 2}};
        for (int[] k : cases) {
            Convolution conv = new Convolution(k[0], k[1], k[2], k[3], k[4], k[5], k[6], Init.normal(1), 3);
            conv.bias().data[0] = 0.7;
            DMatrixRMaj x = random(2, k[0] * k[1] * k[2], 4);
            double[] y = conv.forward(x).data;
            double[] expected = naive(conv, x, k[5], k[6]);
            for (int i = 0; i < expected.length; i++) {
                assertEquals(expected[i], y[i], 1e-12, conv.toString());
            }
        }
    }

    @Test
    void handMadeEdgeFilter() {
        // 1×3×4 image whose right half is bright; a [−1, 1] filter responds only at the edge
        Tensor filter = Tensor.of(new double[] {-1, 1}, 1, 1, 1, 2);
        Convolution conv = new Convolution(filter, new double[] {0}, 3, 4, 1, 0);
        DMatrixRMaj x = new DMatrixRMaj(1, 12);
        for (int r = 0; r < 3; r++) {
            x.set(0, r * 4 + 2, 1);
            x.set(0, r * 4 + 3, 1);
        }
        assertArrayEquals(new int[] {1, 3, 3}, conv.outputShape());
        assertArrayEquals(new double[] {0, 1, 0, 0, 1, 0, 0, 1, 0}, conv.forward(x).data, 0);
        Tensor maps = conv.featureMaps();
        assertArrayEquals(new int[] {1, 1, 3, 3}, maps.shape());
        assertArrayEquals(filter.toArray(), conv.filters().toArray(), 0);
    }

    private static void assertGradients(Convolution conv, DMatrixRMaj x) {
        conv.bias().data[conv.bias().numCols - 1] = 0.4;
        GradientCheck.Result r = GradientCheck.checkLayer(conv, x, 7);
        assertEquals(3, r.rows().size());
        assertTrue(r.maxRelativeError() < 1e-7, conv + "\n" + r);
    }

    @Test
    void gradientsOddSizesStrideTwoPadding() {
        assertGradients(new Convolution(2, 7, 5, 3, 3, 2, 1, Init.he(), 11), random(3, 2 * 7 * 5, 12));
    }

    @Test
    void gradientsStrideOneNoPadding() {
        assertGradients(new Convolution(1, 6, 6, 2, 3, 1, 0, Init.he(), 13), random(2, 36, 14));
    }

    @Test
    void gradientsRectangularFilterStrideThreeLargePadding() {
        Convolution conv = new Convolution(Tensor.randn(15, 2, 3, 2, 3), new double[] {0.1, -0.2}, 5, 8, 3, 2);
        assertGradients(conv, random(2, 3 * 5 * 8, 16));
    }

    @Test
    void firstLayerSkipsTheInputGradient() {
        Convolution conv = new Convolution(1, 5, 5, 2, 3, 1, 1, Init.he(), 1);
        DMatrixRMaj x = random(2, 25, 2);
        conv.forward(x, true);
        conv.setInputGradientNeeded(false);
        assertNull(conv.backward(random(2, conv.outputSize(), 3)));
        assertTrue(conv.weightGradient().get(0, 0) != 0);
    }

    @Test
    void badShapesAndValuesAreNamed() {
        Convolution conv = new Convolution(1, 28, 28, 4, 5, 1, 0, Init.he(), 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> conv.forward(new DMatrixRMaj(2, 783)));
        assertTrue(e.getMessage().contains("2×783") && e.getMessage().contains("2×784"), e.getMessage());
        DMatrixRMaj x = new DMatrixRMaj(2, 784);
        x.set(1, 10, Double.NaN);
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class, () -> conv.forward(x));
        assertTrue(nan.getMessage().contains("row 1, column 10"), nan.getMessage());
        conv.forward(new DMatrixRMaj(2, 784));
        IllegalArgumentException up = assertThrows(IllegalArgumentException.class, () -> conv.backward(new DMatrixRMaj(2, 10)));
        assertTrue(up.getMessage().contains("2×10") && up.getMessage().contains("2×2304"), up.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Convolution(1, 3, 3, 1, 5, 1, 0, Init.he(), 1));
        assertThrows(IllegalArgumentException.class, () -> new Convolution(Tensor.zeros(2, 2, 2), new double[2], 5, 5, 1, 0));
        NullPointerException npe = assertThrows(NullPointerException.class,
                () -> new Convolution(Tensor.zeros(1, 1, 2, 2), null, 5, 5, 1, 0));
        assertTrue(npe.getMessage().contains("bias"));
        assertThrows(IllegalArgumentException.class,
                () -> new Convolution(Tensor.zeros(2, 1, 2, 2), new double[3], 5, 5, 1, 0));
    }

    @Test
    void smallCnnGradientCheckThroughTheNetwork() {
        Convolution conv = new Convolution(1, 6, 6, 2, 3, 1, 1, Init.he(), 21);
        MaxPooling pool = MaxPooling.after(conv, 2, 2);
        Sequential net = new Sequential().add(conv).add(Activation.tanh()).add(pool)
                .add(new Dense(pool.outputSize(), 3, Init.he(), 22));
        DMatrixRMaj x = random(4, 36, 23);
        GradientCheck.Result r = GradientCheck.check(net, x, new int[] {0, 1, 2, 1});
        assertTrue(r.maxRelativeError() < 1e-6, r.toString());
    }

    @Test
    void trainsWithTheSameTrainerAsAnMlp() {
        // two classes: a bright vertical bar or a bright horizontal bar, at random positions, with noise
        Random rng = new Random(5);
        int n = 200;
        DMatrixRMaj x = new DMatrixRMaj(n, 64);
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 2;
            int pos = rng.nextInt(8);
            for (int k = 0; k < 8; k++) {
                int p = labels[i] == 0 ? k * 8 + pos : pos * 8 + k;
                x.set(i, p, 1);
            }
            for (int p = 0; p < 64; p++) {
                x.add(i, p, 0.2 * rng.nextGaussian());
            }
        }
        Dataset data = new Dataset(x, labels);
        Convolution conv = new Convolution(1, 8, 8, 4, 3, 1, 1, Init.he(), 1);
        MaxPooling pool = MaxPooling.after(conv, 2, 2);
        Sequential net = new Sequential().add(conv).add(Activation.relu()).add(pool)
                .add(new Dense(pool.outputSize(), 2, Init.he(), 2));
        History h = new Trainer(new Sgd(0.05)).batchSize(20).epochs(5).seed(3).fit(net, data);
        assertTrue(h.last().trainAccuracy() > 0.95, h.toString());
        assertTrue(h.last().trainLoss() < h.evaluations().get(0).trainLoss() / 2, h.toString());
    }
}
