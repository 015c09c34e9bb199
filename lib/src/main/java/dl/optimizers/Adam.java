package dl.optimizers;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Adam (Kingma &amp; Ba, 2014) = momentum on the direction + RMSProp on the step size, with
 * bias correction (편향 보정) for the zero start of both averages. At step t = 1, 2, …:
 * <pre>
 *   m ← β₁·m + (1 − β₁)·∇θ            v ← β₂·v + (1 − β₂)·∇θ ⊙ ∇θ
 *   m̂ = m / (1 − β₁ᵗ)                  v̂ = v / (1 − β₂ᵗ)
 *   θ ← θ − η·m̂ / (√v̂ + ε)
 * </pre>
 * Defaults (paper and PyTorch): β₁ = 0.9, β₂ = 0.999, ε = 1e-8 outside the root. The step count t
 * is kept per parameter array, as in PyTorch. (DLFS instead folds the bias correction into η and
 * adds ε to √v before correction, which changes the early steps.)
 */
public final class Adam implements Optimizer {
    public static final double DEFAULT_BETA1 = 0.9;
    public static final double DEFAULT_BETA2 = 0.999;
    public static final double DEFAULT_EPSILON = 1e-8;

    private final double learningRate;
    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final EpsilonPlacement placement;
    private final Map<double[], Moments> moments = new IdentityHashMap<>();

    private static final class Moments {
        final double[] m;
        final double[] v;
        int t;

        Moments(int n) {
            m = new double[n];
            v = new double[n];
        }
    }

    /** Adam with β₁ = 0.9, β₂ = 0.999, ε = 1e-8 outside the root. */
    public Adam(double learningRate) {
        this(learningRate, DEFAULT_BETA1, DEFAULT_BETA2);
    }

    /** Adam with ε = 1e-8 outside the root. */
    public Adam(double learningRate, double beta1, double beta2) {
        this(learningRate, beta1, beta2, DEFAULT_EPSILON);
    }

    /** Adam with ε outside the root. */
    public Adam(double learningRate, double beta1, double beta2, double epsilon) {
        this(learningRate, beta1, beta2, epsilon, EpsilonPlacement.OUTSIDE_ROOT);
    }

    /**
     * @param learningRate η &gt; 0
     * @param beta1        β₁ in [0, 1), decay of the first moment m
     * @param beta2        β₂ in [0, 1), decay of the second moment v
     * @param epsilon      ε &gt; 0
     * @param placement    √v̂ + ε or √(v̂ + ε)
     */
    public Adam(double learningRate, double beta1, double beta2, double epsilon, EpsilonPlacement placement) {
        this.learningRate = HyperParameters.learningRate(learningRate);
        this.beta1 = HyperParameters.decayRate("beta1", beta1);
        this.beta2 = HyperParameters.decayRate("beta2", beta2);
        this.epsilon = HyperParameters.epsilon(epsilon);
        this.placement = java.util.Objects.requireNonNull(placement, "placement");
    }

    public double learningRate() {
        return learningRate;
    }

    public double beta1() {
        return beta1;
    }

    public double beta2() {
        return beta2;
    }

    public double epsilon() {
        return epsilon;
    }

    @Override
    public void update(double[] param, double[] grad) {
        HyperParameters.sameLength(param, grad);
        Moments s = moments.computeIfAbsent(param, p -> new Moments(p.length));
        s.t++;
        double correction1 = 1 - Math.pow(beta1, s.t);
        double correction2 = 1 - Math.pow(beta2, s.t);
        for (int i = 0; i < param.length; i++) {
            s.m[i] = beta1 * s.m[i] + (1 - beta1) * grad[i];
            s.v[i] = beta2 * s.v[i] + (1 - beta2) * grad[i] * grad[i];
            double mHat = s.m[i] / correction1;
            double vHat = s.v[i] / correction2;
            param[i] -= learningRate * mHat / placement.denominator(vHat, epsilon);
        }
    }

    @Override
    public void reset() {
        moments.clear();
    }

    @Override
    public String toString() {
        return "Adam(lr=" + learningRate + ", beta1=" + beta1 + ", beta2=" + beta2 + ", eps=" + epsilon
                + placement.describe() + ")";
    }
}
