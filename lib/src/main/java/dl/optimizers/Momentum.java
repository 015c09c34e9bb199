package dl.optimizers;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Momentum (모멘텀): a velocity v accumulates past gradients,
 * <pre>
 *   v ← γ·v + η·∇θ
 *   θ ← θ − v
 * </pre>
 * with v = 0 at the start. Default γ = 0.9.
 *
 * <p>At a constant learning rate this is exactly PyTorch's {@code SGD(lr=η, momentum=γ,
 * dampening=0)}, which keeps b ← γ·b + ∇θ and steps θ ← θ − η·b: the two velocities are related
 * by v = η·b. DLFS writes the same rule with the opposite sign (v ← γv − η∇θ; θ ← θ + v).
 */
public final class Momentum implements Optimizer {
    /** Default momentum coefficient γ. */
    public static final double DEFAULT_MOMENTUM = 0.9;

    private final double learningRate;
    private final double momentum;
    private final Map<double[], double[]> velocities = new IdentityHashMap<>();

    /** Momentum with γ = 0.9. */
    public Momentum(double learningRate) {
        this(learningRate, DEFAULT_MOMENTUM);
    }

    /**
     * @param learningRate η &gt; 0
     * @param momentum     γ in [0, 1); γ = 0 is plain SGD
     */
    public Momentum(double learningRate, double momentum) {
        this.learningRate = HyperParameters.learningRate(learningRate);
        this.momentum = HyperParameters.decayRate("momentum", momentum);
    }

    public double learningRate() {
        return learningRate;
    }

    public double momentum() {
        return momentum;
    }

    @Override
    public void update(double[] param, double[] grad) {
        HyperParameters.sameLength(param, grad);
        double[] v = velocities.computeIfAbsent(param, p -> new double[p.length]);
        for (int i = 0; i < param.length; i++) {
            v[i] = momentum * v[i] + learningRate * grad[i];
            param[i] -= v[i];
        }
    }

    @Override
    public void reset() {
        velocities.clear();
    }

    @Override
    public String toString() {
        return "Momentum(lr=" + learningRate + ", momentum=" + momentum + ")";
    }
}
