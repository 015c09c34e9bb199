package dl.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dl.activations.Activation;
import dl.init.Init;
import dl.network.GradientCheck;
import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class LayerGradientTest {

    /** Entries uniform in ±[0.1, 1]: no entry is within a finite-difference step of the kink at 0. */
    static DMatrixRMaj awayFromZero(int rows, int cols, long seed) {
        Random rng = new Random(seed);
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < m.data.length; i++) {
            double v = 0.1 + 0.9 * rng.nextDouble();
            m.data[i] = rng.nextBoolean() ? v : -v;
        }
        return m;
    }

    private static void assertChecks(Layer layer, DMatrixRMaj x, int expectedRows) {
        GradientCheck.Result r = GradientCheck.checkLayer(layer, x, 99);
        assertEquals(expectedRows, r.rows().size(), r.toString());
        assertTrue(r.maxRelativeError() < 1e-7, layer + "\n" + r);
    }

    @Test
    void denseGradients() {
        Dense dense = new Dense(4, 3, Init.normal(0.5), 1);
        dense.bias().data[0] = 0.3; // non-zero bias so that b enters the check
        assertChecks(dense, awayFromZero(5, 4, 2), 3);
    }

    @Test
    void denseMatchesHandComputation() {
        Dense dense = new Dense(new DMatrixRMaj(new double[][] {{1, 2}, {3, 4}, {5, 6}}), new DMatrixRMaj(new double[][] {{1, -1}}));
        DMatrixRMaj y = dense.forward(new DMatrixRMaj(new double[][] {{1, 0, 2}}));
        assertEquals(1 + 10 + 1, y.get(0, 0));
        assertEquals(2 + 12 - 1, y.get(0, 1));
        DMatrixRMaj dx = dense.backward(new DMatrixRMaj(new double[][] {{1, 1}}));
        assertEquals(3, dx.get(0, 0));
        assertEquals(11, dx.get(0, 2));
        assertEquals(2, dense.weightGradient().get(2, 0)); // x₂·dout₀
        assertEquals(1, dense.biasGradient().get(0, 1));
    }

    @Test
    void activationLayerGradients() {
        for (Activation f : List.of(Activation.sigmoid(), Activation.tanh(), Activation.relu(), Activation.leakyRelu(),
                Activation.elu(), Activation.selu(), Activation.softplus(), Activation.mish())) {
            assertChecks(new ActivationLayer(f), awayFromZero(4, 5, 3), 1);
        }
    }

    @Test
    void preluGradients() {
        PRelu prelu = new PRelu(5, 0.2);
        prelu.alpha().data[3] = -0.4;
        assertChecks(prelu, awayFromZero(6, 5, 4), 2);
    }

    @Test
    void batchNormGradients() {
        BatchNorm bn = new BatchNorm(4);
        Random rng = new Random(5);
        for (int j = 0; j < 4; j++) {
            bn.gamma().data[j] = 0.5 + rng.nextDouble();
            bn.beta().data[j] = rng.nextGaussian();
        }
        DMatrixRMaj x = awayFromZero(6, 4, 6);
        assertChecks(bn, x, 3);
    }

    @Test
    void aWrongBackwardIsCaught() {
        // A layer y = 2x whose backward forgets the factor 2: the check must report a large error.
        Layer wrong = new Layer() {
            private final DMatrixRMaj y = new DMatrixRMaj(1, 1);

            @Override
            public DMatrixRMaj forward(DMatrixRMaj x, boolean training) {
                y.reshape(x.numRows, x.numCols);
                for (int i = 0; i < x.getNumElements(); i++) {
                    y.data[i] = 2 * x.data[i];
                }
                return y;
            }

            @Override
            public DMatrixRMaj backward(DMatrixRMaj dout) {
                return dout.copy();
            }
        };
        GradientCheck.Result r = GradientCheck.checkLayer(wrong, awayFromZero(3, 2, 7), 1);
        assertTrue(r.maxRelativeError() > 0.1, r.toString());
    }

    @Test
    void denseShapeMismatchNamesBothShapes() {
        Dense dense = new Dense(784, 50, Init.he(), 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> dense.forward(new DMatrixRMaj(100, 783)));
        assertEquals("Dense(784→50): input is 100×783, expected 100×784", e.getMessage());
        dense.forward(new DMatrixRMaj(100, 784));
        e = assertThrows(IllegalArgumentException.class, () -> dense.backward(new DMatrixRMaj(100, 10)));
        assertTrue(e.getMessage().contains("100×10") && e.getMessage().contains("100×50"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new BatchNorm(3).forward(new DMatrixRMaj(2, 4)));
        assertTrue(e.getMessage().contains("2×4") && e.getMessage().contains("2×3"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new Dense(new DMatrixRMaj(3, 2), new DMatrixRMaj(1, 3)));
        assertTrue(e.getMessage().contains("3×2") && e.getMessage().contains("1×3"), e.getMessage());
    }

    @Test
    void firstLayerCanSkipItsInputGradient() {
        Dense dense = new Dense(3, 2, Init.he(), 1);
        dense.forward(new DMatrixRMaj(4, 3));
        dense.setInputGradientNeeded(false);
        assertNull(dense.backward(new DMatrixRMaj(4, 2)));
    }

    @Test
    void buffersAreReusedAcrossCallsOfTheSameSize() {
        Dense dense = new Dense(3, 2, Init.he(), 1);
        DMatrixRMaj a = dense.forward(awayFromZero(4, 3, 1));
        DMatrixRMaj b = dense.forward(awayFromZero(4, 3, 2));
        assertTrue(a == b, "forward should return the layer's own output buffer");
        DMatrixRMaj c = dense.forward(awayFromZero(7, 3, 3));
        assertEquals(7, c.numRows);
    }
}
