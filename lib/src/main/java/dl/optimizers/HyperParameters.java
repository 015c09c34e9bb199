package dl.optimizers;

import dl.checks.Finite;
/** Validation of optimizer hyper-parameters; every message names the parameter and its value. */
final class HyperParameters {
    private HyperParameters() {
    }

    /** η must be a positive, finite number. */
    static double learningRate(double lr) {
        if (!(lr > 0) || Double.isInfinite(lr)) {
            throw new IllegalArgumentException("learning rate must be a positive finite number, got " + lr);
        }
        return lr;
    }

    /** Decay rates (γ, ρ, β₁, β₂) must lie in [0, 1). */
    static double decayRate(String name, double value) {
        if (!(value >= 0 && value < 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1), got " + value);
        }
        return value;
    }

    /** ε must be a positive, finite number. */
    static double epsilon(double eps) {
        if (!(eps > 0) || Double.isInfinite(eps)) {
            throw new IllegalArgumentException("epsilon must be a positive finite number, got " + eps);
        }
        return eps;
    }

    /**
     * Checks the arguments of an update: both present, the same length, and a finite gradient (a NaN
     * or ±∞ would silently turn the parameter, and an optimizer's memory, into NaN for good).
     */
    static void sameLength(double[] param, double[] grad) {
        java.util.Objects.requireNonNull(param, "param");
        java.util.Objects.requireNonNull(grad, "grad");
        int i = Finite.firstNonFinite(grad, grad.length);
        if (i >= 0) {
            throw new IllegalArgumentException("gradient[" + i + "] is " + grad[i] + " (of " + grad.length
                    + " values); an update needs a finite gradient, the parameter was left unchanged");
        }
        if (param.length != grad.length) {
            throw new IllegalArgumentException(
                    "parameter has " + param.length + " values but gradient has " + grad.length);
        }
    }
}
