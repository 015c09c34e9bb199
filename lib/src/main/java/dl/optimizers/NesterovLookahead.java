package dl.optimizers;

import dl.calculus.ScalarFunction;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Nesterov momentum as written in the lectures: the gradient is taken at the look-ahead point
 * x − γ·v, where momentum alone would carry us,
 * <pre>
 *   v ← γ·v + η·∇f(x − γ·v)
 *   x ← x − v
 * </pre>
 * with v = 0 at the start. Because it must evaluate ∇f at a point other than x, it takes the
 * function instead of a gradient and is not an {@link Optimizer}.
 *
 * <p>Change of variables: θ = x − γ·v and b = v/η turn this into {@link Nesterov} (PyTorch's
 * {@code nesterov=True}); both visit the same gradient points θ and agree up to rounding.
 */
public final class NesterovLookahead {
    private final double learningRate;
    private final double momentum;
    private final Map<double[], double[]> velocities = new IdentityHashMap<>();

    /** Look-ahead Nesterov with γ = 0.9. */
    public NesterovLookahead(double learningRate) {
        this(learningRate, Momentum.DEFAULT_MOMENTUM);
    }

    /**
     * @param learningRate η &gt; 0
     * @param momentum     γ in [0, 1)
     */
    public NesterovLookahead(double learningRate, double momentum) {
        this.learningRate = HyperParameters.learningRate(learningRate);
        this.momentum = HyperParameters.decayRate("momentum", momentum);
    }

    public double learningRate() {
        return learningRate;
    }

    public double momentum() {
        return momentum;
    }

    /** One step: updates {@code x} in place using ∇f at the look-ahead point. */
    public void step(double[] x, ScalarFunction f) {
        java.util.Objects.requireNonNull(x, "x");
        java.util.Objects.requireNonNull(f, "f");
        double[] v = velocities.computeIfAbsent(x, p -> new double[p.length]);
        double[] grad = f.gradient(lookahead(x));
        HyperParameters.sameLength(x, grad);
        for (int i = 0; i < x.length; i++) {
            v[i] = momentum * v[i] + learningRate * grad[i];
            x[i] -= v[i];
        }
    }

    /** The look-ahead point x − γ·v (x itself before the first step). */
    public double[] lookahead(double[] x) {
        java.util.Objects.requireNonNull(x, "x");
        double[] v = velocities.get(x);
        double[] p = Arrays.copyOf(x, x.length);
        if (v != null) {
            for (int i = 0; i < p.length; i++) {
                p[i] -= momentum * v[i];
            }
        }
        return p;
    }

    /** A copy of the current velocity v of {@code x} (zeros before the first step). */
    public double[] velocity(double[] x) {
        java.util.Objects.requireNonNull(x, "x");
        double[] v = velocities.get(x);
        return v == null ? new double[x.length] : v.clone();
    }

    /** Forgets all velocities. */
    public void reset() {
        velocities.clear();
    }

    @Override
    public String toString() {
        return "NesterovLookahead(lr=" + learningRate + ", momentum=" + momentum + ")";
    }
}
