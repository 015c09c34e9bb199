package dl.losses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** Invalid loss targets and predictions get a named error (issue 15). */
class BadInputTest {
    private static void assertMentions(Throwable e, String... parts) {
        for (String p : parts) {
            assertTrue(e.getMessage() != null && e.getMessage().contains(p), "expected '" + p + "' in: " + e.getMessage());
        }
    }

    private static DMatrixRMaj m(double[]... rows) {
        return new DMatrixRMaj(rows);
    }

    private static final DMatrixRMaj Y = m(new double[] {0.7, 0.2, 0.1}, new double[] {0.1, 0.8, 0.1});

    @Test
    void categoricalCrossEntropyRefusesTargetsThatAreNotDistributions() {
        Loss cce = new CategoricalCrossEntropy();
        assertMentions(assertThrows(IllegalArgumentException.class,
                () -> cce.value(Y, m(new double[] {1, 0, 0}, new double[] {0, 1, 1}))), "targets t", "row 1", "sums to 2");
        assertMentions(assertThrows(IllegalArgumentException.class,
                () -> cce.value(Y, m(new double[] {1, 0, 0}, new double[] {0, 0, 0}))), "row 1", "all-zero row");
        assertMentions(assertThrows(IllegalArgumentException.class,
                () -> cce.gradient(Y, m(new double[] {1, 0, 0}, new double[] {-1, 1, 1}))), "row 1", "column 0", "-1.0");
    }

    @Test
    void categoricalCrossEntropyRefusesPredictionsThatAreNotDistributions() {
        Loss cce = new CategoricalCrossEntropy();
        DMatrixRMaj t = m(new double[] {1, 0, 0}, new double[] {0, 1, 0});
        assertMentions(assertThrows(IllegalArgumentException.class,
                () -> cce.value(m(new double[] {2, 0, 0}, new double[] {0, 1, 0}), t)), "predictions y", "row 0", "2.0");
        assertMentions(assertThrows(IllegalArgumentException.class,
                () -> cce.value(m(new double[] {0.5, 0, 0}, new double[] {0, 1, 0}), t)), "predictions y", "row 0",
                "sums to 0.5");
        // soft targets and exact distributions are fine
        assertEquals(-Math.log(0.7) / 2 - Math.log(0.8) / 2, cce.value(Y, t), 1e-12);
        cce.value(Y, m(new double[] {0.5, 0.5, 0}, new double[] {0.2, 0.3, 0.5}));
        // shape mismatch names both shapes
        assertMentions(assertThrows(IllegalArgumentException.class, () -> cce.value(Y, new DMatrixRMaj(3, 2))), "2×3", "3×2");
    }

    @Test
    void sparseCategoricalCrossEntropyRefusesPredictionsThatAreNotDistributions() {
        var scce = new SparseCategoricalCrossEntropy();
        assertMentions(assertThrows(IllegalArgumentException.class,
                () -> scce.value(m(new double[] {1.5, 0.5}), new int[] {0})), "predictions y", "1.5");
        assertMentions(assertThrows(IllegalArgumentException.class, () -> scce.value(Y, new int[] {0, 3})), "label 1", "3");
    }

    @Test
    void binaryCrossEntropyRefusesTargetsAndProbabilitiesOutsideTheUnitInterval() {
        Loss bce = new BinaryCrossEntropy();
        DMatrixRMaj p = m(new double[] {0.3}, new double[] {0.9});
        assertMentions(assertThrows(IllegalArgumentException.class, () -> bce.value(p, m(new double[] {2}, new double[] {0}))),
                "targets t", "[0, 1]", "row 0", "2.0");
        assertMentions(assertThrows(IllegalArgumentException.class, () -> bce.value(p, m(new double[] {1}, new double[] {-1}))),
                "targets t", "row 1", "-1.0");
        assertMentions(assertThrows(IllegalArgumentException.class,
                () -> bce.gradient(m(new double[] {1.7}, new double[] {0.5}), m(new double[] {1}, new double[] {0}))),
                "predictions p", "row 0", "1.7", "fromLogits");
        // logits may be any finite number, but targets are still checked
        BinaryCrossEntropy.fromLogits().value(m(new double[] {1.7}, new double[] {-3}), m(new double[] {1}, new double[] {0}));
        assertThrows(IllegalArgumentException.class,
                () -> BinaryCrossEntropy.fromLogits().value(p, m(new double[] {1}, new double[] {3})));
    }

    @Test
    void aSingleOutputLossLayerNeedsLabelsZeroOrOne() {
        LossLayer mse = LossLayer.of(new MeanSquaredError());
        DMatrixRMaj y = m(new double[] {0.2}, new double[] {0.9});
        assertMentions(assertThrows(IllegalArgumentException.class, () -> mse.forward(y, new int[] {0, -1})),
                "labels 0 or 1", "label 1", "-1");
        assertMentions(assertThrows(IllegalArgumentException.class, () -> mse.forward(y, new int[] {2, 0})),
                "label 0", "2");
        assertMentions(assertThrows(IllegalArgumentException.class, () -> mse.forward(y, new int[] {0})), "2×1", "1 labels");
    }

    @Test
    void regressionTargetsMustBeFinite() {
        DMatrixRMaj y = m(new double[] {0.2, 1});
        assertMentions(assertThrows(IllegalArgumentException.class,
                () -> new MeanSquaredError().value(y, m(new double[] {Double.NaN, 1}))), "target t", "NaN", "row 0", "column 0");
        assertMentions(assertThrows(IllegalArgumentException.class,
                () -> new MeanAbsoluteError().gradient(y, m(new double[] {0, Double.POSITIVE_INFINITY}))), "column 1");
    }

    @Test
    void nanScoresPredictNoClass() {
        var sce = new SoftmaxCrossEntropy();
        assertMentions(assertThrows(IllegalArgumentException.class,
                () -> sce.predictClasses(m(new double[] {1, 2}, new double[] {Double.NaN, 0}))), "row 1", "NaN", "column 0");
        assertMentions(assertThrows(IllegalArgumentException.class,
                () -> LossLayer.of(new BinaryCrossEntropy()).predictClasses(m(new double[] {Double.NaN}))), "row 0", "NaN");
    }

    @Test
    void nonFiniteLogitsGiveANonFiniteLossNotAnException() {
        // inside a network (Sequential turns the input check off) the Trainer reports a non-finite loss as
        // divergence, so the fused loss must pass it through
        var sce = new SoftmaxCrossEntropy();
        sce.setInputChecked(false);
        double loss = sce.forward(m(new double[] {Double.POSITIVE_INFINITY, 0}), new int[] {1});
        assertTrue(!Double.isFinite(loss), "loss " + loss);
    }

    @Test
    void lossesNameNullArguments() {
        assertMentions(assertThrows(NullPointerException.class, () -> new MeanSquaredError().value(null, Y)), "prediction y");
        assertMentions(assertThrows(NullPointerException.class, () -> new MeanSquaredError().value(Y, null)), "target t");
        assertMentions(assertThrows(NullPointerException.class, () -> new SoftmaxCrossEntropy().forward(Y, null)), "labels");
        assertMentions(assertThrows(NullPointerException.class, () -> LossLayer.of(null)), "loss");
        assertMentions(assertThrows(NullPointerException.class, () -> Loss.oneHot(null, 3)), "labels");
    }
}
