package dl.surfaces;

import java.util.List;

/**
 * Himmelblau's function: f(x, y) = (x² + y − 11)² + (x + y² − 7)², with
 * ∇f = (4x(x² + y − 11) + 2(x + y² − 7), 2(x² + y − 11) + 4y(x + y² − 7)).
 * Four minima, all with f = 0: (3, 2), (−2.805118, 3.131313), (−3.779310, −3.283186),
 * (3.584428, −1.848127) — which one an optimizer finds depends on where it starts.
 */
public final class Himmelblau implements Surface {

    @Override
    public double value(double... p) {
        TwoD.check("Himmelblau", p);
        double u = p[0] * p[0] + p[1] - 11;
        double w = p[0] + p[1] * p[1] - 7;
        return u * u + w * w;
    }

    @Override
    public double[] gradient(double... p) {
        TwoD.check("Himmelblau", p);
        double u = p[0] * p[0] + p[1] - 11;
        double w = p[0] + p[1] * p[1] - 7;
        return new double[] {4 * p[0] * u + 2 * w, 2 * u + 4 * p[1] * w};
    }

    /** The four minima (three of them to about 15 digits). */
    @Override
    public List<double[]> minima() {
        return List.of(
                new double[] {3, 2},
                new double[] {-2.805118086952745, 3.131312518250573},
                new double[] {-3.779310253377747, -3.283185991286170},
                new double[] {3.584428340330492, -1.848126526964404});
    }

    /** [−5, 5]². */
    @Override
    public PlotRange plotRange() {
        return new PlotRange(-5, 5, -5, 5);
    }

    @Override
    public String toString() {
        return "Himmelblau";
    }
}
