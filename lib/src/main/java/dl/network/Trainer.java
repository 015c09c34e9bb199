package dl.network;

import dl.checks.Checks;
import dl.data.Dataset;
import dl.checks.Finite;
import dl.descent.Divergence;
import dl.descent.DivergenceException;
import dl.layers.BatchNorm;
import dl.layers.Layer;
import dl.layers.Param;
import dl.optimizers.Optimizer;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.ejml.data.DMatrixRMaj;

/**
 * The training loop (학습 루프): for each mini-batch ({@link MiniBatches}) forward → loss → backward →
 * update ({@code optimizer.update(params)}), repeated for
 * a number of epochs or iterations, evaluating loss and accuracy before training and after every epoch.
 *
 * <pre>{@code
 * History h = new Trainer(new Sgd(0.1)).batchSize(100).epochs(10).seed(1)
 *         .onProgress(p -> System.out.println(p))
 *         .fit(net, train, test);
 * }</pre>
 *
 * Defaults: batch size 100, 10 epochs, shuffled epochs, seed 0, evaluation on all samples, silent.
 * If a loss becomes NaN or infinite, training stops and the returned {@link History} carries a
 * {@link Divergence} naming the iteration and the value; so does a loss that explodes while
 * staying finite, growing past {@value #EXPLOSION_FACTOR} × max(1, the loss before training), and a layer whose
 * back-propagated gradients overflow (a recurrent layer's BPTT names the time step and the cause). The same
 * seeds give the same history.
 *
 * <p>Bad input is refused before training starts: non-finite features (row and column named), test
 * data with another number of features, a batch-norm network with batches of a single row, and a
 * loss that is already non-finite before any update (the message blames the data or the initial
 * weights, not the learning rate).
 */
public final class Trainer {
    /** A loss above this factor times max(1, the loss before training) counts as divergence. */
    public static final double EXPLOSION_FACTOR = 1e4;

    private final Optimizer optimizer;
    private int batchSize = 100;
    private int epochs = 10;
    private int iterations = -1;
    private Sampling sampling = Sampling.SHUFFLED_EPOCHS;
    private long seed;
    private int evaluationSamples = Integer.MAX_VALUE;
    private Consumer<? super Progress> listener = p -> { };

    public Trainer(Optimizer optimizer) {
        this.optimizer = Objects.requireNonNull(optimizer, "optimizer");
    }

