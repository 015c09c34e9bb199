package dl.minibatch;

import dl.checks.Finite;
import dl.descent.Divergence;
import dl.optimizers.Optimizer;
import java.util.Arrays;

/**
 * The training loop of the SGD lecture: for every epoch, for every mini-batch B,
 * <pre>
 *   loss ← L_B(w);  g ← ∇L_B(w);  optimizer.update(w, g)
 * </pre>
 * One loop for all three flavours: batch size N is full-batch gradient descent (배치 경사하강법),
 * 1 is stochastic gradient descent (확률적 경사하강법), anything between is mini-batch
 * gradient descent (미니배치 경사하강법).
 */
public final class MiniBatchDescent {
    private MiniBatchDescent() {
    }

    /**
     * Trains from a copy of {@code start}. Calls {@code optimizer.reset()} first; batches come from
     * a {@link BatchSampler} with {@code seed}. Throws a {@link dl.descent.DivergenceException} naming
     * the update (step), the epoch and the batch if the loss, the gradient or the weights stop being finite.
     */
    public static TrainingRun run(BatchObjective problem, Optimizer optimizer, double[] start,
                                  int batchSize, int epochs, long seed) {
        java.util.Objects.requireNonNull(problem, "problem");
        java.util.Objects.requireNonNull(optimizer, "optimizer");
        java.util.Objects.requireNonNull(start, "start");
        Finite.require(start, "start");
        if (start.length != problem.dimension()) {
            throw new IllegalArgumentException("start has " + start.length + " values but the problem has "
                    + problem.dimension() + " parameters");
        }
        if (epochs < 0) {
            throw new IllegalArgumentException("epochs must be >= 0, got " + epochs);
        }
        BatchSampler sampler = new BatchSampler(problem.size(), batchSize, seed);
        int perEpoch = sampler.batchesPerEpoch();
        int updates = perEpoch * epochs;
        int[] all = new int[problem.size()];
        Arrays.setAll(all, i -> i);

        optimizer.reset();
        double[] w = start.clone();
        double[][] weights = new double[updates + 1][];
        double[] updateLosses = new double[updates];
        double[] epochLosses = new double[epochs + 1];
        long[] nanos = new long[updates];
        weights[0] = w.clone();
        epochLosses[0] = problem.loss(w, all);
        int k = 0;
        for (int epoch = 1; epoch <= epochs; epoch++) {
            int b = 0;
            for (int[] batch : sampler.nextEpoch()) {
                b++;
                long t0 = System.nanoTime();
                double loss = problem.loss(w, batch);
                double[] grad = problem.gradient(w, batch);
                boolean finite = Double.isFinite(loss) && allFinite(grad);
                if (finite) {
                    optimizer.update(w, grad);
                }
                nanos[k] = System.nanoTime() - t0;
                if (!finite || !allFinite(w)) {
                    throw divergence(k + 1, loss, grad, w, " (epoch " + epoch + ", batch " + b
                            + "); try a smaller learning rate than " + optimizer).exception();
                }
                updateLosses[k] = loss;
                k++;
                weights[k] = w.clone();
            }
            epochLosses[epoch] = problem.loss(w, all);
        }
        return new TrainingRun(batchSize, perEpoch, weights, updateLosses, epochLosses, nanos);
    }

    /** The report of update {@code step}: the first of loss, ∇L_B(w)[i], w[i] that is not finite. */
    private static Divergence divergence(int step, double loss, double[] grad, double[] w, String detail) {
        if (!Double.isFinite(loss)) {
            return new Divergence(step, "mini-batch loss", loss, detail);
        }
        int g = Finite.firstNonFinite(grad, grad.length);
        if (g >= 0) {
            return new Divergence(step, "∇L_B(w)[" + g + "]", grad[g], " at w = " + Arrays.toString(w) + detail);
        }
        int i = Finite.firstNonFinite(w, w.length);
        return new Divergence(step, "w[" + i + "]", w[i], " at w = " + Arrays.toString(w) + detail);
    }

    private static boolean allFinite(double[] v) {
        return Finite.firstNonFinite(v, v.length) < 0;
    }
}
