package dl.exercises;

import dl.calculus.ScalarFunction;
import dl.optimizers.Optimizer;
import dl.optimizers.Trajectory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.ejml.data.DMatrixRMaj;

/**
 * Check cells (확인 셀) of the graded exercises: each method prints "✓ name" when the answer is
 * right, or throws an {@link AssertionError} whose message says what is wrong — a flipped sign, a
 * factor of 2 or of η, a wrong shape (or a transposed matrix), NaN, an optimizer that forgets or
 * shares its state — without showing the solution.
 *
 * <p>A number a matches the expected e when |a − e| ≤ tol·max(1, |e|): tol is an absolute
 * tolerance for small values and a relative one for large values.
 */
public final class Check {
    private Check() {
    }

    /** Passes if {@code ok}; otherwise fails with {@code hint}. */
    public static void that(String name, boolean ok, String hint) {
        if (!ok) {
            fail(name, hint);
        }
        pass(name);
    }

    /** A scalar answer. */
    public static void close(String name, double actual, double expected, double tol, Mistake... known) {
        compare(name, new double[] {actual}, new double[] {expected}, tol, known, null);
        pass(name);
    }

    /** A vector answer (same length as {@code expected}). */
    public static void close(String name, double[] actual, double[] expected, double tol, Mistake... known) {
        if (actual == null) {
            fail(name, "is null: return an array with " + expected.length + " entries");
        }
        if (actual.length != expected.length) {
            fail(name, "has " + actual.length + " entries but should have " + expected.length);
        }
        compare(name, actual, expected, tol, known, null);
        pass(name);
    }

    /** A matrix answer given as rows (double[rows][cols]). */
    public static void close(String name, double[][] actual, DMatrixRMaj expected, double tol, Mistake... known) {
        if (actual == null) {
            fail(name, "is null: return a " + shape(expected) + " array");
        }
        for (int i = 0; i < actual.length; i++) {
            if (actual[i] == null) {
                fail(name, "row " + i + " is null");
            }
            if (actual[i].length != actual[0].length) {
                fail(name, "row " + i + " has " + actual[i].length + " entries but row 0 has " + actual[0].length);
            }
        }
        DMatrixRMaj m = actual.length == 0 ? new DMatrixRMaj(0, 0) : new DMatrixRMaj(actual);
        close(name, m, expected, tol, known);
    }

    /** A matrix answer; a wrong shape is reported with both shapes (and "transposed?" when it is). */
    public static void close(String name, DMatrixRMaj actual, DMatrixRMaj expected, double tol, Mistake... known) {
        if (actual == null) {
            fail(name, "is null: return a " + shape(expected) + " matrix");
        }
        if (actual.numRows != expected.numRows || actual.numCols != expected.numCols) {
            String hint = "is " + shape(actual) + " but should be " + shape(expected);
            if (actual.numRows == expected.numCols && actual.numCols == expected.numRows) {
                DMatrixRMaj t = new DMatrixRMaj(actual.numCols, actual.numRows);
                org.ejml.dense.row.CommonOps_DDRM.transpose(actual, t);
                hint += allClose(t.data, expected.data, tol)
                        ? ": it is the transpose of the right answer (swap the roles of rows and columns)"
                        : ": rows and columns are swapped";
            }
            fail(name, hint);
        }
        compare(name, Arrays.copyOf(actual.data, actual.getNumElements()),
                Arrays.copyOf(expected.data, expected.getNumElements()), tol, known, expected);
        pass(name);
    }

    /** Passes if {@code m} has the given shape. */
    public static void shape(String name, DMatrixRMaj m, int rows, int cols) {
        if (m == null) {
            fail(name, "is null: it should be a " + rows + "×" + cols + " matrix");
        }
        if (m.numRows != rows || m.numCols != cols) {
            fail(name, "is " + shape(m) + " but should be " + rows + "×" + cols);
        }
        pass(name);
    }

