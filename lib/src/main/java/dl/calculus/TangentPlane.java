package dl.calculus;

import java.util.Arrays;
import java.util.Objects;

/**
 * The tangent plane (접평면) of f: ℝⁿ → ℝ at x₀, the first-order Taylor approximation
 * f(x) ≈ f(x₀) + ∇f(x₀)·(x − x₀).
 *
 * <p>Written with differences, ΔC ≈ ∇C·ΔW: a small change ΔW of the weights changes the cost by
 * about the dot product with the gradient. Choosing ΔW = −η∇C gives ΔC ≈ −η‖∇C‖² ≤ 0, which is
 * why gradient descent takes steps against the gradient.
 */
public final class TangentPlane {

    private final double[] x0;
    private final double value;
    private final double[] gradient;

    private TangentPlane(double[] x0, double value, double[] gradient) {
        this.x0 = x0;
        this.value = value;
        this.gradient = gradient;
    }

    /** The tangent plane of f at x₀, with {@code f.gradient(x₀)} (analytic when f provides it). */
    public static TangentPlane of(ScalarFunction f, double... x0) {
        Objects.requireNonNull(f, "f must not be null");
        Objects.requireNonNull(x0, "x0 must not be null");
        if (x0.length == 0) {
            throw new IllegalArgumentException("x0 must have at least one coordinate");
        }
        double[] p = x0.clone();
        double[] g = f.gradient(p.clone());
        if (g.length != p.length) {
            throw new IllegalArgumentException(
                    "f.gradient returned " + g.length + " components but x0 has " + p.length);
        }
        return new TangentPlane(p, f.value(p.clone()), g.clone());
    }

    /** The point of tangency x₀ (a copy). */
    public double[] x0() {
        return x0.clone();
    }

    /** f(x₀). */
    public double value() {
        return value;
    }

    /** ∇f(x₀) (a copy). */
    public double[] gradient() {
        return gradient.clone();
    }

    /** The predicted change ΔC ≈ ∇f(x₀)·Δx for a small move Δx. */
    public double change(double... dx) {
        checkLength("dx", dx);
        double s = 0;
        for (int i = 0; i < dx.length; i++) {
            s += gradient[i] * dx[i];
        }
        return s;
    }

    /** The plane at x: f(x₀) + ∇f(x₀)·(x − x₀). */
    public double at(double... x) {
        checkLength("x", x);
        double s = value;
        for (int i = 0; i < x.length; i++) {
            s += gradient[i] * (x[i] - x0[i]);
        }
        return s;
    }

    private void checkLength(String name, double[] v) {
        Objects.requireNonNull(v, name + " must not be null");
        if (v.length != x0.length) {
            throw new IllegalArgumentException(
                    name + " has " + v.length + " coordinates but x0 has " + x0.length);
        }
    }

    @Override
    public String toString() {
        return "tangent plane at x0 = " + Arrays.toString(x0) + ": f(x0) = " + value
                + ", ∇f(x0) = " + Arrays.toString(gradient);
    }
}
