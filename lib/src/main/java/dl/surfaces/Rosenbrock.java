package dl.surfaces;

import java.util.List;

/**
 * Rosenbrock's banana valley: f(x, y) = (a − x)² + b·(y − x²)², usually a = 1, b = 100.
 * ∇f = (−2(a − x) − 4b·x(y − x²), 2b(y − x²)). Minimum 0 at (a, a²), at the end of a long,
 * flat, curved valley.
 */
public final class Rosenbrock implements Surface {
    private final double a;
    private final double b;

    /** a = 1, b = 100. */
    public Rosenbrock() {
        this(1, 100);
    }

    public Rosenbrock(double a, double b) {
        if (!Double.isFinite(a) || !(b > 0) || Double.isInfinite(b)) {
            throw new IllegalArgumentException("Rosenbrock needs finite a and b > 0, got a = " + a + ", b = " + b);
        }
        this.a = a;
        this.b = b;
    }

    @Override
    public double value(double... p) {
        TwoD.check("Rosenbrock", p);
        double x = p[0];
        double r = p[1] - x * x;
        return (a - x) * (a - x) + b * r * r;
    }

    @Override
    public double[] gradient(double... p) {
        TwoD.check("Rosenbrock", p);
        double x = p[0];
        double r = p[1] - x * x;
        return new double[] {-2 * (a - x) - 4 * b * x * r, 2 * b * r};
    }

    @Override
    public List<double[]> minima() {
        return List.of(new double[] {a, a * a});
    }

    /** x ∈ [a − 3, a + 1], y ∈ [a² − 2, a² + 2] ([−2, 2] × [−1, 3] for a = 1). */
    @Override
    public PlotRange plotRange() {
        return new PlotRange(a - 3, a + 1, a * a - 2, a * a + 2);
    }

    @Override
    public String toString() {
        return "Rosenbrock(a=" + a + ", b=" + b + ")";
    }
}
