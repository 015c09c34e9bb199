package dl.losses;

import dl.checks.Finite;
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

    /**
     * L(y, t) for training code that reports divergence itself ({@code Sequential.gradients}, a loss layer inside a
     * network): a NaN or ±∞ prediction, or an overflow, gives a NaN or ±∞ loss instead of an exception. Shapes and
     * targets are checked as in {@link #value}. The library's losses refuse non-finite predictions in
     * {@link #value}; this default is {@code value} itself.
     */
    default double uncheckedValue(DMatrixRMaj y, DMatrixRMaj t) {
        return value(y, t);
    }

    /** ∂L/∂y as {@link #uncheckedValue}: a NaN or ±∞ prediction gives NaN entries instead of an exception. */
    default DMatrixRMaj uncheckedGradient(DMatrixRMaj y, DMatrixRMaj t) {
        return gradient(y, t);
    }

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
        Finite.require(t, "target t");
    }

    /**
     * Throws an IllegalArgumentException naming the loss and the row and column of the first NaN or ±∞ prediction
     * (a loss of it would be NaN without a word). One branch-free pass while every value is finite.
     */
    static void requireFinitePredictions(Object loss, DMatrixRMaj y) {
        int i = Finite.firstNonFinite(y.data, y.getNumElements());
        if (i >= 0) {
            int k = Math.max(y.numCols, 1);
            throw new IllegalArgumentException(loss + ": prediction y (" + Layer.shape(y) + ") has " + y.data[i]
                    + " at row " + i / k + ", column " + i % k + "; a loss needs finite predictions (a network whose"
                    + " output is NaN or ±∞ has diverged: train it with a Trainer or CurveFit, which report the step)");
        }
    }

    /**
     * Throws an IllegalArgumentException when a loss of finite predictions and targets overflowed to ±∞: the
     * values are too large for doubles; names the largest entry (prediction or target) and the fix.
     */
    static double requireFiniteResult(Object loss, double value, DMatrixRMaj y, DMatrixRMaj t) {
        if (Double.isFinite(value)) {
            return value;
        }
        DMatrixRMaj[] m = {y, t};
        String[] names = {"prediction y", "target t"};
        int which = 0, at = 0;
        for (int k = 0; k < 2; k++) {
            for (int i = 0; i < m[k].getNumElements(); i++) {
                if (Math.abs(m[k].data[i]) > Math.abs(m[which].data[at])) {
                    which = k;
                    at = i;
                }
            }
        }
        int cols = Math.max(m[which].numCols, 1);
        throw new IllegalArgumentException(loss + " is " + value + " although every prediction and target is finite:"
                + " the values are too large (the largest is " + m[which].data[at] + ", " + names[which] + " at row "
                + at / cols + ", column " + at % cols + "); scale the data (e.g. with a Standardizer)");
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
