package dl.calculus;

import java.util.Objects;
import java.util.function.DoubleUnaryOperator;

/**
 * The tangent line (접선) of a one-variable function at x₀: the first-order Taylor approximation
 * (테일러 근사) f(x) ≈ f(x₀) + f'(x₀)·(x − x₀). Its error shrinks like (x − x₀)².
 *
 * @param x0    the point of tangency
 * @param value f(x₀)
 * @param slope f'(x₀)
 */
public record TangentLine(double x0, double value, double slope) {

    /** The tangent of f at x₀, with the analytic derivative of f. */
    public static TangentLine of(Differentiable f, double x0) {
        Objects.requireNonNull(f, "f must not be null");
        return new TangentLine(x0, f.value(x0), f.derivative(x0));
    }

    /** The tangent of f at x₀, with the slope from a central difference (h = 1e-4). */
    public static TangentLine of(DoubleUnaryOperator f, double x0) {
        Objects.requireNonNull(f, "f must not be null");
        return new TangentLine(x0, f.applyAsDouble(x0), Derivatives.central(f, x0));
    }

    /** The intercept b of the line y = slope·x + b, i.e. f(x₀) − f'(x₀)·x₀. */
    public double intercept() {
        return value - slope * x0;
    }

    /** The line at x: f(x₀) + f'(x₀)·(x − x₀). */
    public double at(double x) {
        return value + slope * (x - x0);
    }

    /** The line at each xs[i], for plotting. */
    public double[] at(double[] xs) {
        return Grid.evaluate(this::at, xs);
    }

    @Override
    public String toString() {
        double b = intercept();
        return "y = " + slope + "·x " + (b < 0 ? "− " + (-b) : "+ " + b) + "  (tangent at x0 = " + x0 + ")";
    }
}
