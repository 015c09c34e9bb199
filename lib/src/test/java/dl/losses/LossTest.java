package dl.losses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dl.activations.Sigmoid;
import dl.activations.Softmax;
import java.util.Random;
import java.util.function.ToDoubleFunction;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class LossTest {

    private static DMatrixRMaj random(int rows, int cols, double lo, double hi, long seed) {
        Random rng = new Random(seed);
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < m.data.length; i++) {
            m.data[i] = lo + (hi - lo) * rng.nextDouble();
        }
        return m;
    }

    /** Rows that sum to 1 with all entries in (0, 1). */
    private static DMatrixRMaj probabilities(int rows, int cols, long seed) {
        return Softmax.apply(random(rows, cols, -1, 1, seed));
    }

    /** Relative error max|a − n| / max(|a| + |n|) between an analytic gradient and central differences of f. */
    private static double relativeError(DMatrixRMaj y, DMatrixRMaj analytic, ToDoubleFunction<DMatrixRMaj> f) {
        double h = 1e-6;
        double maxDiff = 0;
        double maxSum = 0;
        for (int i = 0; i < y.data.length; i++) {
            double saved = y.data[i];
            y.data[i] = saved + h;
            double plus = f.applyAsDouble(y);
            y.data[i] = saved - h;
            double minus = f.applyAsDouble(y);
            y.data[i] = saved;
            double numeric = (plus - minus) / (2 * h);
            maxDiff = Math.max(maxDiff, Math.abs(numeric - analytic.data[i]));
            maxSum = Math.max(maxSum, Math.abs(numeric) + Math.abs(analytic.data[i]));
        }
        return maxDiff / maxSum;
    }

    private static void assertGradient(Loss loss, DMatrixRMaj y, DMatrixRMaj t) {
        double err = relativeError(y, loss.gradient(y, t), m -> loss.value(m, t));
        assertTrue(err < 1e-7, loss + " relative error " + err);
    }

    @Test
    void valuesOnHandExamples() {
        DMatrixRMaj y = new DMatrixRMaj(new double[][] {{0.6, 0.4}, {0.1, 0.9}});
        DMatrixRMaj t = new DMatrixRMaj(new double[][] {{1, 0}, {0, 1}});
        assertEquals((0.16 + 0.16 + 0.01 + 0.01) / 4, new MeanSquaredError().value(y, t), 1e-15);
        assertEquals((0.4 + 0.4 + 0.1 + 0.1) / 4, new MeanAbsoluteError().value(y, t), 1e-15);
        assertEquals(-(Math.log(0.6) + Math.log(0.9)) / 2, new CategoricalCrossEntropy().value(y, t), 1e-15);
        assertEquals(-(Math.log(0.6) + Math.log(0.9)) / 2, new SparseCategoricalCrossEntropy().value(y, new int[] {0, 1}),
                1e-15);
        double bce = -(Math.log(0.6) + Math.log(0.6) + Math.log(0.9) + Math.log(0.9)) / 4;
        assertEquals(bce, new BinaryCrossEntropy().value(y, t), 1e-15);
    }

    @Test
    void gradientsMatchNumericalGradients() {
        DMatrixRMaj y = random(5, 3, 0.05, 0.95, 1);
        DMatrixRMaj t = random(5, 3, 0, 1, 2);
        assertGradient(new MeanSquaredError(), y, t);
        assertGradient(new MeanAbsoluteError(), y, t); // y ≠ t everywhere, so no kink is crossed
        assertGradient(new BinaryCrossEntropy(), y, t);
        assertGradient(BinaryCrossEntropy.fromLogits(), random(5, 3, -4, 4, 3), t);
        DMatrixRMaj p = probabilities(5, 3, 4);
        DMatrixRMaj oneHot = Loss.oneHot(new int[] {0, 2, 1, 1, 0}, 3);
        assertGradient(new CategoricalCrossEntropy(), p, oneHot);
        int[] labels = {2, 0, 1, 2, 2};
        SparseCategoricalCrossEntropy sparse = new SparseCategoricalCrossEntropy();
        double err = relativeError(p, sparse.gradient(p, labels), m -> sparse.value(m, labels));
        assertTrue(err < 1e-7, "sparse CE relative error " + err);
    }

    @Test
    void sparseEqualsCategoricalWithOneHot() {
        DMatrixRMaj p = probabilities(6, 4, 5);
        int[] labels = {3, 0, 1, 2, 2, 0};
        DMatrixRMaj t = Loss.oneHot(labels, 4);
        assertEquals(new CategoricalCrossEntropy().value(p, t), new SparseCategoricalCrossEntropy().value(p, labels), 1e-15);
        DMatrixRMaj g1 = new CategoricalCrossEntropy().gradient(p, t);
        DMatrixRMaj g2 = new SparseCategoricalCrossEntropy().gradient(p, labels);
        for (int i = 0; i < g1.data.length; i++) {
            assertEquals(g1.data[i], g2.data[i], 1e-15);
        }
    }

    @Test
    void binaryCrossEntropyOnLogitsEqualsOnProbabilities() {
        DMatrixRMaj z = random(4, 2, -3, 3, 6);
        DMatrixRMaj p = z.copy();
        for (int i = 0; i < p.data.length; i++) {
            p.data[i] = Sigmoid.sigmoid(z.data[i]);
        }
        DMatrixRMaj t = random(4, 2, 0, 1, 7);
        assertEquals(new BinaryCrossEntropy().value(p, t), BinaryCrossEntropy.fromLogits().value(z, t), 1e-12);
        // at extreme logits the logit form is exact and finite: L(z = 1000, t = 0) = 1000
        DMatrixRMaj big = new DMatrixRMaj(new double[][] {{1000}});
        assertEquals(1000, BinaryCrossEntropy.fromLogits().value(big, new DMatrixRMaj(1, 1)), 1e-9);
        // the probability form is clipped: p = 0 with t = 1 costs −ln ε, not ∞
        assertEquals(-Math.log(BinaryCrossEntropy.EPSILON),
                new BinaryCrossEntropy().value(new DMatrixRMaj(1, 1), new DMatrixRMaj(new double[][] {{1}})), 1e-9);
    }

    @Test
    void softmaxCrossEntropyMatchesSoftmaxThenCrossEntropy() {
        DMatrixRMaj z = random(5, 4, -2, 2, 8);
        int[] labels = {1, 3, 0, 0, 2};
        SoftmaxCrossEntropy sce = new SoftmaxCrossEntropy();
        assertEquals(new SparseCategoricalCrossEntropy().value(Softmax.apply(z), labels), sce.forward(z, labels), 1e-14);
        DMatrixRMaj dz = sce.backward().copy();
        DMatrixRMaj expected = Softmax.apply(z);
        for (int i = 0; i < 5; i++) {
            for (int k = 0; k < 4; k++) {
                double t = labels[i] == k ? 1 : 0;
                assertEquals((expected.get(i, k) - t) / 5, dz.get(i, k), 1e-15);
            }
        }
        double err = relativeError(z, dz, m -> new SoftmaxCrossEntropy().forward(m, labels));
        assertTrue(err < 1e-7, "softmax CE relative error " + err);
    }

    @Test
    void softmaxCrossEntropyIsStableAtLargeLogits() {
        DMatrixRMaj z = new DMatrixRMaj(new double[][] {{1000, -1000, 0}, {1000, -1000, 0}});
        SoftmaxCrossEntropy sce = new SoftmaxCrossEntropy();
        double loss = sce.forward(z, new int[] {0, 1});
        // row 0: correct with margin 1000 → loss 0; row 1: the label's logit is 2000 below the max → loss 2000
        assertEquals(1000, loss, 1e-9);
        DMatrixRMaj dz = sce.backward();
        for (double v : dz.data) {
            assertTrue(Double.isFinite(v));
        }
        assertEquals(0.5, dz.get(1, 0), 1e-15);
        assertEquals(-0.5, dz.get(1, 1), 1e-15);
        assertEquals(0, dz.get(0, 0), 1e-15);
    }

    @Test
    void lossLayerAdapterEncodesLabels() {
        DMatrixRMaj y = new DMatrixRMaj(new double[][] {{0.6, 0.4}, {0.1, 0.9}});
        LossLayer mse = LossLayer.of(new MeanSquaredError());
        assertEquals(new MeanSquaredError().value(y, Loss.oneHot(new int[] {0, 1}, 2)), mse.forward(y, new int[] {0, 1}));
        LossLayer binary = LossLayer.of(BinaryCrossEntropy.fromLogits());
        DMatrixRMaj z = new DMatrixRMaj(new double[][] {{-0.3}, {2}});
        assertEquals(BinaryCrossEntropy.fromLogits().value(z, new DMatrixRMaj(new double[][] {{0}, {1}})),
                binary.forward(z, new int[] {0, 1}), 1e-15);
        assertEquals(0, binary.predictClasses(z)[0]);
        assertEquals(1, binary.predictClasses(z)[1]);
    }

    @Test
    void badShapesAndLabelsAreNamed() {
        DMatrixRMaj y = new DMatrixRMaj(4, 3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new MeanSquaredError().value(y, new DMatrixRMaj(4, 2)));
        assertTrue(e.getMessage().contains("4×3") && e.getMessage().contains("4×2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new SoftmaxCrossEntropy().forward(y, new int[] {0, 1, 2, 3}));
        assertTrue(e.getMessage().contains("label 3 is 3") && e.getMessage().contains("4×3"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new SoftmaxCrossEntropy().forward(y, new int[] {0, 1}));
        assertTrue(e.getMessage().contains("4×3") && e.getMessage().contains("2 labels"), e.getMessage());
    }
}
