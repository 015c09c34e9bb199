package dl.losses;

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

    /** L(y, labels). */
    public double value(DMatrixRMaj y, int[] labels) {
        Loss.requireLabels(y, labels);
        Loss.requireDistributions(y, "predictions y", true);
        double s = 0;
        for (int i = 0; i < labels.length; i++) {
            s -= Math.log(Math.max(y.data[i * y.numCols + labels[i]], CategoricalCrossEntropy.EPSILON));
        }
        return s / labels.length;
    }

    /** ∂L/∂y, a new N × K matrix. */
    public DMatrixRMaj gradient(DMatrixRMaj y, int[] labels) {
        Loss.requireLabels(y, labels);
        Loss.requireDistributions(y, "predictions y", true);
        DMatrixRMaj g = new DMatrixRMaj(y.numRows, y.numCols);
        for (int i = 0; i < labels.length; i++) {
            int k = i * y.numCols + labels[i];
            g.data[k] = y.data[k] < CategoricalCrossEntropy.EPSILON ? 0 : -1 / (labels.length * y.data[k]);
        }
        return g;
    }

    @Override
    public double forward(DMatrixRMaj scores, int[] labels) {
        lastY = scores;
        lastLabels = labels;
        return value(scores, labels);
    }

    @Override
    public DMatrixRMaj backward() {
        LossLayer.checkForwarded(this, lastY != null);
        return gradient(lastY, lastLabels);
    }

    @Override
    public String toString() { return "SparseCategoricalCrossEntropy"; }
}