    /**
     * An optimizer against a reference: both run {@code steps} updates on {@code f} from
     * {@code start} ({@link Trajectory#run}, which calls reset() first) and every iterate must agree.
     * Also checks that update changes the parameter in place, that reset() clears the state and
     * that two parameter arrays keep separate states.
     */
    public static void optimizer(String name, Supplier<? extends Optimizer> yours,
                                 Supplier<? extends Optimizer> reference, ScalarFunction f, double[] start,
                                 int steps, double tol, Mistake... known) {
        Optimizer mine = yours.get();
        if (mine == null) {
            fail(name, "the optimizer is null");
        }
        double[] x = start.clone();
        double[] g = f.gradient(x);
        mine.reset();
        double[] before = x.clone();
        mine.update(x, g);
        if (Arrays.equals(x, before) && norm(g) > 0) {
            fail(name, "update(param, grad) left param unchanged: change the entries of param in place "
                    + "(param[i] = …); assigning a new array to the parameter variable has no effect outside");
        }
        Trajectory got = Trajectory.run(mine, f, start, steps);
        Trajectory want = Trajectory.run(reference.get(), f, start, steps);
        compareTrajectories(name, got, want, f, reference, tol, known);
        // the same array twice: an optimizer keyed by the array must forget it on reset()
        double[] same = start.clone();
        for (int run = 1; run <= 2; run++) {
            System.arraycopy(start, 0, same, 0, start.length);
            mine.reset();
            for (int k = 1; k <= Math.min(got.steps(), 10); k++) {
                mine.update(same, f.gradient(same));
                if (!allClose(same, got.point(k), tol)) {
                    fail(name, "after reset() the same parameter array follows a different path (step " + k
                            + "): reset() must clear all state (velocities, moments, step counts)");
                }
            }
        }
        double[] a = start.clone();
        double[] b = new double[start.length];
        for (int i = 0; i < b.length; i++) {
            b[i] = -start[i] + 0.5;
        }
        mine.reset();
        for (int k = 1; k <= Math.min(got.steps(), 10); k++) {
            mine.update(a, f.gradient(a));
            mine.update(b, f.gradient(b));
            if (!allClose(a, got.point(k), tol)) {
                fail(name, "updating a second parameter array in between changes the first one's path (step " + k
                        + "): keep one state per parameter array, e.g. a Map keyed by the array (IdentityHashMap)");
            }
        }
        pass(name);
    }

    private static void compareTrajectories(String name, Trajectory got, Trajectory want, ScalarFunction f,
                                            Supplier<? extends Optimizer> reference, double tol, Mistake[] known) {
        int n = Math.min(got.steps(), want.steps());
        for (int k = 1; k <= n; k++) {
            double[] p = got.point(k);
            if (allClose(p, want.point(k), tol)) {
                continue;
            }
            if (k == 1) {
                double[] step = minus(p, got.point(0));
                double[] wantStep = minus(want.point(1), want.point(0));
                String why = diagnose(step, wantStep, tol, known);
                fail(name, "the first step is wrong: it moves by " + fmt(step) + " but should move by "
                        + fmt(wantStep) + (why == null ? "" : ". Hint: " + why));
            }
            Optimizer fresh = reference.get();
            fresh.reset();
            double[] q = got.point(k - 1);
            fresh.update(q, f.gradient(q));
            if (allClose(q, p, tol)) {
                fail(name, "steps 1…" + (k - 1) + " are right, but step " + k + " is what a fresh optimizer would do"
                        + " from the previous point: the state (velocity, moments, step count) must be kept from"
                        + " one call of update to the next");
            }
            fail(name, "steps 1…" + (k - 1) + " agree with the reference but step " + k + " differs: got "
                    + fmt(p) + ", expected " + fmt(want.point(k)) + ". Hint: the first step is right, so look at"
                    + " how the state is updated from one step to the next");
        }
        if (got.diverged() && !want.diverged()) {
            fail(name, got.divergence() + " (the reference stays finite)");
        }
        if (got.steps() != want.steps()) {
            fail(name, "ran " + got.steps() + " steps but the reference ran " + want.steps());
        }
    }

    // --- comparison and diagnosis -------------------------------------------------------------------

