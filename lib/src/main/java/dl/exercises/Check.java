package dl.exercises;

import dl.calculus.ScalarFunction;
import dl.descent.GradientDescent;
import dl.descent.Path;
import dl.optimizers.Optimizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Supplier;
import org.ejml.data.DMatrixRMaj;

/**
 * Check cells of the graded exercises: each method prints "✓ name" when the answer is
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
        given(name, hint, "hint");
        if (!ok) {
            fail(name, hint);
        }
        pass(name);
    }

    /** A scalar answer. */
    public static void close(String name, double actual, double expected, double tol, Mistake... known) {
        requireTolerance(name, tol);
        requireKnown(name, known);
        compare(name, new double[] {actual}, new double[] {expected}, tol, known, null);
        pass(name);
    }

    /** A vector answer (same length as {@code expected}). */
    public static void close(String name, double[] actual, double[] expected, double tol, Mistake... known) {
        requireTolerance(name, tol);
        given(name, expected, "expected");
        requireKnown(name, known);
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
        requireTolerance(name, tol);
        given(name, expected, "expected");
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
        requireTolerance(name, tol);
        given(name, expected, "expected");
        requireKnown(name, known);
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
        given(name, name, "name");
        if (m == null) {
            fail(name, "is null: it should be a " + rows + "×" + cols + " matrix");
        }
        if (m.numRows != rows || m.numCols != cols) {
            fail(name, "is " + shape(m) + " but should be " + rows + "×" + cols);
        }
        pass(name);
    }

    // --- gradient-descent paths: how a learning rate behaves --------------------------------------

    /**
     * A gradient-descent path from x₀ that converges to {@code minimum} without ever jumping past it:
     * xₖ − min keeps the sign of x₀ − min (or is 0), and the path ends within {@code within} of the
     * minimum. A path that stopped early because it landed exactly on the minimum passes.
     */
    public static void converges(String name, Path path, double minimum, double within) {
        requireTolerance(name, within);
        double[] d = distances(name, path, minimum);
        for (int k = 1; k < d.length; k++) {
            if (d[k] * d[0] < 0) {
                fail(name, "with η = " + path.learningRate() + " step " + k + " jumps past the minimum x = "
                        + fmt(minimum) + ": take a smaller η");
            }
        }
        if (path.diverged()) {
            fail(name, "with η = " + path.learningRate() + " the run diverges (" + path.stopMessage() + "): take a smaller η");
        }
        if (Math.abs(d[d.length - 1]) > within) {
            fail(name, "with η = " + path.learningRate() + " the path is still " + fmt(Math.abs(d[d.length - 1]))
                    + " away from x = " + fmt(minimum) + " after " + path.steps() + " steps: take a larger η");
        }
        pass(name);
    }

    /**
     * A path that jumps from one side of {@code minimum} to the other at every step without moving
     * away: (xₖ − min)(xₖ₋₁ − min) &lt; 0 and |xₖ − min| ≤ |xₖ₋₁ − min|, until it lands exactly on the
     * minimum (if it does; the first step must jump past it).
     */
    public static void oscillates(String name, Path path, double minimum) {
        given(name, name, "name");
        double[] d = distances(name, path, minimum);
        if (path.diverged()) {
            fail(name, "with η = " + path.learningRate() + " the run diverges (" + path.stopMessage() + "): take a smaller η");
        }
        if (d.length < 2 || d[0] == 0) {
            fail(name, "the path needs a start away from the minimum and at least one step");
        }
        for (int k = 1; k < d.length; k++) {
            if (d[k - 1] == 0) {
                break; // landed on the minimum: nothing left to oscillate
            }
            if (d[k] * d[k - 1] > 0 || (d[k] == 0 && k == 1)) {
                fail(name, "with η = " + path.learningRate() + " step " + k + " stays on the same side of x = "
                        + fmt(minimum) + " (or stops on it at once): take a larger η");
            }
            if (Math.abs(d[k]) > Math.abs(d[k - 1])) {
                fail(name, "with η = " + path.learningRate() + " step " + k + " moves further away from x = "
                        + fmt(minimum) + ": take a smaller η");
            }
        }
        pass(name);
    }

    /**
     * A path that moves further away from {@code minimum} at every step, until the run is stopped as
     * diverged (|x| or |f| past the divergence bound) or the steps are used up.
     */
    public static void diverges(String name, Path path, double minimum) {
        given(name, name, "name");
        double[] d = distances(name, path, minimum);
        for (int k = 1; k < d.length; k++) {
            if (!(Math.abs(d[k]) > Math.abs(d[k - 1]))) {
                fail(name, "with η = " + path.learningRate() + " the distance to x = " + fmt(minimum)
                        + " does not grow at step " + k + ": take a larger η");
            }
        }
        if (path.converged()) {
            fail(name, "with η = " + path.learningRate() + " the run converges (" + path.stopMessage() + "): take a larger η");
        }
        pass(name);
    }

    private static double[] distances(String name, Path path, double minimum) {
        if (path == null) {
            fail(name, "the path is null");
        }
        double[] xs = path.xs();
        double[] d = new double[xs.length];
        for (int k = 0; k < xs.length; k++) {
            d[k] = xs[k] - minimum;
        }
        return d;
    }

    // --- work done by hand, not by the library ------------------------------------------------------

    /**
     * {@code f}, made to fail with a hint when it is called from inside one of the {@code library}
     * classes: hand it to a student's method to check that the method does the work itself rather
     * than calling the library's version of the answer (e.g. {@code Derivatives} for a numerical
     * derivative the student is asked to write).
     */
    public static DoubleUnaryOperator ownWork(String name, DoubleUnaryOperator f, Class<?>... library) {
        given(name, f, "f");
        requireClasses(name, library);
        return x -> {
            for (StackTraceElement frame : Thread.currentThread().getStackTrace()) {
                for (Class<?> c : library) {
                    if (frame.getClassName().equals(c.getName())) {
                        fail(name, "calls the library's " + c.getSimpleName() + "." + frame.getMethodName()
                                + ": this part asks you to write the computation yourself");
                    }
                }
            }
            return f.applyAsDouble(x);
        };
    }

    /**
     * Passes if no field of {@code yours} (its own class, static or not, including generic type
     * arguments such as {@code Map<double[], Momentum>}) holds one of the {@code library} classes:
     * an optimizer that only hands its work to the library's version is not the student's own.
     */
    public static void ownImplementation(String name, Object yours, Class<?>... library) {
        requireClasses(name, library);
        if (yours == null) {
            fail(name, "is null");
        }
        for (Class<?> c = yours.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            for (Class<?> lib : library) {
                if (c == lib) {
                    fail(name, "is the library's " + lib.getSimpleName() + " (or extends it): write your own class");
                }
            }
            for (java.lang.reflect.Field field : c.getDeclaredFields()) {
                String type = field.getGenericType().getTypeName();
                for (Class<?> lib : library) {
                    if (type.matches(".*\\b" + java.util.regex.Pattern.quote(lib.getName()) + "\\b.*")) {
                        fail(name, "keeps a " + lib.getSimpleName() + " in field '" + field.getName() + "': the"
                                + " update must be your own code, not the library's " + lib.getSimpleName());
                    }
                }
            }
        }
        pass(name);
    }

    /**
     * An optimizer against a reference: both run {@code steps} updates on {@code f} from
     * {@code start} ({@link GradientDescent#run}, which calls reset() first) and every iterate must agree.
     * Also checks that update changes the parameter in place, that reset() clears the state and
     * that two parameter arrays keep separate states.
     */
    public static void optimizer(String name, Supplier<? extends Optimizer> yours,
                                 Supplier<? extends Optimizer> reference, ScalarFunction f, double[] start,
                                 int steps, double tol, Mistake... known) {
        requireTolerance(name, tol);
        given(name, yours, "yours (the supplier of the optimizer under test)");
        given(name, reference, "reference");
        given(name, f, "f");
        given(name, start, "start");
        requireKnown(name, known);
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
        Path got = GradientDescent.run(mine, f, start, steps);
        Path want = GradientDescent.run(reference.get(), f, start, steps);
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

    private static void compareTrajectories(String name, Path got, Path want, ScalarFunction f,
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
                if (why == null) {
                    why = slightly(p, want.point(1), tol, known);
                }
                int d = digits(step, wantStep);
                fail(name, "the first step is wrong: it moves by " + fmt(step, d) + " but should move by "
                        + fmt(wantStep, d) + (why == null ? "" : ". Hint: " + why));
            }
            String slight = slightly(p, want.point(k), tol, known);
            if (slight != null) {
                fail(name, "steps 1…" + (k - 1) + " agree with the reference but step " + k + " differs slightly: got "
                        + fmt(p, digits(p, want.point(k))) + ", expected " + fmt(want.point(k), digits(p, want.point(k)))
                        + ". Hint: " + slight);
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
                    + fmt(p, digits(p, want.point(k))) + ", expected " + fmt(want.point(k), digits(p, want.point(k)))
                    + ". Hint: the first step is right, so look at"
                    + " how the state is updated from one step to the next");
        }
        if (got.diverged() && !want.diverged()) {
            fail(name, got.stopMessage() + " (the reference stays finite)");
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
                ? "expected " + fmt(expected[0], digits(actual, expected)) + " but got " + fmt(actual[0], digits(actual, expected))
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
                + "is " + fmt(actual[i], digits(new double[] {actual[i]}, new double[] {expected[i]})) + " but should be "
                + fmt(expected[i], digits(new double[] {actual[i]}, new double[] {expected[i]}));
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
        return fmt(v, 6);
    }

    private static String fmt(double v, int digits) {
        return String.format(Locale.ROOT, "%." + digits + "g", v);
    }

    private static String fmt(double[] v) {
        return fmt(v, 6);
    }

    private static String fmt(double[] v, int digits) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < v.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(fmt(v[i], digits));
        }
        return sb.append(']').toString();
    }

    /** Significant digits (6 to 17) needed so that a and b, where they differ, do not print the same. */
    static int digits(double[] a, double[] b) {
        for (int d = 6; d < 17; d++) {
            boolean same = false;
            for (int i = 0; i < Math.min(a.length, b.length); i++) {
                same |= a[i] != b[i] && fmt(a[i], d).equals(fmt(b[i], d));
            }
            if (!same) {
                return d;
            }
        }
        return 17;
    }

    /**
     * An argument the check cell itself supplies (the name, the expected answer, the reference, …) must not be
     * null: a NullPointerException naming the check and the argument (a null answer is the student's, a hint).
     */
    private static <T> T given(String name, T value, String argument) {
        if (name == null) {
            throw new NullPointerException("a check needs a name: name is null");
        }
        if (value == null) {
            throw new NullPointerException("check '" + name + "': " + argument + " is null");
        }
        return value;
    }

    /** The known mistakes: no array (pass none instead) and no null entry. */
    private static void requireKnown(String name, Mistake[] known) {
        given(name, known, "known (the mistakes; pass none rather than null)");
        for (int i = 0; i < known.length; i++) {
            given(name, known[i], "known[" + i + "]");
        }
    }

    /** The library classes a student's work must not use: no array and no null entry. */
    private static void requireClasses(String name, Class<?>[] library) {
        given(name, library, "library (the classes; pass none rather than null)");
        for (int i = 0; i < library.length; i++) {
            given(name, library[i], "library[" + i + "]");
        }
    }

    /** A tolerance must be a number ≥ 0: NaN or a negative tolerance would make every answer fail. */
    private static void requireTolerance(String name, double tol) {
        given(name, name, "name");
        if (!(tol >= 0) || Double.isInfinite(tol)) {
            throw new IllegalArgumentException("check '" + name + "': tolerance must be a finite number ≥ 0, got " + tol);
        }
    }

    /** The hint when actual and expected differ only slightly (a known "near" mistake, or in general). */
    private static String slightly(double[] actual, double[] expected, double tol, Mistake[] known) {
        for (Mistake m : known) {
            if (m.isNear() && m.matches(actual, expected, tol)) {
                return m.hint();
            }
        }
        if (allClose(actual, expected, Math.max(tol, 1e-6))) {
            return "the difference is tiny (" + fmt(maxRelativeDifference(actual, expected), 2) + " relative): a small"
                    + " constant is in the wrong place (e.g. ε added inside instead of outside a square root) or a term"
                    + " is computed slightly differently from the formula";
        }
        return null;
    }

    private static double maxRelativeDifference(double[] a, double[] e) {
        double worst = 0;
        for (int i = 0; i < a.length; i++) {
            worst = Math.max(worst, Math.abs(a[i] - e[i]) / Math.max(1, Math.abs(e[i])));
        }
        return worst;
    }

    private static void pass(String name) {
        System.out.println("✓ " + name);
    }

    private static void fail(String name, String message) {
        throw new AssertionError("✗ " + name + ": " + message);
    }
}
