package dl.surfaces;

import java.util.List;

/**
 * The stretched bowl of DLFS ch. 6: f(x, y) = x²/20 + y², ∇f = (x/10, 2y).
 * Twenty times steeper in y than in x, so plain SGD zig-zags. Minimum 0 at (0, 0).
 */
public final class ElongatedBowl implements Surface {

    @Override
    public double value(double... p) {
        TwoD.check("ElongatedBowl", p);
        return p[0] * p[0] / 20 + p[1] * p[1];
    }

    @Override
    public double[] gradient(double... p) {
        TwoD.check("ElongatedBowl", p);
        return new double[] {p[0] / 10, 2 * p[1]};
    }

    @Override
    public List<double[]> minima() {
        return List.of(new double[] {0, 0});
    }

    /** x ∈ [−10, 10], y ∈ [−5, 5]. */
    @Override
    public PlotRange plotRange() {
        return new PlotRange(-10, 10, -5, 5);
    }

    @Override
    public String toString() {
        return "x²/20 + y²";
    }
}
