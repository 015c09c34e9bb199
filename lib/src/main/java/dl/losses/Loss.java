package dl.losses;

import dl.layers.Layer;
import org.ejml.data.DMatrixRMaj;

/**
 * A loss function (손실 함수) L(y, t) comparing a prediction y with a target t, both N × K (one sample
 * per row), averaged over the batch so that its size does not change the scale of the gradient.
 */
public interface Loss {

    /** L(y, t). */
    double value(DMatrixRMaj y, DMatrixRMaj t);

    /** ∂L/∂y, a new N × K matrix. */
    DMatrixRMaj gradient(DMatrixRMaj y, DMatrixRMaj t);

    /** L(y, t) of one prediction and one target (a batch of one 1 × 1 sample), e.g. to plot L over y. */
    default double value(double y, double t) {
        return value(new DMatrixRMaj(1, 1, true, y), new DMatrixRMaj(1, 1, true, t));
    }

    /** The one-hot encoding of class labels: row i has a 1 in column labels[i], zeros elsewhere. */
    static DMatrixRMaj oneHot(int[] labels, int numClasses) {
        java.util.Objects.requireNonNull(labels, "labels");
        DMatrixRMaj t = new DMatrixRMaj(labels.length, numClasses);
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= numClasses) {
                throw new IllegalArgumentException("label " + i + " is " + labels[i] + ", outside 0.." + (numClasses - 1));
            }
            t.data[i * numClasses + labels[i]] = 1;
        }
        return t;
    }

    /** Throws an IllegalArgumentException naming both shapes unless y and t have the same shape. */
    static void requireSameShape(DMatrixRMaj y, DMatrixRMaj t) {
        java.util.Objects.requireNonNull(y, "prediction y");
        java.util.Objects.requireNonNull(t, "target t");
        if (y.numRows != t.numRows || y.numCols != t.numCols) {
            throw new IllegalArgumentException("prediction y is " + Layer.shape(y) + " but target t is " + Layer.shape(t));
        }
    }

    /** Throws an IllegalArgumentException unless there is one label per row of y, each in 0..K−1. */
    static void requireLabels(DMatrixRMaj y, int[] labels) {
        java.util.Objects.requireNonNull(y, "prediction");
        java.util.Objects.requireNonNull(labels, "labels");
        if (labels.length != y.numRows) {
            throw new IllegalArgumentException("prediction is " + Layer.shape(y) + " but there are " + labels.length + " labels");
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= y.numCols) {
                throw new IllegalArgumentException("label " + i + " is " + labels[i] + " but the prediction has only "
                        + y.numCols + " classes (" + Layer.shape(y) + ")");
            }
        }
    }

    /** Tolerance on the row sums of distributions (targets and predicted probabilities). */
    double SUM_TOLERANCE = 1e-4;

    /** Throws an IllegalArgumentException naming the entry unless every target is finite. */
    static void requireFiniteTargets(DMatrixRMaj t) {
        dl.data.Finite.require(t, "target t");
    }

    /** Throws an IllegalArgumentException naming the entry unless every entry of m lies in [0, 1]. */
    static void requireUnitInterval(DMatrixRMaj m, String what, boolean allowNonFinite) {
        java.util.Objects.requireNonNull(m, what);
        int k = Math.max(m.numCols, 1);
        for (int i = 0; i < m.getNumElements(); i++) {
            double v = m.data[i];
            if (allowNonFinite && !Double.isFinite(v)) {
                continue; // a non-finite prediction gives a non-finite loss, which training reports
            }
            if (!(v >= 0 && v <= 1)) {
                throw new IllegalArgumentException(what + " must lie in [0, 1], but row " + i / k + ", column " + i % k
                        + " is " + v + " (" + Layer.shape(m) + ")");
            }
        }
    }

    /**
     * Throws an IllegalArgumentException naming the row unless every row of m is a probability
     * distribution: entries in [0, 1] summing to 1 (within {@link #SUM_TOLERANCE}). Rows with a
     * non-finite entry are skipped when {@code allowNonFinite} (a diverged prediction gives a NaN loss).
     */
    static void requireDistributions(DMatrixRMaj m, String what, boolean allowNonFinite) {
        java.util.Objects.requireNonNull(m, what);
        requireUnitInterval(m, what + " entries", allowNonFinite);
        int k = m.numCols;
        for (int r = 0; r < m.numRows; r++) {
            double sum = 0;
            for (int c = 0; c < k; c++) {
                sum += m.data[r * k + c];
            }
            if (allowNonFinite && !Double.isFinite(sum)) {
                continue;
            }
            if (!(Math.abs(sum - 1) <= SUM_TOLERANCE)) {
                throw new IllegalArgumentException(what + " rows must sum to 1 (a distribution), but row " + r + " sums to "
                        + sum + (sum == 0 ? " (an all-zero row)" : "") + " (" + Layer.shape(m) + ")");
            }
        }
    }
}
