package dl.exercises;

/**
 * A typical mistake (흔한 실수) that a check recognises and explains with a hint, without showing
 * the solution. Two kinds:
 * <ul>
 *   <li>{@link #factor}: the answer is the expected one times a factor k (e.g. 1/η when the learning
 *       rate is missing, 2 when a term is counted twice);</li>
 *   <li>{@link #value}: the answer equals a known wrong value (e.g. the forward difference when the
 *       central one is asked for).</li>
 * </ul>
 * {@link Check} always recognises a flipped sign (k = −1), k = 2 and k = ½ by itself.
 */
public final class Mistake {
    private final double factor;
    private final double[] values;
    private final String hint;

    private Mistake(double factor, double[] values, String hint) {
        if (hint == null || hint.isBlank()) {
            throw new IllegalArgumentException("a mistake needs a hint");
        }
        this.factor = factor;
        this.values = values;
        this.hint = hint;
    }

    /** The answer is k times the expected one. */
    public static Mistake factor(double k, String hint) {
        if (!Double.isFinite(k) || k == 0 || k == 1) {
            throw new IllegalArgumentException("mistake factor must be finite and not 0 or 1, got " + k);
        }
        return new Mistake(k, null, hint);
    }

    /** The answer equals {@code wrong} (a scalar). */
    public static Mistake value(double wrong, String hint) {
        return new Mistake(Double.NaN, new double[] {wrong}, hint);
    }

    /** The answer equals {@code wrong} entry by entry (arrays and matrices, row by row). */
    public static Mistake value(double[] wrong, String hint) {
        return new Mistake(Double.NaN, wrong.clone(), hint);
    }

    /** The hint shown when this mistake is recognised. */
    public String hint() {
        return hint;
    }

    /** Whether {@code actual} shows this mistake, within {@code tol} per entry. */
    boolean matches(double[] actual, double[] expected, double tol) {
        if (values != null) {
            return Check.allClose(actual, values, tol);
        }
        double[] scaled = new double[expected.length];
        for (int i = 0; i < expected.length; i++) {
            scaled[i] = factor * expected[i];
        }
        return Check.allClose(actual, scaled, tol * Math.max(1, Math.abs(factor)))
                && !Check.allClose(actual, expected, tol);
    }
}
