package dl.calculus;

import java.util.Objects;
import java.util.function.DoubleUnaryOperator;

/**
 * A function of one variable that knows its derivative: f(x) and f'(x).
 *
 * <p>Functions are built from small blocks ({@link #power}, {@link #sin}, {@link #exp},
 * {@link #linear}, …) and combined with the rules of differentiation:
 * <ul>
 *   <li>chain rule (연쇄 법칙): {@code f.compose(g)} is f(g(x)) with derivative f'(g(x))·g'(x);</li>
 *   <li>sum rule: (f + g)' = f' + g'; product rule: (f·g)' = f'g + fg'; (c·f)' = c·f'.</li>
 * </ul>
 * For example (2x − 1)³ is {@code power(3).compose(linear(2, -1))} and
 * x·sin x is {@code identity().times(sin())}.
 */
public interface Differentiable {

    /** The value f(x). */
    double value(double x);

    /** The derivative f'(x). */
    double derivative(double x);

    /** A function from a formula for f and a formula for f', e.g. {@code of(x -> x * x, x -> 2 * x)}. */
    static Differentiable of(DoubleUnaryOperator f, DoubleUnaryOperator derivative) {
        return of("f", f, derivative);
    }

    /** A named function from a formula for f and a formula for f'. */
    static Differentiable of(String name, DoubleUnaryOperator f, DoubleUnaryOperator derivative) {
        Objects.requireNonNull(f, "f must not be null");
        Objects.requireNonNull(derivative, "derivative must not be null");
        return new NamedDifferentiable(Objects.requireNonNull(name, "name must not be null"), f, derivative);
    }

    /** The constant c; derivative 0. */
    static Differentiable constant(double c) {
        return of(NamedDifferentiable.number(c), x -> c, x -> 0.0);
    }

    /** The identity x; derivative 1. */
    static Differentiable identity() {
        return of("x", x -> x, x -> 1.0);
    }

    /** The line a·x + b; derivative a. */
    static Differentiable linear(double a, double b) {
        return of(NamedDifferentiable.linearName(a, b), x -> a * x + b, x -> a);
    }

    /** The power xᵖ; derivative p·xᵖ⁻¹. */
    static Differentiable power(double p) {
        if (!Double.isFinite(p)) {
            throw new IllegalArgumentException("exponent p must be finite, got " + p);
        }
        if (p == 0) {
            return constant(1);
        }
        return of("x^" + NamedDifferentiable.number(p), x -> Math.pow(x, p), x -> p * Math.pow(x, p - 1));
    }

    /**
     * The polynomial c₀ + c₁x + c₂x² + … (coefficients from the constant term up);
     * derivative c₁ + 2c₂x + …. Both are evaluated by Horner's rule.
     * Example: 3x³ − 2x + 1 is {@code polynomial(1, -2, 0, 3)}.
     */
    static Differentiable polynomial(double... coefficients) {
        Objects.requireNonNull(coefficients, "coefficients must not be null");
        if (coefficients.length == 0) {
            throw new IllegalArgumentException("a polynomial needs at least one coefficient");
        }
        double[] c = coefficients.clone();
        for (double ci : c) {
            if (!Double.isFinite(ci)) {
                throw new IllegalArgumentException("polynomial coefficients must be finite, got " + ci);
            }
        }
        return of(NamedDifferentiable.polynomialName(c), x -> {
            double v = 0;
            for (int k = c.length - 1; k >= 0; k--) {
                v = v * x + c[k];
            }
            return v;
        }, x -> {
            double v = 0;
            for (int k = c.length - 1; k >= 1; k--) {
                v = v * x + k * c[k];
            }
            return v;
        });
    }

    /** sin x; derivative cos x. */
    static Differentiable sin() {
        return of("sin x", Math::sin, Math::cos);
    }

    /** cos x; derivative −sin x. */
    static Differentiable cos() {
        return of("cos x", Math::cos, x -> -Math.sin(x));
    }

    /** eˣ; derivative eˣ. */
    static Differentiable exp() {
        return of("exp x", Math::exp, Math::exp);
    }

    /** ln x (x > 0); derivative 1/x. */
    static Differentiable log() {
        return of("ln x", Math::log, x -> 1 / x);
    }

    /** Chain rule: (f∘g)(x) = f(g(x)), derivative f'(g(x))·g'(x). Here f is {@code this}. */
    default Differentiable compose(Differentiable inner) {
        Objects.requireNonNull(inner, "inner function must not be null");
        Differentiable outer = this;
        return of(outer + " ∘ (" + inner + ")",
                x -> outer.value(inner.value(x)),
                x -> outer.derivative(inner.value(x)) * inner.derivative(x));
    }

    /** Sum rule: f + g, derivative f' + g'. */
    default Differentiable plus(Differentiable g) {
        Objects.requireNonNull(g, "g must not be null");
        Differentiable f = this;
        return of("(" + f + ") + (" + g + ")",
                x -> f.value(x) + g.value(x),
                x -> f.derivative(x) + g.derivative(x));
    }

    /** Difference: f − g, derivative f' − g'. */
    default Differentiable minus(Differentiable g) {
        Objects.requireNonNull(g, "g must not be null");
        Differentiable f = this;
        return of("(" + f + ") − (" + g + ")",
                x -> f.value(x) - g.value(x),
                x -> f.derivative(x) - g.derivative(x));
    }

    /** Product rule: f·g, derivative f'·g + f·g'. */
    default Differentiable times(Differentiable g) {
        Objects.requireNonNull(g, "g must not be null");
        Differentiable f = this;
        return of("(" + f + ")·(" + g + ")",
                x -> f.value(x) * g.value(x),
                x -> f.derivative(x) * g.value(x) + f.value(x) * g.derivative(x));
    }

    /** Constant multiple: c·f, derivative c·f'. */
    default Differentiable scale(double c) {
        Differentiable f = this;
        return of(NamedDifferentiable.number(c) + "·(" + f + ")",
                x -> c * f.value(x),
                x -> c * f.derivative(x));
    }

    /** The same function with a readable name (shown by {@code toString}). */
    default Differentiable named(String name) {
        return of(name, this::value, this::derivative);
    }

    /** The values f(xs[i]), for plotting. */
    default double[] values(double[] xs) {
        return Grid.evaluate(this::value, xs);
    }

    /** The derivatives f'(xs[i]), for plotting. */
    default double[] derivatives(double[] xs) {
        return Grid.evaluate(this::derivative, xs);
    }
}
