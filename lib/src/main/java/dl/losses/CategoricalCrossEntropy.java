package dl.losses;

import org.ejml.data.DMatrixRMaj;

/**
 * Categorical cross-entropy (범주형 교차 엔트로피) of probabilities y (rows sum to 1, e.g. a softmax
 * output) against one-hot targets t: L = −(1/N) Σᵢₖ tᵢₖ·ln yᵢₖ, ∂L/∂y = −t/(N·y).
 *
 * <p>y is clipped below at ε = 1e-7 so that y = 0 gives a large but finite loss (gradient 0 there).
 * Targets must be distributions (one-hot rows, or soft labels: entries ≥ 0 summing to 1) and so must
 * the predictions (a row summing to 2 would give a negative loss); both are checked, naming the row.
 * For int labels use {@link SparseCategoricalCrossEntropy}; for logits use the fused and more
 * stable {@link SoftmaxCrossEntropy}.
 */
public final class CategoricalCrossEntropy implements Loss {
    /** The clip ε. */
    public static final double EPSILON = 1e-7;

    /** Refuses a NaN or ±∞ prediction, naming its entry. */
    @Override
    public double value(DMatrixRMaj y, DMatrixRMaj t) {
        requireValid(y, t);
        Loss.requireFinitePredictions(this, y);
        return uncheckedValue(y, t);
    }

    @Override
    public double uncheckedValue(DMatrixRMaj y, DMatrixRMaj t) {
        requireValid(y, t);
        double s = 0;
        for (int i = 0; i < y.getNumElements(); i++) {
            if (t.data[i] != 0 || !Double.isFinite(y.data[i])) { // a NaN where t = 0 still spoils the loss
                s -= t.data[i] * Math.log(Math.max(y.data[i], EPSILON));
            }
        }
        return s / y.numRows;
    }

    /** Refuses a NaN or ±∞ prediction, naming its entry. */
    @Override
    public DMatrixRMaj gradient(DMatrixRMaj y, DMatrixRMaj t) {
        requireValid(y, t);
        Loss.requireFinitePredictions(this, y);
        return uncheckedGradient(y, t);
    }

    @Override
    public DMatrixRMaj uncheckedGradient(DMatrixRMaj y, DMatrixRMaj t) {
        requireValid(y, t);
        DMatrixRMaj g = new DMatrixRMaj(y.numRows, y.numCols);
        for (int i = 0; i < y.getNumElements(); i++) {
            g.data[i] = y.data[i] < EPSILON ? 0 : -t.data[i] / (y.numRows * y.data[i]);
        }
        return g;
    }

    private static void requireValid(DMatrixRMaj y, DMatrixRMaj t) {
        Loss.requireSameShape(y, t);
        Loss.requireDistributions(t, "targets t", false);
        Loss.requireDistributions(y, "predictions y", true);
    }

    @Override
    public String toString() { return "CategoricalCrossEntropy"; }
}
