package dl.surfaces;

import dl.calculus.Grid;
import dl.calculus.ScalarFunction;
import java.util.List;

/**
 * A test function for optimizers: a {@link ScalarFunction} with an analytic
 * gradient that knows its minima and a window in which to draw it.
 */
public interface Surface extends ScalarFunction {

    /** The global minima (may be several; empty if f is unbounded below). */
    List<double[]> minima();

    /** A window showing the interesting part of the surface (first two coordinates). */
    PlotRange plotRange();

    /** The surface sampled on n × n points of its plot range, for a contour or surface plot. */
    default Grid grid(int n) {
        return grid(plotRange(), n, n);
    }

    /** The surface sampled on nx × ny points of the given window. */
    default Grid grid(PlotRange range, int nx, int ny) {
        java.util.Objects.requireNonNull(range, "range");
        return Grid.of(this, range.xMin(), range.xMax(), range.yMin(), range.yMax(), nx, ny);
    }
}
