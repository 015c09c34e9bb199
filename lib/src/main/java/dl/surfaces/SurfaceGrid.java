package dl.surfaces;

import dl.calculus.Grid;
import dl.calculus.ScalarFunction;
import java.util.function.DoubleUnaryOperator;

/**
 * A function sampled on a rectangular grid, ready for a contour or surface plot:
 * z[i][j] = f(xs[j], ys[i]) (one row per y, as {@link Grid#evaluate(ScalarFunction, double[], double[])}).
 *
 * <pre>{@code
 * var g = SurfaceGrid.of(new Rosenbrock(), 60).map(Math::log1p);
 * Chart.of("log(1 + f)", "x", "y", Traces.contour("f", g));
 * }</pre>
 */
public record SurfaceGrid(double[] xs, double[] ys, double[][] z) {

    public SurfaceGrid {
        java.util.Objects.requireNonNull(xs, "xs");
        java.util.Objects.requireNonNull(ys, "ys");
        java.util.Objects.requireNonNull(z, "z");
    }

    /** An n × n grid over the surface's own {@link Surface#plotRange()}. */
    public static SurfaceGrid of(Surface surface, int n) {
        java.util.Objects.requireNonNull(surface, "surface");
        return of(surface, surface.plotRange(), n, n);
    }

    /** nx points across [xMin, xMax] and ny points across [yMin, yMax] (both ≥ 2). */
    public static SurfaceGrid of(ScalarFunction f, PlotRange range, int nx, int ny) {
        java.util.Objects.requireNonNull(f, "f");
        java.util.Objects.requireNonNull(range, "range");
        if (nx < 2 || ny < 2) {
            throw new IllegalArgumentException("a grid needs at least 2 points per axis, got " + nx + " × " + ny);
        }
        double[] xs = Grid.linspace(range.xMin(), range.xMax(), nx);
        double[] ys = Grid.linspace(range.yMin(), range.yMax(), ny);
        return new SurfaceGrid(xs, ys, Grid.evaluate(f, xs, ys));
    }

    /** The same grid with every value transformed, e.g. {@code map(Math::log1p)} for steep valleys. */
    public SurfaceGrid map(DoubleUnaryOperator op) {
        double[][] out = new double[z.length][];
        for (int i = 0; i < z.length; i++) {
            out[i] = new double[z[i].length];
            for (int j = 0; j < z[i].length; j++) {
                out[i][j] = op.applyAsDouble(z[i][j]);
            }
        }
        return new SurfaceGrid(xs, ys, out);
    }
}
