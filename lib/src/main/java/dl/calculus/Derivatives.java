package dl.calculus;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.DoubleSupplier;
import java.util.function.DoubleUnaryOperator;

/**
 * Numerical derivatives (수치 미분): approximate a slope from a few function values.
 *
 * <ul>
 *   <li>forward difference (전진 차분): f'(x) ≈ (f(x+h) − f(x)) / h, error O(h);</li>
 *   <li>central difference (중앙 차분): f'(x) ≈ (f(x+h) − f(x−h)) / 2h, error O(h²).</li>
 * </ul>
 *
 * <p>The default step is {@link #DEFAULT_STEP} h = 1e-4, the value used in "Deep Learning from
 * Scratch". It is a compromise: a larger h gives a larger truncation error (the formula is only
 * exact in the limit h → 0), a smaller h gives a larger round-off error (f(x+h) and f(x−h) agree
 * in most of their digits, and the difference loses them). See {@link StepSizeStudy}.
 */
public final class Derivatives {

    /** The default step h = 1e-4. */
    public static final double DEFAULT_STEP = 1e-4;

    private Derivatives() {
    }

    /** Forward difference (f(x+h) − f(x)) / h with h = 1e-4. */
    public static double forward(DoubleUnaryOperator f, double x) {
        return forward(f, x, DEFAULT_STEP);
    }

    /** Forward difference (f(x+h) − f(x)) / h. */
    public static double forward(DoubleUnaryOperator f, double x, double h) {
        Objects.requireNonNull(f, "f must not be null");
        checkStep(h);
        return (f.applyAsDouble(x + h) - f.applyAsDouble(x)) / h;
    }

    /** Central difference (f(x+h) − f(x−h)) / 2h with h = 1e-4. */
    public static double central(DoubleUnaryOperator f, double x) {
        return central(f, x, DEFAULT_STEP);
    }

    /** Central difference (f(x+h) − f(x−h)) / 2h. */
    public static double central(DoubleUnaryOperator f, double x, double h) {
        Objects.requireNonNull(f, "f must not be null");
        checkStep(h);
        return (f.applyAsDouble(x + h) - f.applyAsDouble(x - h)) / (2 * h);
    }

    /**
     * Partial derivative (편미분) ∂f/∂xᵢ at x by central difference with h = 1e-4:
     * (f(x + h·eᵢ) − f(x − h·eᵢ)) / 2h. Only coordinate i moves; the others stay fixed.
     */
    public static double partial(ScalarFunction f, double[] x, int i) {
        return partial(f, x, i, DEFAULT_STEP);
    }

    /** Partial derivative ∂f/∂xᵢ at x by central difference with step h. */
    public static double partial(ScalarFunction f, double[] x, int i, double h) {
        Objects.requireNonNull(f, "f must not be null");
        checkPoint(x);
        checkStep(h);
        if (i < 0 || i >= x.length) {
            throw new IllegalArgumentException(
                    "coordinate index i = " + i + " is out of range for a point with "
                            + x.length + " coordinates (valid: 0.." + (x.length - 1) + ")");
        }
        double[] p = Arrays.copyOf(x, x.length);
        return central(t -> {
            p[i] = t;
            return f.value(p);
        }, x[i], h);
    }

    /**
     * Numerical gradient (그래디언트) ∇f(x) = (∂f/∂x₁, …, ∂f/∂xₙ), each partial by central
     * difference with h = 1e-4. (Compare {@link ScalarFunction#gradient}, which may be analytic.)
     */
    public static double[] gradient(ScalarFunction f, double... x) {
        return gradient(f, x, DEFAULT_STEP);
    }

    /** Numerical gradient with step h. */
    public static double[] gradient(ScalarFunction f, double[] x, double h) {
        Objects.requireNonNull(f, "f must not be null");
        checkPoint(x);
        double[] p = Arrays.copyOf(x, x.length);
        return partials(p, p.length, () -> f.value(p), h);
    }

    /**
     * Central differences with respect to the first n entries of θ, in place:
     * ∂f/∂θᵢ ≈ (f(θ + h·eᵢ) − f(θ − h·eᵢ)) / 2h, where f reads θ (a network's loss reads its
     * weights). Each θᵢ is moved to θᵢ ± h and restored afterwards, also if f throws.
     */
    public static double[] partials(double[] theta, int n, DoubleSupplier f, double h) {
        Objects.requireNonNull(theta, "theta must not be null");
        Objects.requireNonNull(f, "f must not be null");
        checkStep(h);
        if (n < 0 || n > theta.length) {
            throw new IllegalArgumentException("n = " + n + " is not between 0 and theta's length " + theta.length);
        }
        double[] grad = new double[n];
        for (int i = 0; i < n; i++) {
            int j = i;
            double saved = theta[j];
            try {
                grad[j] = central(t -> {
                    theta[j] = t;
                    return f.getAsDouble();
                }, saved, h);
            } finally {
                theta[j] = saved;
            }
        }
        return grad;
    }

    /**
     * Directional derivative D_u f(x) = ∇f(x) · u/‖u‖: the slope of f when x moves
     * along the direction u at unit speed. It is largest when u points along ∇f (then it equals
     * ‖∇f‖): the gradient is the direction of steepest ascent. Uses {@code f.gradient(x)}.
     *
     * @throws IllegalArgumentException if u is the zero vector or its length differs from x
     */
    public static double directional(ScalarFunction f, double[] x, double[] u) {
        Objects.requireNonNull(f, "f must not be null");
        checkPoint(x);
        Objects.requireNonNull(u, "direction u must not be null");
        if (u.length != x.length) {
            throw new IllegalArgumentException(
                    "direction u has " + u.length + " coordinates but x has " + x.length);
        }
        double norm = Norm.of(u);
        if (norm == 0) {
            throw new IllegalArgumentException(
                    "direction u is the zero vector: a direction needs a non-zero length");
        }
        if (!Double.isFinite(norm)) {
            throw new IllegalArgumentException("direction u must be finite, got " + Arrays.toString(u));
        }
        double[] g = f.gradient(Arrays.copyOf(x, x.length));
        if (g.length != x.length) {
            throw new IllegalArgumentException(
                    "f.gradient returned " + g.length + " components but x has " + x.length);
        }
        double dot = 0;
        for (int i = 0; i < x.length; i++) {
            dot += g[i] * (u[i] / norm);
        }
        return dot;
    }

    private static void checkStep(double h) {
        if (!(h > 0) || !Double.isFinite(h)) {
            throw new IllegalArgumentException("step h must be positive and finite, got " + h);
        }
    }

    private static void checkPoint(double[] x) {
        Objects.requireNonNull(x, "point x must not be null");
        if (x.length == 0) {
            throw new IllegalArgumentException("point x must have at least one coordinate");
        }
    }
}
