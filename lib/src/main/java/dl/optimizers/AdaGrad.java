package dl.optimizers;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * AdaGrad (적응형 학습률): each element gets its own step size, inversely proportional to the square
 * root of the sum of its past squared gradients,
 * <pre>
 *   h ← h + ∇θ ⊙ ∇θ
 *   θ ← θ − η·∇θ / (√h + ε)
 * </pre>
 * with h = 0 at the start. Defaults (PyTorch): ε = 1e-10, outside the root. DLFS uses ε = 1e-7.
 */
public final class AdaGrad implements Optimizer {
    /** Default ε (PyTorch). */
    public static final double DEFAULT_EPSILON = 1e-10;

    private final double learningRate;
    private final double epsilon;
    private final EpsilonPlacement placement;
    private final Map<double[], double[]> sums = new IdentityHashMap<>();

    /** AdaGrad with ε = 1e-10 outside the root. */
    public AdaGrad(double learningRate) {
        this(learningRate, DEFAULT_EPSILON);
    }

    /** AdaGrad with ε outside the root. */
    public AdaGrad(double learningRate, double epsilon) {
        this(learningRate, epsilon, EpsilonPlacement.OUTSIDE_ROOT);
    }

    /**
     * @param learningRate η &gt; 0
     * @param epsilon      ε &gt; 0
     * @param placement    √h + ε or √(h + ε)
     */
    public AdaGrad(double learningRate, double epsilon, EpsilonPlacement placement) {
        this.learningRate = HyperParameters.learningRate(learningRate);
        this.epsilon = HyperParameters.epsilon(epsilon);
        this.placement = java.util.Objects.requireNonNull(placement, "placement");
    }

    public double learningRate() {
        return learningRate;
    }

    public double epsilon() {
        return epsilon;
    }

    @Override
    public void update(double[] param, double[] grad) {
        HyperParameters.sameLength(param, grad);
        double[] h = sums.computeIfAbsent(param, p -> new double[p.length]);
        for (int i = 0; i < param.length; i++) {
            h[i] += grad[i] * grad[i];
            param[i] -= learningRate * grad[i] / placement.denominator(h[i], epsilon);
        }
    }

    @Override
    public void reset() {
        sums.clear();
    }

    @Override
    public String toString() {
        return "AdaGrad(lr=" + learningRate + ", eps=" + epsilon + placement.describe() + ")";
    }
}
