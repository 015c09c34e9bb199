package dl.optimizers;

import dl.calculus.ScalarFunction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The path of an optimizer on a function: the start x₀ and every iterate x₁, x₂, … with
 * f at each, ready to draw over a contour plot ({@link #xs()}, {@link #ys()}).
 *
 * <p>A run stops at the first step whose gradient, iterate or value is not finite (divergence,
 * 발산); the points kept are all finite and {@link #divergedAt()} names the failing step.
 */
public final class Trajectory {
    private final double[][] points;
    private final double[] values;
    private final int divergedAt;
    private final String divergence;

    private Trajectory(List<double[]> points, List<Double> values, int divergedAt, String divergence) {
        this.points = points.toArray(new double[0][]);
        this.values = values.stream().mapToDouble(Double::doubleValue).toArray();
        this.divergedAt = divergedAt;
        this.divergence = divergence;
    }

    /**
     * Runs {@code steps} updates x ← opt.update(x, ∇f(x)) from a copy of {@code start}.
     * Calls {@code opt.reset()} first, so the run starts with empty optimizer state.
     */
    public static Trajectory run(Optimizer opt, ScalarFunction f, double[] start, int steps) {
        java.util.Objects.requireNonNull(opt, "opt");
        opt.reset();
        return run(f, start, steps, x -> {
            double[] grad = f.gradient(x);
            if (!allFinite(grad)) {
                return "gradient " + Arrays.toString(grad) + " at " + Arrays.toString(x);
            }
            opt.update(x, grad);
            return null;
        });
    }

    /**
     * Runs {@code steps} look-ahead Nesterov steps from a copy of {@code start}, recording x
     * (not the look-ahead point). Calls {@code nag.reset()} first.
     */
    public static Trajectory run(NesterovLookahead nag, ScalarFunction f, double[] start, int steps) {
        java.util.Objects.requireNonNull(nag, "nag");
        nag.reset();
        return run(f, start, steps, x -> {
            double[] ahead = nag.lookahead(x);
            double[] grad = f.gradient(ahead);
            if (!allFinite(grad)) {
                return "gradient " + Arrays.toString(grad) + " at the look-ahead point " + Arrays.toString(ahead);
            }
            nag.step(x, f);
            return null;
        });
    }

    /** One in-place step; returns a description of a non-finite gradient, or null. */
    private interface Step {
        String apply(double[] x);
    }

    private static Trajectory run(ScalarFunction f, double[] start, int steps, Step step) {
        java.util.Objects.requireNonNull(f, "f");
        java.util.Objects.requireNonNull(start, "start");
        if (steps < 0) {
            throw new IllegalArgumentException("steps must be >= 0, got " + steps);
        }
        double f0 = f.value(start);
        if (!allFinite(start) || !Double.isFinite(f0)) {
            throw new IllegalArgumentException("start " + Arrays.toString(start) + " gives f = " + f0);
        }
        List<double[]> points = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        points.add(start.clone());
        values.add(f0);
        double[] x = start.clone();
        for (int k = 1; k <= steps; k++) {
            String problem = step.apply(x);
            if (problem == null && !allFinite(x)) {
                problem = "iterate " + Arrays.toString(x);
            }
            double fx = problem == null ? f.value(x) : Double.NaN;
            if (problem == null && !Double.isFinite(fx)) {
                problem = "f = " + fx + " at " + Arrays.toString(x);
            }
            if (problem != null) {
                return new Trajectory(points, values, k, "diverged at step " + k + ": " + problem);
            }
            points.add(x.clone());
            values.add(fx);
        }
        return new Trajectory(points, values, -1, "");
    }

    private static boolean allFinite(double[] v) {
        for (double d : v) {
            if (!Double.isFinite(d)) {
                return false;
            }
        }
        return true;
    }

    /** Number of completed updates (points − 1). */
    public int steps() {
        return points.length - 1;
    }

    /** Copy of point k (k = 0 is the start). */
    public double[] point(int k) {
        return points[k].clone();
    }

    /** Copy of the last finite point. */
    public double[] last() {
        return point(points.length - 1);
    }

    /** f at every point. */
    public double[] values() {
        return values.clone();
    }

    /** The i-th coordinate of every point. */
    public double[] coordinate(int i) {
        double[] c = new double[points.length];
        for (int k = 0; k < c.length; k++) {
            c[k] = points[k][i];
        }
        return c;
    }

    /** First coordinates, for plotting. */
    public double[] xs() {
        return coordinate(0);
    }

    /** Second coordinates, for plotting. */
    public double[] ys() {
        return coordinate(1);
    }

    public boolean diverged() {
        return divergedAt > 0;
    }

    /** The step (1-based) that produced a non-finite gradient, iterate or value; −1 if none. */
    public int divergedAt() {
        return divergedAt;
    }

    /** Why the run stopped early, e.g. "diverged at step 12: f = Infinity at [...]"; "" if it did not. */
    public String divergence() {
        return divergence;
    }

    /** Throws if the run diverged, naming the step; otherwise returns this trajectory. */
    public Trajectory requireFinite() {
        if (diverged()) {
            throw new IllegalStateException(divergence);
        }
        return this;
    }

    /**
     * Throws unless the run stayed finite and its last point lies within {@code tolerance}
     * (Euclidean distance) of {@code target}; returns this trajectory.
     */
    public Trajectory requireConvergedTo(double[] target, double tolerance) {
        java.util.Objects.requireNonNull(target, "target");
        requireFinite();
        double[] end = points[points.length - 1];
        if (end.length != target.length) {
            throw new IllegalArgumentException("points have " + end.length + " coordinates but target has " + target.length);
        }
        double d2 = 0;
        for (int i = 0; i < end.length; i++) {
            d2 += (end[i] - target[i]) * (end[i] - target[i]);
        }
        double d = Math.sqrt(d2);
        if (!(d <= tolerance)) {
            throw new IllegalStateException("not converged after step " + steps() + ": " + Arrays.toString(end)
                    + " is " + d + " from " + Arrays.toString(target) + " (tolerance " + tolerance + ")");
        }
        return this;
    }

    /**
     * The path as a Tablesaw table (표), one row per point: step k, the coordinates (x, y for a 2-D
     * path, else x1 … xn) and f. (The optimizer's gradients are not stored.)
     */
    public tech.tablesaw.api.Table table() {
        int n = points[0].length;
        int[] step = new int[points.length];
        for (int k = 0; k < step.length; k++) step[k] = k;
        tech.tablesaw.api.Table t = tech.tablesaw.api.Table.create("trajectory",
                tech.tablesaw.api.IntColumn.create("step", step));
        for (int i = 0; i < n; i++) {
            t.addColumns(tech.tablesaw.api.DoubleColumn.create(coordinateName(i, n), coordinate(i)));
        }
        return t.addColumns(tech.tablesaw.api.DoubleColumn.create("f", values));
    }

    /**
     * A comparison of several runs, one row per run in the map's order: name, steps, the last
     * point's coordinates, f there, and the step at which the run diverged (−1 if it did not).
     */
    public static tech.tablesaw.api.Table compare(java.util.Map<String, Trajectory> runs) {
        java.util.Objects.requireNonNull(runs, "runs");
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("no runs to compare");
        }
        int n = runs.values().iterator().next().points[0].length;
        tech.tablesaw.api.StringColumn name = tech.tablesaw.api.StringColumn.create("run");
        tech.tablesaw.api.IntColumn steps = tech.tablesaw.api.IntColumn.create("steps");
        tech.tablesaw.api.DoubleColumn[] coords = new tech.tablesaw.api.DoubleColumn[n];
        for (int i = 0; i < n; i++) coords[i] = tech.tablesaw.api.DoubleColumn.create("last " + coordinateName(i, n));
        tech.tablesaw.api.DoubleColumn f = tech.tablesaw.api.DoubleColumn.create("final f");
        tech.tablesaw.api.IntColumn diverged = tech.tablesaw.api.IntColumn.create("diverged at");
        runs.forEach((label, t) -> {
            java.util.Objects.requireNonNull(t, label);
            if (t.points[0].length != n) {
                throw new IllegalArgumentException("run '" + label + "' has " + t.points[0].length
                        + " coordinates but the first run has " + n);
            }
            name.append(label);
            steps.append(t.steps());
            double[] last = t.points[t.points.length - 1];
            for (int i = 0; i < n; i++) coords[i].append(last[i]);
            f.append(t.values[t.values.length - 1]);
            diverged.append(t.divergedAt);
        });
        tech.tablesaw.api.Table table = tech.tablesaw.api.Table.create("comparison", name, steps);
        table.addColumns(coords);
        return table.addColumns(f, diverged);
    }

    private static String coordinateName(int i, int n) {
        return n == 2 ? (i == 0 ? "x" : "y") : "x" + (i + 1);
    }

    @Override
    public String toString() {
        return "Trajectory(" + steps() + " steps, last " + Arrays.toString(points[points.length - 1])
                + (diverged() ? ", " + divergence : "") + ")";
    }
}
