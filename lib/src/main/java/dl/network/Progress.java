package dl.network;

import dl.descent.Divergence;

/**
 * What a {@link Trainer} reports to its listener after each evaluation (once per epoch, plus
 * before training) and when it stops.
 *
 * @param evaluation      the latest evaluation
 * @param totalEpochs     epochs planned (rounded up in iteration mode)
 * @param totalIterations iterations planned
 * @param elapsedMillis   wall-clock time since {@code fit} started
 * @param divergence      non-null when training stopped because the loss became non-finite
 */
public record Progress(Evaluation evaluation, int totalEpochs, int totalIterations, long elapsedMillis,
                       Divergence divergence) implements dl.notebook.Status {

    /** Fraction of the planned iterations done, 0 … 1. */
    @Override
    public double fractionDone() {
        return totalIterations == 0 ? 1 : (double) evaluation.iteration() / totalIterations;
    }

    @Override
    public String toString() {
        Evaluation e = evaluation;
        String s = String.format("epoch %d/%d (it %d/%d): train loss %.4f acc %.4f", e.epoch(), totalEpochs,
                e.iteration(), totalIterations, e.trainLoss(), e.trainAccuracy());
        if (!Double.isNaN(e.testAccuracy())) {
            s += String.format(", test loss %.4f acc %.4f", e.testLoss(), e.testAccuracy());
        }
        return divergence == null ? s : s + " — " + divergence.message();
    }
}
