package dl.descent;

import dl.calculus.Norm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The path of gradient descent, xₖ₊₁ = xₖ − η·∇f(xₖ), or of any optimizer on f: ℝⁿ → ℝ: the iterates x₀, x₁, …, xₖ
 * (each an n-vector; a function of one variable is the case n = 1) with the values f(xᵢ) and
 * gradients ∇f(xᵢ), and why the run stopped. Every stored number is finite: when a run diverges,
 * the offending iterate is named in {@link #divergence()} but not stored.
 *
 * <p>For plots use {@link #xs()} (first coordinates: the iterates themselves in 1-D), {@link #ys()}
 * (second coordinates) and {@link #values()}; {@link #table()} lists every step.
 */
public final class Path {

    private final double[][] points;
    private final double[] values;
    private final double[][] gradients;
    private final String method;
    private final double learningRate;
    private final Stop stop;

    Path(double[][] points, double[] values, double[][] gradients, String method, double learningRate, Stop stop) {
        this.points = points;
        this.values = values;
        this.gradients = gradients;
        this.method = method;
        this.learningRate = learningRate;
        this.stop = stop;
    }

    /** The number of coordinates n (1 for a function of one variable). */
    public int dimension() {
        return points[0].length;
    }

    /** The number of updates made (the path has steps() + 1 points). */
    public int steps() {
        return points.length - 1;
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

    /** The first coordinates, {@code coordinate(0)}: in 1-D the iterates x₀, x₁, …, xₖ. */
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

    /** The gradients: gradients()[k] = ∇f(xₖ) (a copy; in 1-D each holds f'(xₖ)). */
    public double[][] gradients() {
        return deepCopy(gradients);
    }

    /** The gradient ∇f(xₖ) (a copy). */
    public double[] gradient(int k) {
        return gradients[checkIndex(k)].clone();
    }

    /** The gradient norms ‖∇f(x₀)‖, …, ‖∇f(xₖ)‖ (in 1-D: |f'(xₖ)|). */
    public double[] gradientNorms() {
        double[] n = new double[gradients.length];
        for (int k = 0; k < n.length; k++) {
            n[k] = Norm.of(gradients[k]);
        }
        return n;
    }

    /** Labels "x₀", "x₁", …, one per iterate, for drawing the path with labelled points. */
    public List<String> labels() {
        return labels("x");
    }

    /** Labels "{symbol}₀", "{symbol}₁", …, one per iterate (e.g. symbol "w" gives w₀, w₁, …). */
    public List<String> labels(String symbol) {
        Objects.requireNonNull(symbol, "symbol");
        List<String> out = new ArrayList<>(points.length);
        for (int k = 0; k < points.length; k++) {
            out.add(symbol + subscript(k));
        }
        return out;
    }

    /** The last stored iterate (a copy). */
    public double[] last() {
        return points[points.length - 1].clone();
    }

    /** The first coordinate of the last stored iterate: in 1-D, the last iterate itself. */
    public double lastX() {
        return points[points.length - 1][0];
    }

    /** f at the last stored iterate. */
    public double lastValue() {
        return values[values.length - 1];
    }

    /** The learning rate η of plain gradient descent; NaN when another optimizer made the path. */
    public double learningRate() {
        return learningRate;
    }

    /** What made the path: "gradient descent, η = 0.1" or the optimizer, e.g. "Adam(lr=0.3, …)". */
    public String method() {
        return method;
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

    /** The divergence report (step, quantity, value), if the run diverged. */
    public Optional<Divergence> divergence() {
        return Optional.ofNullable(stop.divergence());
    }

    /**
     * This path, if the run converged.
     *
     * @throws DivergenceException   if it diverged (the message names the step and value)
     * @throws IllegalStateException if it used up maxIterations without converging
     */
    public Path requireConverged() {
        stop.requireConverged();
        return this;
    }

    /** This path, unless the run diverged, in which case a {@link DivergenceException} is thrown. */
    public Path requireNotDiverged() {
        stop.requireNotDiverged();
        return this;
    }

    /**
     * This path, if it did not diverge and its last point lies within {@code tolerance} (Euclidean
     * distance) of {@code target}.
     *
     * @throws DivergenceException   if it diverged
     * @throws IllegalStateException if the last point is farther than tolerance from target
     */
    public Path requireConvergedTo(double[] target, double tolerance) {
        Objects.requireNonNull(target, "target");
        requireNotDiverged();
        double[] end = points[points.length - 1];
        if (end.length != target.length) {
            throw new IllegalArgumentException("points have " + end.length + " coordinates but target has " + target.length);
        }
        double[] diff = new double[end.length];
        for (int i = 0; i < end.length; i++) {
            diff[i] = end[i] - target[i];
        }
        double d = Norm.of(diff);
        if (!(d <= tolerance)) {
            throw new IllegalStateException("not converged after step " + steps() + ": " + Arrays.toString(end)
                    + " is " + d + " from " + Arrays.toString(target) + " (tolerance " + tolerance + ")");
        }
        return this;
    }

    /**
     * The path as a Tablesaw table (표), one row per iterate. In 1-D: step k, xₖ, f(xₖ), f'(xₖ);
     * otherwise k, the coordinates (x, y for a 2-D path, else x1 … xn), f, the partial derivatives
     * (df/dx, …) and the gradient's norm ‖∇f‖. The table's name says what made the path.
     */
    public Table table() {
        int n = dimension();
        int[] step = new int[points.length];
        for (int k = 0; k < step.length; k++) step[k] = k;
        Table t = Table.create(method, IntColumn.create("k", step));
        if (n == 1) {
            double[] g = new double[points.length];
            for (int k = 0; k < g.length; k++) g[k] = gradients[k][0];
            return t.addColumns(DoubleColumn.create("x_k", xs()), DoubleColumn.create("f(x_k)", values),
                    DoubleColumn.create("f'(x_k)", g));
        }
        for (int i = 0; i < n; i++) t.addColumns(DoubleColumn.create(coordinateName(i, n), coordinate(i)));
        t.addColumns(DoubleColumn.create("f", values));
        for (int i = 0; i < n; i++) {
            double[] g = new double[points.length];
            for (int k = 0; k < g.length; k++) g[k] = gradients[k][i];
            t.addColumns(DoubleColumn.create("df/d" + coordinateName(i, n), g));
        }
        return t.addColumns(DoubleColumn.create("|grad f|", gradientNorms()));
    }

    /**
     * A comparison of several runs, one row per run in the map's order: name, steps, the last
     * point's coordinates, f there, and the step at which the run diverged (−1 if it did not).
     */
    public static Table compare(Map<String, Path> runs) {
        Objects.requireNonNull(runs, "runs");
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("no runs to compare");
        }
        int n = runs.values().iterator().next().dimension();
        StringColumn name = StringColumn.create("run");
        IntColumn steps = IntColumn.create("steps");
        DoubleColumn[] coords = new DoubleColumn[n];
        for (int i = 0; i < n; i++) coords[i] = DoubleColumn.create("last " + coordinateName(i, n));
        DoubleColumn f = DoubleColumn.create("final f");
        IntColumn diverged = IntColumn.create("diverged at");
        runs.forEach((label, p) -> {
            Objects.requireNonNull(p, label);
            if (p.dimension() != n) {
                throw new IllegalArgumentException("run '" + label + "' has " + p.dimension()
                        + " coordinates but the first run has " + n);
            }
            name.append(label);
            steps.append(p.steps());
            double[] last = p.points[p.points.length - 1];
            for (int i = 0; i < n; i++) coords[i].append(last[i]);
            f.append(p.lastValue());
            diverged.append(p.diverged() ? p.stopStep() : -1);
        });
        Table table = Table.create("comparison", name, steps);
        table.addColumns(coords);
        return table.addColumns(f, diverged);
    }

    /** A plain-text report k, xₖ, f(xₖ), ∇f(xₖ) (every digit) followed by the stop message. */
    public String report() {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < points.length; k++) {
            sb.append(String.format("%4d  x = %s  f = %s  ∇f = %s%n", k, pointText(points[k]), values[k],
                    pointText(gradients[k])));
        }
        return sb.append(stop.message()).toString();
    }

    @Override
    public String toString() {
        return "Path[" + method + ", " + steps() + " steps, last x = " + pointText(points[points.length - 1])
                + ", f = " + lastValue() + "; " + stop.message() + "]";
    }

    /** A point as text: the number itself in 1-D, else [x1, …, xn]. */
    static String pointText(double[] x) {
        return x.length == 1 ? String.valueOf(x[0]) : Arrays.toString(x);
    }

    private static String coordinateName(int i, int n) {
        return n == 2 ? (i == 0 ? "x" : "y") : "x" + (i + 1);
    }

    private int checkIndex(int k) {
        if (k < 0 || k >= points.length) {
            throw new IndexOutOfBoundsException("step " + k + " does not exist: the path has steps 0.." + (points.length - 1));
        }
        return k;
    }

    private static String subscript(int k) {
        String digits = Integer.toString(k);
        StringBuilder sb = new StringBuilder(digits.length());
        for (char c : digits.toCharArray()) {
            sb.append((char) ('₀' + (c - '0')));
        }
        return sb.toString();
    }

    private static double[][] deepCopy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int k = 0; k < a.length; k++) {
            c[k] = a[k].clone();
        }
        return c;
    }
}
