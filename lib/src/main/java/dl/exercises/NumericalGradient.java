package dl.exercises;

import dl.calculus.Derivatives;
import dl.layers.Param;
import dl.network.Sequential;
import org.ejml.data.DMatrixRMaj;

/**
 * The numerical gradient of a network's loss with respect to one named parameter, by
 * central differences ({@link Derivatives#partials}): ∂L/∂θᵢ ≈ (L(θ + h·eᵢ) − L(θ − h·eᵢ)) / 2h, the reference against which
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
        java.util.Objects.requireNonNull(net, "NumericalGradient.of: net is null");
        java.util.Objects.requireNonNull(x, "NumericalGradient.of: x is null");
        java.util.Objects.requireNonNull(labels, "NumericalGradient.of: labels is null");
        java.util.Objects.requireNonNull(param, "NumericalGradient.of: param (a parameter name such as \"W1\") is null");
        if (!(h > 0)) {
            throw new IllegalArgumentException("step h must be > 0, got " + h);
        }
        Param p = net.params().stream().filter(q -> q.name().equals(param)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no parameter named " + param + "; the network has "
                        + net.params().stream().map(Param::name).toList()));
        DMatrixRMaj theta = p.value();
        double[] partials = Derivatives.partials(theta.data, theta.getNumElements(), () -> net.loss(x, labels, true), h);
        return DMatrixRMaj.wrap(theta.numRows, theta.numCols, partials);
    }
}
