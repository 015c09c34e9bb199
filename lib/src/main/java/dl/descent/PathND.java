package dl.descent;

import dl.calculus.Norm;

import java.util.Arrays;

/**
 * The path of gradient descent on f: ℝⁿ → ℝ: points x₀, x₁, …, xₖ (each an n-vector) with their
 * values f(xᵢ) and gradients ∇f(xᵢ), and why the run stopped. Every stored number is finite: when
 * a run diverges, the offending iterate is named in {@link #stopMessage()} but not stored.
 *
 * <p>For plots of a 2-D path use {@link #xs()} (first coordinates), {@link #ys()} (second
 * coordinates) and {@link #values()}.
 */
public final class PathND {

    private final double[][] points;
    private final double[] values;
    private final double[][] gradients;
    private final double learningRate;
    private final Stop stop;

    PathND(double[][] points, double[] values, double[][] gradients, double learningRate, Stop stop) {
        this.points = points;
        this.values = values;
        this.gradients = gradients;
        this.learningRate = learningRate;
        this.stop = stop;
    }

    /** The number of coordinates n. */
    public int dimension() {
        return points[0].length;
    }

    /** The iterates as rows: points()[k] = xₖ (a copy). */
    public double[][] points() {
        return deepCopy(points);
    }

    /** The iterate xₖ (a copy). */
    public double[] point(int k) {
        return points[checkIndex(k)].clone();
    }

    /** Coordinate i of every iterate: (x₀)ᵢ, (x₁)ᵢ, …, (xₖ)ᵢ. */
    public double[] coordinate(int i) {
        if (i < 0 || i >= dimension()) {
            throw new IndexOutOfBoundsException(
                    "coordinate " + i + " does not exist: the path is " + dimension() + "-dimensional");
        }
        double[] c = new double[points.length];
        for (int k = 0; k < points.length; k++) {
            c[k] = points[k][i];
        }
        return c;
    }

    /** The first coordinates, {@code coordinate(0)}. */
    public double[] xs() {
        return coordinate(0);
    }

    /** The second coordinates, {@code coordinate(1)} (needs n ≥ 2). */
    public double[] ys() {
        return coordinate(1);
    }

    /** The values f(x₀), …, f(xₖ) (a copy). */
    public double[] values() {
        return values.clone();
    }

    /** f(xₖ). */
    public double value(int k) {
        return values[checkIndex(k)];
    }

    /** The gradients: gradients()[k] = ∇f(xₖ) (a copy). */
    public double[][] gradients() {
        return deepCopy(gradients);
    }

    /** The gradient ∇f(xₖ) (a copy). */
    public double[] gradient(int k) {
        return gradients[checkIndex(k)].clone();
    }

    /** The gradient norms ‖∇f(x₀)‖, …, ‖∇f(xₖ)‖. */
    public double[] gradientNorms() {
        double[] n = new double[gradients.length];
        for (int k = 0; k < n.length; k++) {
            n[k] = Norm.of(gradients[k]);
        }
        return n;
    }

    /** Labels "x₀", "x₁", …, one per iterate, for drawing the path with labelled points. */
    public java.util.List<String> labels() {
        return labels("x");
    }

    /** Labels "{symbol}₀", "{symbol}₁", …, one per iterate (e.g. symbol "w" gives w₀, w₁, …). */
    public java.util.List<String> labels(String symbol) {
        return GradientDescent.labels(symbol, points.length);
    }

    /** The number of updates made (the path has steps() + 1 points). */
    public int steps() {
        return points.length - 1;
    }

    /** The last stored iterate (a copy). */
    public double[] last() {
        return points[points.length - 1].clone();
    }

    /** f at the last stored iterate. */
    public double lastValue() {
        return values[values.length - 1];
    }

    /** The learning rate η used. */
    public double learningRate() {
        return learningRate;
    }

    /** Why the run stopped. */
    public StopReason stopReason() {
        return stop.reason();
    }

    /** The step at which the run stopped (for {@link StopReason#DIVERGED}: the step that failed). */
    public int stopStep() {
        return stop.step();
    }

    /** A sentence saying why and at which step the run stopped. */
    public String stopMessage() {
        return stop.message();
    }

    /** True if the run stopped by the tolerance. */
    public boolean converged() {
        return stop.converged();
    }

    /** True if the run diverged. */
    public boolean diverged() {
        return stop.diverged();
    }

    /**
     * This path, if the run converged.
     *
     * @throws DivergenceException   if it diverged (the message names the step and value)
     * @throws IllegalStateException if it used up maxIterations without converging
     */
    public PathND requireConverged() {
        stop.requireConverged();
        return this;
    }

    /** This path, unless the run diverged, in which case a {@link DivergenceException} is thrown. */
    public PathND requireNotDiverged() {
        stop.requireNotDiverged();
        return this;
    }

    /**
     * The path as a Tablesaw table (표), one row per iterate: step k, the coordinates (x, y for a
     * 2-D path, else x1 … xn), f, the partial derivatives (df/dx, …) and the gradient's norm ‖∇f‖.
     */
    public tech.tablesaw.api.Table table() {
        int n = dimension();
        String[] names = n == 2 ? new String[]{"x", "y"} : new String[n];
        if (n != 2) {
            for (int i = 0; i < n; i++) names[i] = "x" + (i + 1);
        }
        int[] step = new int[points.length];
        for (int k = 0; k < step.length; k++) step[k] = k;
        tech.tablesaw.api.Table t = tech.tablesaw.api.Table.create("gradient descent, η = " + learningRate,
                tech.tablesaw.api.IntColumn.create("k", step));
        for (int i = 0; i < n; i++) t.addColumns(tech.tablesaw.api.DoubleColumn.create(names[i], coordinate(i)));
        t.addColumns(tech.tablesaw.api.DoubleColumn.create("f", values));
        for (int i = 0; i < n; i++) {
            double[] g = new double[points.length];
            for (int k = 0; k < g.length; k++) g[k] = gradients[k][i];
            t.addColumns(tech.tablesaw.api.DoubleColumn.create("df/d" + names[i], g));
        }
        return t.addColumns(tech.tablesaw.api.DoubleColumn.create("|grad f|", gradientNorms()));
    }

    /** A plain-text report k, xₖ, f(xₖ), ∇f(xₖ) (every digit) followed by the stop message. */
    public String report() {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < points.length; k++) {
            sb.append(String.format("%4d  x = %s  f = %s  ∇f = %s%n",
                    k, Arrays.toString(points[k]), values[k], Arrays.toString(gradients[k])));
        }
        return sb.append(stop.message()).toString();
    }

    @Override
    public String toString() {
        return "PathND[η = " + learningRate + ", " + steps() + " steps, last x = "
                + Arrays.toString(points[points.length - 1]) + ", f = " + lastValue() + "; " + stop.message() + "]";
    }

    private int checkIndex(int k) {
        return GradientDescent.checkStepIndex(k, points.length);
    }

    private static double[][] deepCopy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int k = 0; k < a.length; k++) {
            c[k] = a[k].clone();
        }
        return c;
    }
}
