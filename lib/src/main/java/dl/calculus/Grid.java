package dl.calculus;

import java.util.Objects;
import java.util.function.DoubleUnaryOperator;

/**
 * Evenly spaced sample points and function values on them, for plots (like NumPy's
 * {@code linspace}, {@code arange}, {@code logspace} and {@code meshgrid}). A {@code Grid} itself is a
 * function of two variables sampled on a plane grid, ready for a contour or surface plot:
 * z[j][i] = f(xs[i], ys[j]), one row per y.
 */
public record Grid(double[] xs, double[] ys, double[][] z) {

    public Grid {
        Objects.requireNonNull(xs, "xs");
        Objects.requireNonNull(ys, "ys");
        Objects.requireNonNull(z, "z");
        if (z.length != ys.length || (z.length > 0 && z[0].length != xs.length)) {
            throw new IllegalArgumentException("z must be ys.length × xs.length = " + ys.length + " × " + xs.length
                    + ", got " + z.length + " × " + (z.length > 0 ? z[0].length : 0));
        }
    }

    /** f sampled on nx × ny evenly spaced points of [xMin, xMax] × [yMin, yMax]. */
    public static Grid of(ScalarFunction f, double xMin, double xMax, double yMin, double yMax, int nx, int ny) {
        Objects.requireNonNull(f, "f");
        if (nx < 2 || ny < 2) {
            throw new IllegalArgumentException("a grid needs at least 2 points per axis, got " + nx + " × " + ny);
        }
        double[] xs = linspace(xMin, xMax, nx);
        double[] ys = linspace(yMin, yMax, ny);
        return new Grid(xs, ys, evaluate(f, xs, ys));
    }

    /** The same grid with op applied to every value, e.g. {@code map(Math::log1p)} for a steep surface. */
    public Grid map(DoubleUnaryOperator op) {
        Objects.requireNonNull(op, "op");
        double[][] out = new double[z.length][];
        for (int j = 0; j < z.length; j++) {
            out[j] = new double[z[j].length];
            for (int i = 0; i < z[j].length; i++) {
                out[j][i] = op.applyAsDouble(z[j][i]);
            }
        }
        return new Grid(xs, ys, out);
    }

    /** n evenly spaced points from start to stop, both included (n ≥ 2, or n = 1 gives [start]). */
    public static double[] linspace(double start, double stop, int n) {
        checkFinite("start", start);
        checkFinite("stop", stop);
        if (n < 1) {
            throw new IllegalArgumentException("n must be at least 1, got " + n);
        }
        double[] xs = new double[n];
        if (n == 1) {
            xs[0] = start;
            return xs;
        }
        double step = (stop - start) / (n - 1);
        if (Double.isFinite(step)) {
            for (int i = 0; i < n; i++) {
                xs[i] = start + i * step;
            }
        } else {
            // stop − start overflows (e.g. −1e308 … 1e308): interpolate without forming the difference
            for (int i = 0; i < n; i++) {
                double t = (double) i / (n - 1);
                xs[i] = start * (1 - t) + stop * t;
            }
        }
        xs[0] = start;
        xs[n - 1] = stop;
        return xs;
    }

    /**
     * start, start + step, start + 2·step, … while below stop (stop excluded), like
     * {@code np.arange}: the count is ⌈(stop − start)/step⌉.
     */
    public static double[] arange(double start, double stop, double step) {
        checkFinite("start", start);
        checkFinite("stop", stop);
        if (!(step > 0) || !Double.isFinite(step)) {
            throw new IllegalArgumentException("step must be positive and finite, got " + step);
        }
        double count = Math.ceil((stop - start) / step);
        if (count > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("arange(" + start + ", " + stop + ", " + step
                    + ") would have " + count + " points");
        }
        int n = (int) Math.max(0, count);
        double[] xs = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = start + i * step;
        }
        return xs;
    }

    /**
     * n points 10^a … 10^b, evenly spaced in the exponent (for step sizes and learning rates). An
     * exponent beyond ≈ 308.25 would overflow to ∞ and is refused.
     */
    public static double[] logspace(double a, double b, int n) {
        double[] exponents = linspace(a, b, n);
        double[] xs = new double[n];
        for (int i = 0; i < n; i++) {
            double e = exponents[i];
            // whole exponents are parsed so that 1e-4 is exactly the double written 1e-4
            xs[i] = e == Math.rint(e) && Math.abs(e) < 400
                    ? Double.parseDouble("1e" + (long) e)
                    : Math.pow(10, e);
            if (Double.isInfinite(xs[i])) {
                throw new IllegalArgumentException("logspace(" + a + ", " + b + ", " + n + "): 10^" + e
                        + " overflows a double (the largest is about 1.8e308, 10^308.25)");
            }
        }
        return xs;
    }

    /** The values f(xs[i]). */
    public static double[] evaluate(DoubleUnaryOperator f, double[] xs) {
        Objects.requireNonNull(f, "f must not be null");
        Objects.requireNonNull(xs, "xs must not be null");
        double[] ys = new double[xs.length];
        for (int i = 0; i < xs.length; i++) {
            ys[i] = f.applyAsDouble(xs[i]);
        }
        return ys;
    }

    /**
     * The values of f: ℝ² → ℝ on the grid xs × ys, as z[j][i] = f(xs[i], ys[j]): one row per y,
     * one column per x (the layout of {@code np.meshgrid} and of surface/contour plots).
     */
    public static double[][] evaluate(ScalarFunction f, double[] xs, double[] ys) {
        Objects.requireNonNull(f, "f must not be null");
        Objects.requireNonNull(xs, "xs must not be null");
        Objects.requireNonNull(ys, "ys must not be null");
        double[][] z = new double[ys.length][xs.length];
        for (int j = 0; j < ys.length; j++) {
            for (int i = 0; i < xs.length; i++) {
                z[j][i] = f.value(xs[i], ys[j]);
            }
        }
        return z;
    }

    private static void checkFinite(String name, double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(name + " must be finite, got " + v);
        }
    }
}
