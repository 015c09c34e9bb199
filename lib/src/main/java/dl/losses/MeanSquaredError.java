package dl.losses;

import org.ejml.data.DMatrixRMaj;

/**
 * Mean squared error (평균 제곱 오차): L = (1/(N·K)) Σᵢₖ (yᵢₖ − tᵢₖ)², ∂L/∂y = 2(y − t)/(N·K).
 * (The mean over all N·K entries, as in Keras and PyTorch; DLFS uses ½Σ(y − t)² per sample.)
 */
public final class MeanSquaredError implements Loss {
    @Override
    public double value(DMatrixRMaj y, DMatrixRMaj t) {
        Loss.requireSameShape(y, t);
        Loss.requireFiniteTargets(t);
        int n = y.getNumElements();
        double s = 0;
        for (int i = 0; i < n; i++) {
            double e = y.data[i] - t.data[i];
            s += e * e;
        }
        return s / n;
    }

    @Override
    public DMatrixRMaj gradient(DMatrixRMaj y, DMatrixRMaj t) {
        Loss.requireSameShape(y, t);
        Loss.requireFiniteTargets(t);
        int n = y.getNumElements();
        DMatrixRMaj g = new DMatrixRMaj(y.numRows, y.numCols);
        for (int i = 0; i < n; i++) {
            g.data[i] = 2 * (y.data[i] - t.data[i]) / n;
        }
        return g;
    }

    @Override
    public String toString() { return "MSE"; }
}
