package dl.descent;

import java.util.Objects;

/**
 * Divergence (발산): the step at which an iteration blew up and the number that did it. Gradient
 * descent and every optimizer run ({@link GradientDescent}), learning-rate sweeps and network training
 * ({@code dl.network.Trainer}) report it the same way, with one sentence:
 * <pre>  diverged at step k: quantity = value[ (why)][ at x][; hint]</pre>
 * e.g. "diverged at step 7: x = 1.2E13 (|x| &gt; 1.0E12)" or "diverged at step 12: mini-batch loss = NaN
 * (epoch 1); try a smaller learning rate than SGD(lr=10.0)". A step is one update.
 *
 * @param step     the 1-based step (update) that produced the offending number
 * @param quantity what blew up, e.g. "x", "f(x)", "∇f(x)[1]", "mini-batch loss"
 * @param value    the offending number: NaN, ±∞, or a finite number past a bound
 * @param detail   the rest of the sentence, e.g. " (|x| &gt; 1.0E12)" or " at x = [3.0, 4.0]"; may be ""
 */
public record Divergence(int step, String quantity, double value, String detail) {

    public Divergence {
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(detail, "detail");
    }

    /** The sentence "diverged at step k: quantity = value…". */
    public String message() {
        return "diverged at step " + step + ": " + quantity + " = " + value + detail;
    }

    /** The exception that carries this report, for code that must stop. */
    public DivergenceException exception() {
        return new DivergenceException(this);
    }

    @Override
    public String toString() {
        return message();
    }
}
