package dl.exercises;

import dl.layers.Param;
import dl.network.Sequential;
import org.ejml.data.DMatrixRMaj;

/**
 * The numerical gradient of a network's loss with respect to one named parameter, by
 * central differences: ∂L/∂θᵢ ≈ (L(θ + h·eᵢ) − L(θ − h·eᵢ)) / 2h, the reference against which
 * hand-computed back-propagation is graded. The loss is evaluated in training mode; the parameter
 * is restored afterwards.
 */
public final class NumericalGradient {
    /** Default step h. */
    public static final double DEFAULT_STEP = 1e-5;

    private NumericalGradient() {
    }

    /** ∂L/∂param with h = 1e-5, same shape as the parameter (e.g. "W1", "b2"). */
    public static DMatrixRMaj of(Sequential net, DMatrixRMaj x, int[] labels, String param) {
        return of(net, x, labels, param, DEFAULT_STEP);
    }

    /** ∂L/∂param with step h. */
    public static DMatrixRMaj of(Sequential net, DMatrixRMaj x, int[] labels, String param, double h) {
        if (!(h > 0)) {
            throw new IllegalArgumentException("step h must be > 0, got " + h);
        }
        Param p = net.params().stream().filter(q -> q.name().equals(param)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no parameter named " + param + "; the network has "
                        + net.params().stream().map(Param::name).toList()));
        DMatrixRMaj theta = p.value();
        DMatrixRMaj grad = new DMatrixRMaj(theta.numRows, theta.numCols);
        for (int i = 0; i < theta.getNumElements(); i++) {
            double saved = theta.data[i];
            theta.data[i] = saved + h;
            double plus = net.loss(x, labels, true);
            theta.data[i] = saved - h;
            double minus = net.loss(x, labels, true);
            theta.data[i] = saved;
            grad.data[i] = (plus - minus) / (2 * h);
        }
        return grad;
    }
}
