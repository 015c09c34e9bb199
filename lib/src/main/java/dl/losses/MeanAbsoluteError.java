package dl.losses;

import org.ejml.data.DMatrixRMaj;

/**
 * Mean absolute error (평균 절대 오차): L = (1/(N·K)) Σᵢₖ |yᵢₖ − tᵢₖ|, ∂L/∂y = sign(y − t)/(N·K)
 * (0 where y = t, where |·| has a kink).
 */
public final class MeanAbsoluteError implements Loss {
    @Override
    public double value(DMatrixRMaj y, DMatrixRMaj t) {
        Loss.requireSameShape(y, t);
        Loss.requireFiniteTargets(t);
        int n = y.getNumElements();
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += Math.abs(y.data[i] - t.data[i]);
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
            g.data[i] = Math.signum(y.data[i] - t.data[i]) / n;
        }
        return g;
    }

    @Override
    public String toString() { return "MAE"; }
}
