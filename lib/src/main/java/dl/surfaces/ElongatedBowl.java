package dl.surfaces;

import java.util.List;

/**
 * An elongated bowl (타원형 그릇): f(x, y) = a(x − x*)² + b(y − y*)², ∇f = (2a(x − x*), 2b(y − y*)),
 * minimum 0 at (x*, y*). When a ≠ b one direction is steeper than the other, so the gradient does
 * not point at the minimum and plain gradient descent zig-zags.
 *
 * <p>{@code new ElongatedBowl()} is the bowl of DLFS ch. 6, x²/20 + y² (a = 1/20, b = 1): twenty
 * times steeper in y than in x. Notebook 03's 3(x − 2)² + (y − 2)² is {@code new ElongatedBowl(3, 1, 2, 2)}.
 */
public final class ElongatedBowl implements Surface {

    private final double a;
    private final double b;
    private final double xMin;
    private final double yMin;

    /** DLFS's x²/20 + y². */
    public ElongatedBowl() {
        this(1.0 / 20, 1, 0, 0);
    }

    /** a(x − xMin)² + b(y − yMin)² with curvatures a, b &gt; 0 and the minimum at (xMin, yMin). */
    public ElongatedBowl(double a, double b, double xMin, double yMin) {
        if (!(a > 0) || !(b > 0) || !Double.isFinite(a) || !Double.isFinite(b)) {
            throw new IllegalArgumentException("a bowl needs curvatures a, b > 0, got a = " + a + ", b = " + b);
        }
        if (!Double.isFinite(xMin) || !Double.isFinite(yMin)) {
            throw new IllegalArgumentException("the minimum must be finite, got (" + xMin + ", " + yMin + ")");
        }
        this.a = a;
        this.b = b;
        this.xMin = xMin;
        this.yMin = yMin;
    }

    @Override
    public double value(double... p) {
        TwoD.check("ElongatedBowl", p);
        double dx = p[0] - xMin;
        double dy = p[1] - yMin;
        return a * dx * dx + b * dy * dy;
    }

    @Override
    public double[] gradient(double... p) {
        TwoD.check("ElongatedBowl", p);
        return new double[] {2 * a * (p[0] - xMin), 2 * b * (p[1] - yMin)};
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
        return term(a, "x", xMin) + " + " + term(b, "y", yMin);
    }

    private static String term(double c, String v, double centre) {
        String square = centre == 0 ? v + "²" : "(" + v + (centre > 0 ? " − " : " + ") + number(Math.abs(centre)) + ")²";
        if (c == 1) {
            return square;
        }
        double inverse = 1 / c;
        if (c < 1 && inverse == Math.rint(inverse)) {
            return square + "/" + number(inverse);
        }
        return number(c) + square;
    }

    private static String number(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
