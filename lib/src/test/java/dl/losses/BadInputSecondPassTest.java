package dl.losses;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** Issue 29: non-finite scores and predictions, overflowing losses and empty batches at the losses. */
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
        // as a plain loss (the clip used to turn ∞ into 1 − ε): refused, naming the entry
        DMatrixRMaj t = new DMatrixRMaj(new double[][] {{0}, {1}});
        assertMentions(assertThrows(IllegalArgumentException.class, () -> new BinaryCrossEntropy().value(p, t)),
                "BinaryCrossEntropy", "prediction y (2×1) has Infinity at row 1, column 0", "finite predictions");
        // inside a network (unchecked): NaN, never a finite loss, which the trainer reports as divergence
        assertTrue(Double.isNaN(new BinaryCrossEntropy().uncheckedValue(p, t)));
        assertTrue(Double.isNaN(new BinaryCrossEntropy().uncheckedGradient(p, t).get(1, 0)));
        assertTrue(Double.isNaN(BinaryCrossEntropy.fromLogits().uncheckedGradient(p, t).get(1, 0)), "σ(∞) − t was finite");
    }

    @Test
    void everyPlainLossRefusesANonFinitePredictionNamingTheLossAndTheEntry() {
        DMatrixRMaj y = new DMatrixRMaj(new double[][] {{0.5, 0.5}, {Double.NaN, 0.5}});
        DMatrixRMaj t = new DMatrixRMaj(new double[][] {{1, 0}, {0, 1}});
        for (Loss loss : new Loss[] {new MeanSquaredError(), new MeanAbsoluteError(), new BinaryCrossEntropy(),
                new CategoricalCrossEntropy()}) {
            assertMentions(assertThrows(IllegalArgumentException.class, () -> loss.value(y, t)), loss.toString(),
                    "prediction y (2×2) has NaN at row 1, column 0", "a loss needs finite predictions", "diverged");
            assertMentions(assertThrows(IllegalArgumentException.class, () -> loss.gradient(y, t)), loss.toString(),
                    "NaN at row 1, column 0");
            assertTrue(Double.isNaN(loss.uncheckedValue(y, t)), loss + ": unchecked, NaN stays NaN");
        }
        // a NaN where the one-hot target is 0 (it used to be skipped: a finite loss from a NaN prediction)
        DMatrixRMaj y2 = new DMatrixRMaj(new double[][] {{1, Double.NaN}});
        DMatrixRMaj t2 = new DMatrixRMaj(new double[][] {{1, 0}});
        assertTrue(Double.isNaN(new CategoricalCrossEntropy().uncheckedValue(y2, t2)));
        assertMentions(assertThrows(IllegalArgumentException.class, () -> new MeanSquaredError().value(Double.NaN, 0)),
                "MSE", "prediction y (1×1) has NaN");
        SparseCategoricalCrossEntropy sparse = new SparseCategoricalCrossEntropy();
        assertMentions(assertThrows(IllegalArgumentException.class, () -> sparse.value(y2, new int[] {0})),
                "SparseCategoricalCrossEntropy", "NaN at row 0, column 1");
        sparse.setInputChecked(false); // inside a network: a NaN outside the label's column still spoils the loss
        assertTrue(Double.isNaN(sparse.forward(y2, new int[] {0})));
    }

    @Test
    void aLossThatOverflowsOnFiniteValuesBlamesTheirScale() {
        DMatrixRMaj y = new DMatrixRMaj(new double[][] {{1}, {1e200}});
        DMatrixRMaj t = new DMatrixRMaj(new double[][] {{0}, {0}});
        assertMentions(assertThrows(IllegalArgumentException.class, () -> new MeanSquaredError().value(y, t)),
                "MSE is Infinity", "although every prediction and target is finite", "the largest is 1.0E200",
                "prediction y at row 1, column 0", "scale the data");
        // inside a network the overflow is the trainer's to report (a learning rate may be to blame)
        LossLayer layer = LossLayer.of(new MeanSquaredError());
        layer.setInputChecked(false);
        assertTrue(Double.isInfinite(layer.forward(new DMatrixRMaj(new double[][] {{1e200, 0}}), new int[] {1})));
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
        assertMentions(assertThrows(IllegalArgumentException.class,
                () -> new SparseCategoricalCrossEntropy().value(new DMatrixRMaj(0, 3), new int[0])),
                "SparseCategoricalCrossEntropy", "the batch is empty", "0×3");
    }
}
