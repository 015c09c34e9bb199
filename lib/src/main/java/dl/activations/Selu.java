package dl.activations;

/**
 * SELU (Scaled ELU, Klambauer et al. 2017): f(x) = λx if x &gt; 0 else λα(eˣ − 1), with the
 * self-normalising constants λ ≈ 1.0507 and α ≈ 1.6733; f'(x) = λ if x &gt; 0 else λαeˣ.
 */
public final class Selu implements Activation {
    public static final double LAMBDA = 1.0507009873554804934193349852946;
    public static final double ALPHA = 1.6732632423543772848170429916717;

    @Override public double value(double x) { return x > 0 ? LAMBDA * x : LAMBDA * ALPHA * Math.expm1(x); }
    @Override public double derivative(double x) { return x > 0 ? LAMBDA : LAMBDA * ALPHA * Math.exp(x); }
    @Override public String toString() { return "SELU"; }
}
