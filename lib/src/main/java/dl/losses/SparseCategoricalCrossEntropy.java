package dl.losses;

import dl.checks.Finite;
import org.ejml.data.DMatrixRMaj;

/**
 * Sparse categorical cross-entropy (희소 범주형 교차 엔트로피): the categorical cross-entropy with the
 * target given as a class index per sample instead of a one-hot row:
 * L = −(1/N) Σᵢ ln yᵢ,labelᵢ, ∂L/∂yᵢₖ = −1/(N·yᵢₖ) if k = labelᵢ else 0.
 * y is clipped below at ε = 1e-7 as in {@link CategoricalCrossEntropy}; its rows must be distributions
 * (entries in [0, 1] summing to 1), checked naming the row.
 */
public final class SparseCategoricalCrossEntropy implements LossLayer {
    private DMatrixRMaj lastY;
    private int[] lastLabels;
    private boolean inputChecked = true;

    /** L(y, labels); a NaN or ±∞ prediction is refused, naming its entry. */
    public double value(DMatrixRMaj y, int[] labels) {
        check(y, labels, true);
        return mean(y, labels);
    }

    /** ∂L/∂y, a new N × K matrix; a NaN or ±∞ prediction is refused, naming its entry. */
    public DMatrixRMaj gradient(DMatrixRMaj y, int[] labels) {
        check(y, labels, true);
        return meanGradient(y, labels);
    }

    /** Labels that fit y, a non-empty batch, distributions as rows and (if {@code finite}) finite predictions. */
    private void check(DMatrixRMaj y, int[] labels, boolean finite) {
        Loss.requireLabels(y, labels);
        LossLayer.requireNonEmpty(this, y);
        if (finite) {
            Loss.requireFinitePredictions(this, y);
        }
        Loss.requireDistributions(y, "predictions y", true);
    }

    private static double mean(DMatrixRMaj y, int[] labels) {
        if (Finite.firstNonFinite(y.data, y.getNumElements()) >= 0) {
            return Double.NaN; // a NaN outside the labels' columns still spoils the loss (training reports it)
        }
        double s = 0;
        for (int i = 0; i < labels.length; i++) {
            s -= Math.log(Math.max(y.data[i * y.numCols + labels[i]], CategoricalCrossEntropy.EPSILON));
        }
        return s / labels.length;
    }

    private static DMatrixRMaj meanGradient(DMatrixRMaj y, int[] labels) {
        DMatrixRMaj g = new DMatrixRMaj(y.numRows, y.numCols);
        for (int i = 0; i < labels.length; i++) {
            int k = i * y.numCols + labels[i];
            g.data[k] = y.data[k] < CategoricalCrossEntropy.EPSILON ? 0 : -1 / (labels.length * y.data[k]);
        }
        return g;
    }

    @Override
    public double forward(DMatrixRMaj scores, int[] labels) {
        check(scores, labels, inputChecked);
        lastY = scores;
        lastLabels = labels;
        return mean(scores, labels);
    }

    @Override
    public DMatrixRMaj backward() {
        LossLayer.checkForwarded(this, lastY != null);
        return meanGradient(lastY, lastLabels);
    }

    @Override
    public void setInputChecked(boolean checked) {
        this.inputChecked = checked;
    }

    @Override
    public String toString() { return "SparseCategoricalCrossEntropy"; }
}
