package dl.surfaces;

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
}
