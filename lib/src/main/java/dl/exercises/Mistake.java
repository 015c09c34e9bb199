package dl.exercises;

/**
 * A typical mistake that a check recognises and explains with a hint, without showing
 * the solution. Two kinds:
 * <ul>
 *   <li>{@link #factor}: the answer is the expected one times a factor k (e.g. 1/η when the learning
 *       rate is missing, 2 when a term is counted twice);</li>
 *   <li>{@link #factors}: entry i is kᵢ times the expected one (e.g. a derivative factor that is
 *       missing, different for every entry);</li>
 *   <li>{@link #value}: the answer equals a known wrong value (e.g. the forward difference when the
 *       central one is asked for);</li>
 *   <li>{@link #near}: the answer is close to the expected one but not as close as the check asks
 *       (e.g. a numerical derivative where the exact one is asked for, ε in the wrong place).</li>
 * </ul>
 * {@link Check} always recognises a flipped sign (k = −1), k = 2 and k = ½ by itself. Factors are
 * recognised up to a relative 1e-6 (or the check's tolerance, if larger), so a small constant
 * such as Adam's ε does not hide them.
 */
public final class Mistake {
    /** Relative tolerance below which a factor or value mistake is still recognised. */
    static final double RECOGNISE = 1e-6;

    private final double factor;
    private final double[] factors;
    private final double[] values;
    private final double near;
    private final String hint;

    private Mistake(double factor, double[] factors, double[] values, double near, String hint) {
        if (hint == null || hint.isBlank()) {
            throw new IllegalArgumentException("a mistake needs a hint: hint is " + (hint == null ? "null" : "blank"));
        }
        this.factor = factor;
        this.factors = factors;
        this.values = values;
        this.near = near;
        this.hint = hint;
    }

    /** The answer is k times the expected one. */
    public static Mistake factor(double k, String hint) {
        if (!Double.isFinite(k) || k == 0 || k == 1) {
            throw new IllegalArgumentException("mistake factor must be finite and not 0 or 1, got " + k);
        }
        return new Mistake(k, null, null, Double.NaN, hint);
    }

    /** Entry i of the answer is k[i] times the expected one (same length as the answer). */
    public static Mistake factors(double[] k, String hint) {
        java.util.Objects.requireNonNull(k, "Mistake.factors: k (the factor of each entry) is null");
        for (double ki : k) {
            if (!Double.isFinite(ki)) {
                throw new IllegalArgumentException("mistake factors must be finite, got " + java.util.Arrays.toString(k));
            }
        }
        return new Mistake(Double.NaN, k.clone(), null, Double.NaN, hint);
    }

    /**
     * The answer is within {@code tol} of the expected one (relative above 1, like {@link Check}) but
     * not within the check's tolerance: right in principle, but not exact.
     */
    public static Mistake near(double tol, String hint) {
        if (!(tol > 0) || Double.isInfinite(tol)) {
            throw new IllegalArgumentException("near-mistake tolerance must be a finite number > 0, got " + tol);
        }
        return new Mistake(Double.NaN, null, null, tol, hint);
    }

    /** The answer equals {@code wrong} (a scalar). */
    public static Mistake value(double wrong, String hint) {
        return new Mistake(Double.NaN, null, new double[] {wrong}, Double.NaN, hint);
    }

    /** The answer equals {@code wrong} entry by entry (arrays and matrices, row by row). */
    public static Mistake value(double[] wrong, String hint) {
        java.util.Objects.requireNonNull(wrong, "Mistake.value: wrong (the wrong answer) is null");
        return new Mistake(Double.NaN, null, wrong.clone(), Double.NaN, hint);
    }

    /** The hint shown when this mistake is recognised. */
    public String hint() {
        return hint;
    }

    /** Whether {@code actual} shows this mistake, within {@code tol} per entry. */
    boolean matches(double[] actual, double[] expected, double tol) {
        if (Check.allClose(actual, expected, tol)) {
            return false;
        }
        if (!Double.isNaN(near)) {
            return Check.allClose(actual, expected, near);
        }
        double loose = Math.max(tol, RECOGNISE);
        if (values != null) {
            return Check.allClose(actual, values, loose);
        }
        if (factors != null && factors.length != expected.length) {
            return false;
        }
        double[] scaled = new double[expected.length];
        double largest = 1;
        for (int i = 0; i < expected.length; i++) {
            double k = factors != null ? factors[i] : factor;
            scaled[i] = k * expected[i];
            largest = Math.max(largest, Math.abs(k));
        }
        return Check.allClose(actual, scaled, loose * largest);
    }

    boolean isNear() {
        return !Double.isNaN(near);
    }
}