    public Trainer batchSize(int batchSize) {
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batch size must be positive, got " + batchSize);
        }
        this.batchSize = batchSize;
        return this;
    }

    /** Train for this many epochs (passes over the data). */
    public Trainer epochs(int epochs) {
        if (epochs < 0) {
            throw new IllegalArgumentException("epochs must be ≥ 0, got " + epochs);
        }
        this.epochs = epochs;
        this.iterations = -1;
        return this;
    }

    /** Train for this many iterations (parameter updates) instead of whole epochs, like DLFS's scripts. */
    public Trainer iterations(int iterations) {
        if (iterations < 0) {
            throw new IllegalArgumentException("iterations must be ≥ 0, got " + iterations);
        }
        this.iterations = iterations;
        return this;
    }

    public Trainer sampling(Sampling sampling) {
        this.sampling = Objects.requireNonNull(sampling, "sampling");
        return this;
    }

    /** Seed of the shuffling / batch sampling. */
    public Trainer seed(long seed) {
        this.seed = seed;
        return this;
    }

    /** Evaluate on only the first {@code n} samples of the training and test sets (faster epochs). */
    public Trainer evaluationSamples(int n) {
        if (n <= 0) {
            throw new IllegalArgumentException("evaluation samples must be positive, got " + n);
        }
        this.evaluationSamples = n;
        return this;
    }

    /** Called after each evaluation and when training stops early; default: does nothing. */
    public Trainer onProgress(Consumer<? super Progress> listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
        return this;
    }

    /** Trains without a test set. */
    public History fit(Sequential net, Dataset train) {
        return fit(net, train, null);
    }

    /** Trains {@code net} on {@code train}, evaluating on {@code train} and {@code test} (may be null). */
    public History fit(Sequential net, Dataset train, Dataset test) {
        refuseBadInput(net, train, test);
        int n = train.size();
        long start = System.currentTimeMillis();
        int perEpoch = MiniBatches.perEpoch(n, batchSize, sampling);
        int total = iterations >= 0 ? iterations : epochs * perEpoch;
        int totalEpochs = (total + perEpoch - 1) / perEpoch;
        requireBatchNormBatches(net, n, perEpoch, total);
        Run run = new Run(net, head(train, evaluationSamples), test == null ? null : head(test, evaluationSamples),
                totalEpochs, total, start);

        MiniBatches batches = new MiniBatches(n, batchSize, sampling, seed);
        DMatrixRMaj xb = new DMatrixRMaj(1, train.numFeatures());
        net.trustInput(xb); // its rows are copied from train, checked above: no per-step check
        List<Param> params = net.params();
        History history = run.history;
        if (run.record(0, 0)) {
            return history;
        }
        run.explosionLimit = EXPLOSION_FACTOR * Math.max(1, history.last().trainLoss());
        int it = 0;
        int epoch = 0;
        while (it < total) {
            epoch++;
            for (int[] batch : batches.nextEpoch(total - it)) {
                int[] labels = gather(train, batch, xb);
                double loss;
                try {
                    loss = gradients(net, xb, labels, batch, it + 1);      // forward, loss, backward
                } catch (DivergenceException e) {              // a layer found its gradients non-finite
                    Divergence d = e.divergence();
                    run.stop(new Divergence(it + 1, d.quantity(), d.value(), d.detail() + " (epoch " + epoch + ")"));
                    return history;
                }
                it++;
                history.addIterationLoss(loss);
                if (!Double.isFinite(loss) || loss > run.explosionLimit) {
                    run.stop(divergence(it, epoch, loss, "mini-batch"));
                    return history;
                }
                optimizer.update(params);                         // update
            }
            if (run.record(epoch, it)) {
                return history;
            }
        }
        return history;
    }

    /** Bad input is refused before training starts, named at this boundary (see the class comment). */
    private void refuseBadInput(Sequential net, Dataset train, Dataset test) {
        Objects.requireNonNull(net, "net");
        Objects.requireNonNull(train, "train");
        if (train.size() == 0) {
            throw new IllegalArgumentException("the training set is empty");
        }
        if (net.layers().isEmpty()) {
            throw new IllegalArgumentException("the network has no layers, so training would change nothing: add at"
                    + " least one layer (e.g. new Dense(...)) before fit");
        }
        if (sampling == Sampling.WITH_REPLACEMENT) { // batches of B drawn indices: B × D values, however small N is
            Checks.doubles(Checks.product(batchSize, train.numFeatures()), "a mini-batch of "
                    + batchSize + " samples × " + train.numFeatures() + " features (batch size " + batchSize + ")");
        }
        Finite.require(train.features(), "training set features");
        if (test != null) {
            if (test.numFeatures() != train.numFeatures()) {
                throw new IllegalArgumentException("the training set is " + Layer.shape(train.features())
                        + " but the test set is " + Layer.shape(test.features()) + ": they need the same number of features");
            }
            Finite.require(test.features(), "test set features");
        }
    }

    /** One call of {@code fit}: what it evaluates on, its plan and its history. */
    private final class Run {
        final Sequential net;
        final Dataset trainEval;
        final Dataset testEval;
        final int totalEpochs;
        final int total;
        final long start;
        final History history = new History();
        /** A loss above this counts as divergence: EXPLOSION_FACTOR × max(1, the loss before training). */
        double explosionLimit = Double.POSITIVE_INFINITY;

        Run(Sequential net, Dataset trainEval, Dataset testEval, int totalEpochs, int total, long start) {
            this.net = net;
            this.trainEval = trainEval;
            this.testEval = testEval;
            this.totalEpochs = totalEpochs;
            this.total = total;
            this.start = start;
        }

        /** Evaluates and reports; returns true if an evaluation loss was not finite (training then stops). */
        boolean record(int epoch, int it) {
            double[] tr = evaluate(net, trainEval, "training set");
            double[] te = testEval == null ? new double[] {Double.NaN, Double.NaN} : evaluate(net, testEval, "test set");
            Evaluation e = new Evaluation(epoch, it, tr[0], tr[1], te[0], te[1]);
            history.add(e);
            Divergence report = null;
            if (it == 0 && (!Double.isFinite(tr[0]) || !finiteParams(net))) {
                throw new IllegalArgumentException(blameBeforeTraining(net, trainEval, tr[0]));
            }
            if (!Double.isFinite(tr[0]) || (it > 0 && tr[0] > explosionLimit)) {
                report = divergence(it, epoch, tr[0], "training-set evaluation");
            } else if (testEval != null && !Double.isFinite(te[0])) {
                report = divergence(it, epoch, te[0], "test-set evaluation");
            }
            if (report != null) {
                history.setDivergence(report);
            }
            listener.accept(new Progress(e, totalEpochs, total, System.currentTimeMillis() - start, report));
            return report != null;
        }

        /** Stops after a diverged mini-batch: the report goes into the history and to the listener. */
        void stop(Divergence report) {
            history.setDivergence(report);
            listener.accept(new Progress(history.last(), totalEpochs, total, System.currentTimeMillis() - start, report));
        }
    }

    /** Whether every parameter is finite (the error then names the parameter, not only the loss it spoiled). */
    private static boolean finiteParams(Sequential net) {
        for (Param p : net.params()) {
            if (Finite.firstNonFinite(p.value().data, p.value().data.length) >= 0) {
                return false;
            }
        }
        return true;
    }

    /** Why the loss (or a weight) is non-finite before any update: the weights, or (finite but huge) data. */
    private static String blameBeforeTraining(Sequential net, Dataset data, double loss) {
        String start = "before any update the loss is " + loss + ", so no learning rate is to blame: ";
        for (Param p : net.params()) {
            double[] v = p.value().data;
            int i = Finite.firstNonFinite(v, v.length);
            if (i >= 0) {
                return start + "parameter " + p.name() + " (" + p.shape() + ") has " + v[i] + " at row "
                        + i / p.value().numCols + ", column " + i % p.value().numCols;
            }
        }
        double[] x = data.features().data;
        int worst = 0;
        for (int i = 1; i < x.length; i++) {
            if (Math.abs(x[i]) > Math.abs(x[worst])) {
                worst = i;
            }
        }
        int d = Math.max(data.numFeatures(), 1);
        return start + "the features are finite but overflow the network; the largest is " + (x.length == 0 ? 0 : x[worst])
                + " at row " + worst / d + ", column " + worst % d + " — scale the data (e.g. with a Standardizer)";
    }

    /** Batch norm in training mode needs ≥ 2 rows per batch (one row normalizes to 0: output β, gradient 0). */
    private void requireBatchNormBatches(Sequential net, int n, int perEpoch, int total) {
        Layer bn = net.layers().stream().filter(l -> l instanceof BatchNorm).findFirst().orElse(null);
        if (bn == null || total == 0) {
            return;
        }
        String problem = null;
        if (batchSize == 1 || n == 1) {
            problem = "batches of 1 row (batch size " + batchSize + ", " + n + " training samples)";
        } else if (sampling == Sampling.SHUFFLED_EPOCHS && n % batchSize == 1 && total >= perEpoch) {
            problem = "a last batch of 1 row in every epoch (" + n + " samples = " + (perEpoch - 1) + " × " + batchSize
                    + " + 1)";
        }
        if (problem != null) {
            throw new IllegalArgumentException(bn + " needs at least 2 rows per training batch, but this trainer gives it "
                    + problem + "; choose another batch size");
        }
    }

    /**
     * The divergence report of iteration {@code it}: "diverged at step 12: mini-batch loss = NaN (epoch 1);
     * try a smaller learning rate than SGD(lr=10.0)", naming the explosion limit for a finite loss.
     */
    private Divergence divergence(int it, int epoch, double loss, String where) {
        String exploded = Double.isFinite(loss)
                ? "; exploded past " + (int) EXPLOSION_FACTOR + " × max(1, the loss before training)" : "";
        return new Divergence(it, where + " loss", loss,
                " (epoch " + epoch + exploded + "); try a smaller learning rate than " + optimizer);
    }

    private static Dataset head(Dataset data, int n) {
        if (n >= data.size()) {
            return data;
        }
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        return data.rows(idx);
    }

    /**
     * {@code net.gradients} on one mini-batch; a refused batch (a label out of range) is reported as the training
     * set's, with the step and the batch row turned back into the sample's index in the training set.
     */
    private static double gradients(Sequential net, DMatrixRMaj xb, int[] labels, int[] batch, int step) {
        try {
            return net.gradients(xb, labels);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("training set, mini-batch of step " + step + " (batch rows are the"
                    + " training samples " + preview(batch) + "): " + e.getMessage(), e);
        }
    }

    /** The evaluation of {@code data}, its errors prefixed with which set it is ("training set", "test set"). */
    private static double[] evaluate(Sequential net, Dataset data, String which) {
        try {
            return net.evaluate(data);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(which + ": " + e.getMessage(), e);
        }
    }

    /** The first few indices of a batch, "[4, 17, 2, …]". */
    private static String preview(int[] batch) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < Math.min(batch.length, 8); i++) {
            sb.append(i == 0 ? "" : ", ").append(batch[i]);
        }
        return sb.append(batch.length > 8 ? ", …]" : "]").toString();
    }

    /** Copies the rows {@code batch} of {@code data} into {@code xb} (reshaped to m × D) and returns their labels. */
    private static int[] gather(Dataset data, int[] batch, DMatrixRMaj xb) {
        int d = data.numFeatures();
        int m = batch.length;
        xb.reshape(m, d);
        int[] labels = new int[m];
        double[] src = data.features().data;
        for (int i = 0; i < m; i++) {
            int r = batch[i];
            System.arraycopy(src, r * d, xb.data, i * d, d);
            labels[i] = data.labels()[r];
        }
        return labels;
    }

    @Override
    public String toString() {
        return "Trainer(" + optimizer + ", batch " + batchSize + ", "
                + (iterations >= 0 ? iterations + " iterations" : epochs + " epochs") + ", " + sampling + ", seed " + seed + ")";
    }
}
