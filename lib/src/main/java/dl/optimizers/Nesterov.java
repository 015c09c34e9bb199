package dl.optimizers;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Nesterov accelerated gradient (네스테로프 가속 경사, NAG) in the form that needs only the
 * gradient at the current parameters — the form of PyTorch's {@code SGD(momentum=γ,
 * nesterov=True)}:
 * <pre>
 *   b ← γ·b + ∇θ
 *   θ ← θ − η·(∇θ + γ·b)
 * </pre>
 * with b = 0 at the start. Default γ = 0.9.
 *
 * <p>The lecture form evaluates the gradient at a look-ahead point (see
 * {@link NesterovLookahead}). The two are the same algorithm: the θ tracked here is the
 * look-ahead point x − γ·v of the lecture form, with v = η·b (constant η). Bengio's reformulation
 * used by DLFS (θ ← θ + γ²v − (1+γ)η∇θ; v ← γv − η∇θ) is this rule written with v = −η·b.
 */
public final class Nesterov implements Optimizer {
    private final double learningRate;
    private final double momentum;
    private final Map<double[], double[]> buffers = new IdentityHashMap<>();

    /** Nesterov with γ = 0.9. */
    public Nesterov(double learningRate) {
        this(learningRate, Momentum.DEFAULT_MOMENTUM);
    }

    /**
     * @param learningRate η &gt; 0
     * @param momentum     γ in [0, 1)
     */
    public Nesterov(double learningRate, double momentum) {
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
        double[] b = buffers.computeIfAbsent(param, p -> new double[p.length]);
        for (int i = 0; i < param.length; i++) {
            b[i] = momentum * b[i] + grad[i];
            param[i] -= learningRate * (grad[i] + momentum * b[i]);
        }
    }

    @Override
    public void reset() {
        buffers.clear();
    }

    @Override
    public String toString() {
        return "Nesterov(lr=" + learningRate + ", momentum=" + momentum + ")";
    }
}
