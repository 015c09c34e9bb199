package dl.surfaces;

import java.util.List;

/**
 * Beale's function: f(x, y) = (1.5 − x + xy)² + (2.25 − x + xy²)² + (2.625 − x + xy³)².
 * With uᵢ the i-th bracket, ∂f/∂x = 2u₁(y − 1) + 2u₂(y² − 1) + 2u₃(y³ − 1) and
 * ∂f/∂y = 2u₁x + 4u₂xy + 6u₃xy². Minimum 0 at (3, 0.5), in a flat region with steep walls.
 */
public final class Beale implements Surface {

    @Override
    public double value(double... p) {
        TwoD.check("Beale", p);
        double x = p[0];
        double y = p[1];
        double u1 = 1.5 - x + x * y;
        double u2 = 2.25 - x + x * y * y;
        double u3 = 2.625 - x + x * y * y * y;
        return u1 * u1 + u2 * u2 + u3 * u3;
    }

    @Override
    public double[] gradient(double... p) {
        TwoD.check("Beale", p);
        double x = p[0];
        double y = p[1];
        double u1 = 1.5 - x + x * y;
        double u2 = 2.25 - x + x * y * y;
        double u3 = 2.625 - x + x * y * y * y;
        double dx = 2 * u1 * (y - 1) + 2 * u2 * (y * y - 1) + 2 * u3 * (y * y * y - 1);
        double dy = 2 * u1 * x + 4 * u2 * x * y + 6 * u3 * x * y * y;
        return new double[] {dx, dy};
    }

    @Override
    public List<double[]> minima() {
        return List.of(new double[] {3, 0.5});
    }

    /** [−4.5, 4.5]². */
    @Override
    public PlotRange plotRange() {
        return new PlotRange(-4.5, 4.5, -4.5, 4.5);
    }

    @Override
    public String toString() {
        return "Beale";
    }
}
