package dl.descent;

/**
 * Thrown when a run must not continue because it diverged (발산); it carries the {@link Divergence}
 * report, and its message is the report's sentence, e.g. "diverged at step 7: x = 1.2E13 (|x| &gt; 1.0E12)".
 */
public class DivergenceException extends ArithmeticException {

    private final transient Divergence divergence;

    public DivergenceException(Divergence divergence) {
        super(java.util.Objects.requireNonNull(divergence, "divergence").message());
        this.divergence = divergence;
    }

    /** The report: step, quantity, value. */
    public Divergence divergence() {
        return divergence;
    }

    /** The step k whose update produced the offending number. */
    public int step() {
        return divergence.step();
    }

    /** The offending number (NaN, ±∞, or a finite number beyond the bound). */
    public double value() {
        return divergence.value();
    }
}
