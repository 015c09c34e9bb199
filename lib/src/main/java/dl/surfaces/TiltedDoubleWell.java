package dl.surfaces;

import java.util.List;

/**
 * A tilted double well: f(x, y) = (x² − 1)² + t·x + y², ∇f = (4x(x² − 1) + t, 2y).
 *
 * <p>For 0 &lt; t &lt; 8/(3√3) ≈ 1.54 it has two minima on the x-axis: a deep, global one near
 * x = −1 and a shallow, local one (국소 최솟값) near x = +1, separated by a saddle near x = 0. The
 * stationary points are the three roots of 4x³ − 4x + t = 0. A toy landscape for "plain gradient
 * descent stays in the shallow well; noise or momentum can leave it".
 */
public final class TiltedDoubleWell implements Surface {
    /** Tilt above which the shallow well disappears: 8/(3√3). */
    public static final double MAX_TILT = 8 / (3 * Math.sqrt(3));

    private final double tilt;
    private final double[] roots; // ascending: global min, saddle, local min

    /** t = 0.5. */
    public TiltedDoubleWell() {
        this(0.5);
    }

    /** @param tilt t in (0, 8/(3√3)) */
    public TiltedDoubleWell(double tilt) {
        if (!(tilt > 0 && tilt < MAX_TILT)) {
            throw new IllegalArgumentException("tilt must be in (0, " + MAX_TILT + ") for two wells, got " + tilt);
        }
        this.tilt = tilt;
        // x³ − x + t/4 = 0 has three real roots xₖ = (2/√3)·cos(φ/3 − 2πk/3), cos φ = −(3√3/8)·t.
        double phi = Math.acos(-3 * Math.sqrt(3) / 8 * tilt);
        double r = 2 / Math.sqrt(3);
        double[] x = new double[3];
        for (int k = 0; k < 3; k++) {
            x[k] = r * Math.cos(phi / 3 - 2 * Math.PI * k / 3);
        }
        java.util.Arrays.sort(x);
        this.roots = x;
    }

    public double tilt() {
        return tilt;
    }

    @Override
    public double value(double... p) {
        TwoD.check("TiltedDoubleWell", p);
        double u = p[0] * p[0] - 1;
        return u * u + tilt * p[0] + p[1] * p[1];
    }

    @Override
    public double[] gradient(double... p) {
        TwoD.check("TiltedDoubleWell", p);
        return new double[] {4 * p[0] * (p[0] * p[0] - 1) + tilt, 2 * p[1]};
    }

    /** The global minimum (the left well, x &lt; −1). */
    @Override
    public List<double[]> minima() {
        return List.of(new double[] {roots[0], 0});
    }

    /** The shallow, local minimum (the right well, 0 &lt; x &lt; 1). */
    public double[] localMinimum() {
        return new double[] {roots[2], 0};
    }

    /** The saddle point between the wells (the top of the barrier along the x-axis). */
    public double[] saddlePoint() {
        return new double[] {roots[1], 0};
    }

    /** x ∈ [−2, 2], y ∈ [−1.5, 1.5]. */
    @Override
    public PlotRange plotRange() {
        return new PlotRange(-2, 2, -1.5, 1.5);
    }

    @Override
    public String toString() {
        return "(x² − 1)² + " + tilt + "·x + y²";
    }
}
