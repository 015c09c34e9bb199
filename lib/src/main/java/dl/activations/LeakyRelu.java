package dl.activations;

/** Leaky ReLU: f(x) = x if x &gt; 0 else αx, f'(x) = 1 if x &gt; 0 else α (we take f'(0) = α). */
public final class LeakyRelu implements Activation {
    private final double alpha;

    /** @param alpha slope α for x &lt; 0, usually 0.01 or 0.1 */
    public LeakyRelu(double alpha) {
        if (!Double.isFinite(alpha)) {
            throw new IllegalArgumentException("alpha must be finite, got " + alpha);
        }
        this.alpha = alpha;
    }

    public double alpha() { return alpha; }

    @Override public double value(double x) { return x > 0 ? x : alpha * x; }
    @Override public double derivative(double x) { return x > 0 ? 1 : alpha; }
    @Override public String toString() { return "LeakyReLU(α=" + alpha + ")"; }
}
