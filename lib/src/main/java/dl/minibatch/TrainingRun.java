package dl.minibatch;

import java.util.stream.IntStream;

/**
 * What {@link MiniBatchDescent#run} recorded. Update k (0-based) used the batch number
 * k mod {@link #batchesPerEpoch()} of epoch k / batchesPerEpoch() + 1. Wall-clock times are kept
 * apart in {@link #updateNanos()}: they vary from run to run, the other numbers do not.
 */
public final class TrainingRun {
    private final int batchSize;
    private final int batchesPerEpoch;
    private final double[][] weights;
    private final double[] updateLosses;
    private final double[] epochLosses;
    private final long[] updateNanos;

    TrainingRun(int batchSize, int batchesPerEpoch, double[][] weights, double[] updateLosses,
                double[] epochLosses, long[] updateNanos) {
        this.batchSize = batchSize;
        this.batchesPerEpoch = batchesPerEpoch;
        this.weights = weights;
        this.updateLosses = updateLosses;
        this.epochLosses = epochLosses;
        this.updateNanos = updateNanos;
    }

    public int batchSize() {
        return batchSize;
    }

    /** ⌈N/B⌉. */
    public int batchesPerEpoch() {
        return batchesPerEpoch;
    }

    /** Total number of updates (epochs × ⌈N/B⌉). */
    public int updates() {
        return updateLosses.length;
    }

    /** Mini-batch loss L_B(w) seen by each update, before the update (noisy for small B). */
    public double[] updateLosses() {
        return updateLosses.clone();
    }

    /** Full-data loss L(w): index 0 before training, index e after epoch e. */
    public double[] epochLosses() {
        return epochLosses.clone();
    }

    /** 0, 1, …, epochs as doubles: the x values of {@link #epochLosses()}. */
    public double[] epochAxis() {
        return IntStream.range(0, epochLosses.length).asDoubleStream().toArray();
    }

    /** 1, 2, …, updates as doubles: the x values of {@link #updateLosses()}. */
    public double[] updateAxis() {
        return IntStream.rangeClosed(1, updateLosses.length).asDoubleStream().toArray();
    }

    /** Weights after k updates (k = 0 is the start); for drawing the path. */
    public double[] weights(int k) {
        return weights[k].clone();
    }

    /** The i-th weight after every update (the start first), e.g. for plotting a 2-D path. */
    public double[] weightPath(int i) {
        double[] c = new double[weights.length];
        for (int k = 0; k < c.length; k++) {
            c[k] = weights[k][i];
        }
        return c;
    }

    /** Final weights. */
    public double[] finalWeights() {
        return weights[weights.length - 1].clone();
    }

    /** Wall time of each update (loss + gradient + optimizer step), in nanoseconds. */
    public long[] updateNanos() {
        return updateNanos.clone();
    }

    /**
     * Cumulative wall time in seconds at the end of each epoch (index 0 is 0, before training),
     * aligned with {@link #epochLosses()} for a loss-versus-time plot. Varies from run to run.
     */
    public double[] epochSeconds() {
        double[] s = new double[epochLosses.length];
        long total = 0;
        for (int k = 0; k < updateNanos.length; k++) {
            total += updateNanos[k];
            if ((k + 1) % batchesPerEpoch == 0) {
                s[(k + 1) / batchesPerEpoch] = total / 1e9;
            }
        }
        return s;
    }

    @Override
    public String toString() {
        return "TrainingRun(B=" + batchSize + ", " + updates() + " updates, final loss "
                + epochLosses[epochLosses.length - 1] + ")";
    }
}
