package dl.calculus;

import java.util.Objects;

/**
 * A function of two variables f(x, y) with its analytic partial derivatives (편미분)
 * f_x = ∂f/∂x and f_y = ∂f/∂y. As a {@link ScalarFunction} its gradient is ∇f = (f_x, f_y).
 */
public final class Function2D implements ScalarFunction {

    /** A formula f(x, y). */
    @FunctionalInterface
    public interface Formula {
        double at(double x, double y);
    }

    private final String name;
    private final Formula f;
    private final Formula fx;
    private final Formula fy;

    /** The function f with partials f_x and f_y; the name is shown by {@code toString}. */
    public Function2D(String name, Formula f, Formula fx, Formula fy) {
        this.name = Objects.requireNonNull(name, "name must not be null");
        this.f = Objects.requireNonNull(f, "f must not be null");
        this.fx = Objects.requireNonNull(fx, "fx must not be null");
        this.fy = Objects.requireNonNull(fy, "fy must not be null");
    }

    /** f(x, y). */
    public double value(double x, double y) {
        return f.at(x, y);
    }

    /** ∂f/∂x at (x, y). */
    public double partialX(double x, double y) {
        return fx.at(x, y);
    }

    /** ∂f/∂y at (x, y). */
    public double partialY(double x, double y) {
        return fy.at(x, y);
    }

    /** f(p[0], p[1]); p must have two coordinates. */
    @Override
    public double value(double... p) {
        check(p);
        return f.at(p[0], p[1]);
    }

    /** ∇f = (f_x, f_y) at p, from the analytic partials. */
    @Override
    public double[] gradient(double... p) {
        check(p);
        return new double[] {fx.at(p[0], p[1]), fy.at(p[0], p[1])};
    }

    @Override
    public String toString() {
        return name;
    }

    private static void check(double[] p) {
        Objects.requireNonNull(p, "point must not be null");
        if (p.length != 2) {
            throw new IllegalArgumentException(
                    "a function of (x, y) needs a point with 2 coordinates, got " + p.length);
        }
    }
}
