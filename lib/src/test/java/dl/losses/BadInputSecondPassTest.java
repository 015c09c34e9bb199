package dl.losses;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** Issue 29: non-finite scores and empty batches at the losses. */
class BadInputSecondPassTest {
    private static void assertMentions(Throwable e, String... parts) {
        for (String p : parts) {
            assertTrue(e.getMessage() != null && e.getMessage().contains(p), "expected '" + p + "' in: " + e.getMessage());
        }
    }

    @Test
    void softmaxCrossEntropyOnItsOwnRefusesNonFiniteLogitsNamingTheEntry() {
        DMatrixRMaj z = new DMatrixRMaj(new double[][] {{1, 2}, {Double.NaN, 0}});
        assertMentions(assertThrows(IllegalArgumentException.class, () -> new SoftmaxCrossEntropy().forward(z, new int[] {0, 1})),
                "SoftmaxCrossEntropy", "logits z", "NaN at row 1, column 0", "finite numbers");
    }

    @Test
    void binaryCrossEntropyAsALossLayerRefusesNonFiniteScoresAndNeverTurnsThemFinite() {
        DMatrixRMaj p = new DMatrixRMaj(new double[][] {{0.3}, {Double.POSITIVE_INFINITY}});
        assertMentions(assertThrows(IllegalArgumentException.class,
                () -> LossLayer.of(new BinaryCrossEntropy()).forward(p, new int[] {0, 1})),
                "BinaryCrossEntropy", "scores", "Infinity at row 1, column 0");
        // as a plain loss (the clip used to turn ∞ into 1 − ε): NaN, which training reports
        DMatrixRMaj t = new DMatrixRMaj(new double[][] {{0}, {1}});
        assertTrue(Double.isNaN(new BinaryCrossEntropy().value(p, t)));
        assertTrue(Double.isNaN(new BinaryCrossEntropy().gradient(p, t).get(1, 0)));
        assertTrue(Double.isNaN(BinaryCrossEntropy.fromLogits().gradient(p, t).get(1, 0)), "σ(∞) − t was finite");
    }

    @Test
    void emptyBatchesAreRefused() {
        assertMentions(assertThrows(IllegalArgumentException.class,
                () -> new MeanSquaredError().value(new DMatrixRMaj(0, 1), new DMatrixRMaj(0, 1))),
                "MSE", "the batch is empty", "0×1", "at least one sample");
        assertMentions(assertThrows(IllegalArgumentException.class,
                () -> new MeanSquaredError().gradient(new DMatrixRMaj(0, 3), new DMatrixRMaj(0, 3))), "the batch is empty");
        assertMentions(assertThrows(IllegalArgumentException.class,
                () -> new SoftmaxCrossEntropy().forward(new DMatrixRMaj(0, 10), new int[0])),
                "SoftmaxCrossEntropy", "the batch is empty", "0×10", "at least one sample");
        assertMentions(assertThrows(IllegalArgumentException.class,
                () -> LossLayer.of(new MeanSquaredError()).forward(new DMatrixRMaj(0, 2), new int[0])), "the batch is empty");
    }
}
