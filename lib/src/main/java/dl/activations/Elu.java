package dl.activations;

/** ELU (Exponential Linear Unit): f(x) = x if x &gt; 0 else α(eˣ − 1); f'(x) = 1 if x &gt; 0 else αeˣ. */
public final class Elu implements Activation {
    private final double alpha;

    /** @param alpha α &gt; 0, the value −α the function approaches as x → −∞ (usually 1) */
    public Elu(double alpha) {
        if (!(alpha > 0) || Double.isInfinite(alpha)) {
            throw new IllegalArgumentException("alpha must be a positive finite number, got " + alpha);
        }
        this.alpha = alpha;
    }

    public double alpha() { return alpha; }

    @Override public double value(double x) { return x > 0 ? x : alpha * Math.expm1(x); }
    @Override public double derivative(double x) { return x > 0 ? 1 : alpha * Math.exp(x); }
    @Override public String toString() { return "ELU(α=" + alpha + ")"; }
}
