package dl.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dl.activations.Activation;
import dl.init.Init;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** Misused layers get a named error (issue 15). */
class BadInputTest {
    private static void assertMentions(Throwable e, String... parts) {
        for (String p : parts) {
            assertTrue(e.getMessage() != null && e.getMessage().contains(p), "expected '" + p + "' in: " + e.getMessage());
        }
    }

    @Test
    void batchNormInTrainingModeRefusesBatchesOfOneOrZeroRows() {
        BatchNorm bn = new BatchNorm(3);
        assertMentions(assertThrows(IllegalArgumentException.class, () -> bn.forward(new DMatrixRMaj(1, 3), true)),
                "BatchNorm(3)", "at least 2 rows", "1×3");
        assertMentions(assertThrows(IllegalArgumentException.class, () -> bn.forward(new DMatrixRMaj(0, 3), true)),
                "at least 2 rows", "0×3");
        assertArrayEquals(new double[3], bn.runningMean(), "running statistics untouched");
        assertArrayEquals(new double[] {1, 1, 1}, bn.runningVariance());
        bn.forward(new DMatrixRMaj(1, 3), false); // inference on one row is fine: it uses the running statistics
    }

    @Test
    void aNaNBatchDoesNotPoisonTheRunningStatistics() {
        BatchNorm bn = new BatchNorm(2);
        bn.forward(new DMatrixRMaj(new double[][] {{1, 2}, {3, 4}}), true);
        double[] mean = bn.runningMean();
        double[] var = bn.runningVariance();
        var e = assertThrows(IllegalArgumentException.class,
                () -> bn.forward(new DMatrixRMaj(new double[][] {{1, Double.NaN}, {3, 4}}), true));
        assertMentions(e, "feature (column) 1", "NaN", "left unchanged");
        assertArrayEquals(mean, bn.runningMean());
        assertArrayEquals(var, bn.runningVariance());
    }

    @Test
    void layersNameNullArgumentsAndShapes() {
        Dense d = new Dense(3, 2, Init.he(), 1);
        assertMentions(assertThrows(NullPointerException.class, () -> d.forward(null, true)), "x");
        assertMentions(assertThrows(NullPointerException.class, () -> new Dense(2, 2, null, 1)), "init");
        assertMentions(assertThrows(NullPointerException.class, () -> new Dense(null, new DMatrixRMaj(1, 2))), "w");
        assertMentions(assertThrows(NullPointerException.class, () -> new ActivationLayer(null)), "activation");
        assertMentions(assertThrows(NullPointerException.class, () -> new Dropout(0.5, 1).forward(null, true)), "x");
        assertMentions(assertThrows(NullPointerException.class, () -> new PRelu(2).backward(null)), "dout");
        assertMentions(assertThrows(NullPointerException.class,
                () -> new ActivationLayer(Activation.relu()).forward(null, false)), "x");
        assertMentions(assertThrows(IllegalArgumentException.class, () -> d.forward(new DMatrixRMaj(4, 5), true)),
                "Dense(3→2)", "4×5", "4×3");
        assertMentions(assertThrows(IllegalArgumentException.class,
                () -> new Dense(new DMatrixRMaj(2, 3), new DMatrixRMaj(1, 2))), "2×3", "1×2");
    }

    @Test
    void aDenseLayerRefusesNonFiniteGivenWeights() {
        DMatrixRMaj w = new DMatrixRMaj(new double[][] {{1, 2}, {Double.NaN, 4}});
        assertMentions(assertThrows(IllegalArgumentException.class, () -> new Dense(w, new DMatrixRMaj(1, 2))),
                "W", "NaN", "row 1", "column 0");
    }
}