    private static void compare(String name, double[] actual, double[] expected, double tol, Mistake[] known,
                                DMatrixRMaj shape) {
        for (int i = 0; i < actual.length; i++) {
            if (Double.isNaN(actual[i])) {
                fail(name, where(i, actual.length, shape) + "is NaN: look for 0/0, the root or log of a negative"
                        + " number, or ∞ − ∞ in your computation");
            }
            if (Double.isInfinite(actual[i])) {
                fail(name, where(i, actual.length, shape) + "is " + actual[i] + ": a division by zero or an overflow"
                        + " (exp of a large number?)");
            }
        }
        if (allClose(actual, expected, tol)) {
            return;
        }
        String why = diagnose(actual, expected, tol, known);
        String msg = actual.length == 1
                ? "expected " + fmt(expected[0]) + " but got " + fmt(actual[0])
                : firstDifference(actual, expected, tol, shape);
        fail(name, msg + (why == null ? "" : ". Hint: " + why));
    }

    /** The hint for a known or built-in mistake, or null. */
    private static String diagnose(double[] actual, double[] expected, double tol, Mistake[] known) {
        for (Mistake m : known) {
            if (m.matches(actual, expected, tol)) {
                return m.hint();
            }
        }
        if (norm(expected) == 0) {
            return null;
        }
        if (Mistake.factor(-1, "x").matches(actual, expected, tol)) {
            return "the sign is flipped";
        }
        if (Mistake.factor(2, "x").matches(actual, expected, tol)) {
            return "off by a factor of 2 (twice too large)";
        }
        if (Mistake.factor(0.5, "x").matches(actual, expected, tol)) {
            return "off by a factor of 2 (half the right size)";
        }
        double ratio = actual.length < 2 ? Double.NaN : commonRatio(actual, expected, tol);
        if (!Double.isNaN(ratio)) {
            return "every entry is " + fmt(ratio) + " times the expected one: a constant factor is wrong or missing";
        }
        return null;
    }

    private static double commonRatio(double[] actual, double[] expected, double tol) {
        double ratio = Double.NaN;
        for (int i = 0; i < expected.length; i++) {
            if (Math.abs(expected[i]) <= tol) {
                if (Math.abs(actual[i]) > tol) {
                    return Double.NaN;
                }
                continue;
            }
            double r = actual[i] / expected[i];
            if (Double.isNaN(ratio)) {
                ratio = r;
            } else if (Math.abs(r - ratio) > 1e-6 * Math.max(1, Math.abs(ratio))) {
                return Double.NaN;
            }
        }
        return ratio == 0 || Math.abs(ratio - 1) < 1e-9 ? Double.NaN : ratio;
    }

    private static String firstDifference(double[] actual, double[] expected, double tol, DMatrixRMaj shape) {
        List<Integer> wrong = new ArrayList<>();
        for (int i = 0; i < actual.length; i++) {
            if (!close(actual[i], expected[i], tol)) {
                wrong.add(i);
            }
        }
        int i = wrong.get(0);
        return wrong.size() + " of " + actual.length + " entries are wrong; the first, " + where(i, actual.length, shape)
                + "is " + fmt(actual[i]) + " but should be " + fmt(expected[i]);
    }

    private static String where(int i, int n, DMatrixRMaj shape) {
        if (shape != null) {
            return "entry (" + i / shape.numCols + ", " + i % shape.numCols + ") ";
        }
        return n == 1 ? "" : "entry " + i + " ";
    }

    static boolean close(double a, double e, double tol) {
        return Math.abs(a - e) <= tol * Math.max(1, Math.abs(e));
    }

    static boolean allClose(double[] a, double[] e, double tol) {
        if (a.length != e.length) {
            return false;
        }
        for (int i = 0; i < a.length; i++) {
            if (!close(a[i], e[i], tol)) {
                return false;
            }
        }
        return true;
    }

    private static double[] minus(double[] a, double[] b) {
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = a[i] - b[i];
        }
        return d;
    }

    private static double norm(double[] v) {
        double s = 0;
        for (double d : v) {
            s += d * d;
        }
        return Math.sqrt(s);
    }

    private static String shape(DMatrixRMaj m) {
        return m.numRows + "×" + m.numCols;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }

    private static String fmt(double[] v) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < v.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(fmt(v[i]));
        }
        return sb.append(']').toString();
    }

    private static void pass(String name) {
        System.out.println("✓ " + name);
    }

    private static void fail(String name, String message) {
        throw new AssertionError("✗ " + name + ": " + message);
    }
}
