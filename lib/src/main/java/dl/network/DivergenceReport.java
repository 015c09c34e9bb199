package dl.network;

/**
 * Why training stopped early: the loss became NaN or infinite (발산), or exploded while staying finite
 * (above {@link Trainer#EXPLOSION_FACTOR} × max(1, the loss before training)), usually because the
 * learning rate is too large.
 *
 * @param iteration the 1-based iteration whose mini-batch loss was not finite (or the iteration after
 *                  which an evaluation loss was not finite)
 * @param epoch     the 1-based epoch it happened in
 * @param loss      the offending value (NaN, ±∞, or a finite value past the explosion limit)
 * @param where     "mini-batch", "training-set evaluation" or "test-set evaluation"
 * @param optimizer the optimizer's description, to say which learning rate diverged
 */
public record DivergenceReport(int iteration, int epoch, double loss, String where, String optimizer) {

    /** A sentence for people: "training diverged at iteration 12 (epoch 1): mini-batch loss = NaN; …". */
    public String message() {
        return "training diverged at iteration " + iteration + " (epoch " + epoch + "): " + where + " loss = " + loss
                + (Double.isFinite(loss) ? " (exploded past " + (int) Trainer.EXPLOSION_FACTOR
                        + " × max(1, the loss before training))" : "")
                + "; try a smaller learning rate than " + optimizer;
    }

    @Override
    public String toString() {
        return message();
    }
}
