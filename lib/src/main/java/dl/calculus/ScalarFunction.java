package dl.calculus;

import java.util.Arrays;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * A function f: ℝⁿ → ℝ (a "scalar field") that can report its gradient ∇f.
 *
 * <p>The default {@link #gradient} uses central differences ({@link Derivatives#partials}),
 * ∂f/∂xᵢ ≈ (f(x + h·eᵢ) − f(x − h·eᵢ)) / 2h with h = 1e-5; functions that know their
 * analytic gradient override it.
 */
@FunctionalInterface
public interface ScalarFunction {

    /** The value f(x). */
    double value(double... x);

    /** The gradient ∇f(x) = (∂f/∂x₁, …, ∂f/∂xₙ); central differences unless overridden. */
    default double[] gradient(double... x) {
        double[] p = Arrays.copyOf(x, x.length);
        return Derivatives.partials(p, p.length, () -> value(p), 1e-5);
    }

    /** A function with a known analytic gradient: {@code ScalarFunction.of(f, gradF)}. */
    static ScalarFunction of(ToDoubleFunction<double[]> f, Function<double[], double[]> gradient) {
        return new ScalarFunction() {
            @Override
            public double value(double... x) {
                return f.applyAsDouble(x);
            }

            @Override
            public double[] gradient(double... x) {
                return gradient.apply(x);
            }
        };
    }
}
