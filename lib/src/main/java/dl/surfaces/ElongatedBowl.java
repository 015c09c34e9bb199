package dl.surfaces;

import java.util.List;

/**
 * An elongated bowl: f(x, y) = (x − x*)²/p + (y − y*)²/q, ∇f = (2(x − x*)/p, 2(y − y*)/q),
 * minimum 0 at (x*, y*). When p ≠ q one direction is steeper than the other, so the gradient does
 * not point at the minimum and plain gradient descent zig-zags.
 *
 * <p>{@code new ElongatedBowl()} is the bowl of DLFS ch. 6, x²/20 + y² (p = 20, q = 1), computed as the
 * book computes it: twenty times steeper in y than in x. Notebook 03's 3(x − 2)² + (y − 2)² is
 * {@code new ElongatedBowl(1.0 / 3, 1, 2, 2)}.
 */
public final class ElongatedBowl implements Surface {

    private final double p;
    private final double q;
    private final double xMin;
    private final double yMin;

    /** DLFS's x²/20 + y². */
    public ElongatedBowl() {
        this(20, 1, 0, 0);
    }

    /** (x − xMin)²/p + (y − yMin)²/q with p, q &gt; 0 and the minimum at (xMin, yMin). */
    public ElongatedBowl(double p, double q, double xMin, double yMin) {
        if (!(p > 0) || !(q > 0) || !Double.isFinite(p) || !Double.isFinite(q)) {
            throw new IllegalArgumentException("a bowl needs divisors p, q > 0, got p = " + p + ", q = " + q);
        }
        if (!Double.isFinite(xMin) || !Double.isFinite(yMin)) {
            throw new IllegalArgumentException("the minimum must be finite, got (" + xMin + ", " + yMin + ")");
        }
        this.p = p;
        this.q = q;
        this.xMin = xMin;
        this.yMin = yMin;
    }

    @Override
    public double value(double... point) {
        TwoD.check("ElongatedBowl", point);
        double dx = point[0] - xMin;
        double dy = point[1] - yMin;
        return dx * dx / p + dy * dy / q;
    }

    @Override
    public double[] gradient(double... point) {
        TwoD.check("ElongatedBowl", point);
        return new double[] {2 * (point[0] - xMin) / p, 2 * (point[1] - yMin) / q};
    }

    @Override
    public List<double[]> minima() {
        return List.of(new double[] {xMin, yMin});
    }

    /** A window 20 wide and 10 high around the minimum: for DLFS's bowl x ∈ [−10, 10], y ∈ [−5, 5]. */
    @Override
    public PlotRange plotRange() {
        return new PlotRange(xMin - 10, xMin + 10, yMin - 5, yMin + 5);
    }

    /** The formula, e.g. "x²/20 + y²" or "3(x − 2)² + (y − 2)²". */
    @Override
    public String toString() {
        return term(p, "x", xMin) + " + " + term(q, "y", yMin);
    }

    /** (v − centre)²/divisor, written 3(x − 2)² when 1/divisor is a whole number. */
    private static String term(double divisor, String v, double centre) {
        String square = centre == 0 ? v + "²" : "(" + v + (centre > 0 ? " − " : " + ") + number(Math.abs(centre)) + ")²";
        if (divisor == 1) {
            return square;
        }
        double factor = Math.rint(1 / divisor);
        if (divisor < 1 && Math.abs(1 / divisor - factor) < 1e-9) {
            return number(factor) + square;
        }
        return square + "/" + number(divisor);
    }

    private static String number(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
