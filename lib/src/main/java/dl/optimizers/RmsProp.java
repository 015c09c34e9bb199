package dl.optimizers;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * RMSProp: like AdaGrad, but h is an exponential moving average (지수이동평균) of squared
 * gradients, so old gradients are forgotten,
 * <pre>
 *   h ← ρ·h + (1 − ρ)·∇θ ⊙ ∇θ
 *   θ ← θ − η·∇θ / (√h + ε)
 * </pre>
 * with h = 0 at the start (no bias correction). Defaults: ρ = 0.99 and ε = 1e-8 outside the root,
 * as in PyTorch ({@code alpha=0.99}); DLFS also uses 0.99, so the reference experiments compare
 * directly. Hinton's lecture, which introduced RMSProp, and Keras use ρ = 0.9: pass it explicitly.
 */
public final class RmsProp implements Optimizer {
    /** Default decay rate ρ (PyTorch, DLFS). */
    public static final double DEFAULT_RHO = 0.99;
    /** Default ε (PyTorch). */
    public static final double DEFAULT_EPSILON = 1e-8;

    private final double learningRate;
    private final double rho;
    private final double epsilon;
    private final EpsilonPlacement placement;
    private final Map<double[], double[]> averages = new IdentityHashMap<>();

    /** RMSProp with ρ = 0.99, ε = 1e-8 outside the root. */
    public RmsProp(double learningRate) {
        this(learningRate, DEFAULT_RHO);
    }

    /** RMSProp with ε = 1e-8 outside the root. */
    public RmsProp(double learningRate, double rho) {
        this(learningRate, rho, DEFAULT_EPSILON);
    }

    /** RMSProp with ε outside the root. */
    public RmsProp(double learningRate, double rho, double epsilon) {
        this(learningRate, rho, epsilon, EpsilonPlacement.OUTSIDE_ROOT);
    }

    /**
     * @param learningRate η &gt; 0
     * @param rho          decay rate ρ in [0, 1)
     * @param epsilon      ε &gt; 0
     * @param placement    √h + ε or √(h + ε)
     */
    public RmsProp(double learningRate, double rho, double epsilon, EpsilonPlacement placement) {
        this.learningRate = HyperParameters.learningRate(learningRate);
        this.rho = HyperParameters.decayRate("rho", rho);
        this.epsilon = HyperParameters.epsilon(epsilon);
        this.placement = java.util.Objects.requireNonNull(placement, "placement");
    }

    public double learningRate() {
        return learningRate;
    }

    public double rho() {
        return rho;
    }

    public double epsilon() {
        return epsilon;
    }

    @Override
    public void update(double[] param, double[] grad) {
        HyperParameters.sameLength(param, grad);
        double[] h = averages.computeIfAbsent(param, p -> new double[p.length]);
        for (int i = 0; i < param.length; i++) {
            h[i] = rho * h[i] + (1 - rho) * grad[i] * grad[i];
            param[i] -= learningRate * grad[i] / placement.denominator(h[i], epsilon);
        }
    }

    @Override
    public void reset() {
        averages.clear();
    }

    @Override
    public String toString() {
        return "RMSProp(lr=" + learningRate + ", rho=" + rho + ", eps=" + epsilon + placement.describe() + ")";
    }
}
