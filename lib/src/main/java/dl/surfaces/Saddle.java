package dl.surfaces;

import java.util.List;

/**
 * The saddle (안장점) f(x, y) = x² − y², ∇f = (2x, −2y). The origin is a stationary point but
 * not a minimum: f falls without bound along y, so {@link #minima()} is empty. Started exactly
 * on the x-axis, gradient descent gets stuck at the origin; any tiny y escapes.
 */
public final class Saddle implements Surface {

    @Override
    public double value(double... p) {
        TwoD.check("Saddle", p);
        return p[0] * p[0] - p[1] * p[1];
    }

    @Override
    public double[] gradient(double... p) {
        TwoD.check("Saddle", p);
        return new double[] {2 * p[0], -2 * p[1]};
    }

    /** None: f is unbounded below. */
    @Override
    public List<double[]> minima() {
        return List.of();
    }

    /** The saddle point (0, 0). */
    public double[] saddlePoint() {
        return new double[] {0, 0};
    }

    /** [−2, 2]². */
    @Override
    public PlotRange plotRange() {
        return new PlotRange(-2, 2, -2, 2);
    }

    @Override
    public String toString() {
        return "x² − y²";
    }
}
