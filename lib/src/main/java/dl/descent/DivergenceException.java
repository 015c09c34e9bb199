package dl.descent;

/**
 * Thrown when an iteration diverges (발산): an iterate, value or gradient became NaN or infinite,
 * or grew past the divergence bound. The message names the step, e.g.
 * "diverged at step 7: x = 1.2E13 (|x| > 1.0E12)".
 */
public class DivergenceException extends ArithmeticException {

    private final int step;
    private final double value;

    public DivergenceException(String message, int step, double value) {
        super(message);
        this.step = step;
        this.value = value;
    }

    /** The step k whose update produced the offending number. */
    public int step() {
        return step;
    }

    /** The offending number (NaN, ±∞, or a finite number beyond the bound). */
    public double value() {
        return value;
    }
}
