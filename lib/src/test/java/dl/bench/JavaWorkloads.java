package dl.bench;

import dl.activations.Activation;
import dl.convolution.Convolution;
import dl.convolution.MaxPooling;
import dl.data.Split;
import dl.init.Init;
import dl.layers.Dense;
import dl.layers.Param;
import dl.losses.MeanSquaredError;
import dl.network.Mlp;
import dl.network.Sampling;
import dl.network.Sequential;
import dl.network.Trainer;
import dl.optimizers.Adam;
import dl.optimizers.Sgd;
import dl.recurrent.GradientClipping;
import dl.recurrent.Lstm;
import dl.recurrent.SequenceOutput;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.ejml.data.DMatrixRMaj;

/**
 * The library's side of each benchmark workload (issues 7, 17, 28), written as the notebooks write it:
 * (a)/(b) {@link Mlp} + {@link Trainer} + {@link Sgd}; (c) lecture 17's SimpleConvNet ({@link Convolution},
 * {@link MaxPooling}, {@link Dense} in a {@link Sequential}) with {@link Trainer} and {@link Adam}; (d) lecture
 * 18's training loop around an {@link Lstm} and a {@link Dense} head (MSE, {@link GradientClipping}, Adam).
 * The peers in {@code tools/bench} implement the same workloads (their docstrings say how).
 */
final class JavaWorkloads {
    /** Workload (c): DLFS's SimpleConvNet on 1 × 28 × 28 images. */
    static final int FILTERS = 30, FILTER_SIZE = 5, POOL = 2, HIDDEN = 100, CLASSES = 10;
    static final double CNN_LR = 0.001;
    /** Workload (d): the sign of step 1 of 30 steps of Gaussian noise (lecture 18), at a larger size. */
    static final int LSTM_STEPS = 30, LSTM_HIDDEN = 64, LSTM_TRAIN = 10_000, LSTM_TEST = 2_000, LSTM_LAST = 50;
    static final double LSTM_LR = 0.01, LSTM_CLIP = 1.0;

    private JavaWorkloads() {
    }

    /** A trained model's test accuracy and (NaN when not reported) its final training loss. */
    record Trained(double testAccuracy, double finalLoss) {
    }

    /** (a)/(b): He init, ReLU, softmax-CE, SGD lr 0.1, batches drawn with replacement, seed {@code seed}. */
    static Sequential mlp(Split data, int[] sizes, int batch, int iterations, long seed) {
        Sequential net = Mlp.of(sizes).seed(seed).build();
        new Trainer(new Sgd(0.1)).batchSize(batch).iterations(iterations)
                .sampling(Sampling.WITH_REPLACEMENT).seed(seed)
                .evaluationSamples(1) // the peers do not evaluate while training; neither do we (1 sample)
                .fit(net, data.train());
        return net;
    }

    /**
     * (c): conv 30 × 5 × 5 (stride 1, pad 0) → ReLU → max-pool 2 × 2 stride 2 → dense 4320 → 100 → ReLU → dense
     * 100 → 10, softmax-CE (the Sequential's default loss), He init, zero biases: lecture 17's network, weights from
     * seeds {@code seed}, {@code seed} + 1, {@code seed} + 2.
     */
    static Sequential simpleConvNet(long seed) {
        Convolution conv = new Convolution(1, 28, 28, FILTERS, FILTER_SIZE, 1, 0, Init.he(), seed);
        MaxPooling pool = MaxPooling.after(conv, POOL, POOL);
        return new Sequential().add(conv).add(Activation.relu()).add(pool)
                .add(new Dense(pool.outputSize(), HIDDEN, Init.he(), seed + 1)).add(Activation.relu())
                .add(new Dense(HIDDEN, CLASSES, Init.he(), seed + 2));
    }

    /** (c) trained with {@link Trainer} and Adam lr 0.001, batches drawn with replacement. */
    static Sequential cnn(Split data, int batch, int iterations, long seed) {
        Sequential net = simpleConvNet(seed);
        new Trainer(new Adam(CNN_LR)).batchSize(batch).iterations(iterations)
                .sampling(Sampling.WITH_REPLACEMENT).seed(seed).evaluationSamples(1)
                .fit(net, data.train());
        return net;
    }

    /** (d)'s sequences: x N × 30 standard normal, y N × 1 = +1 where x[·, 0] &gt; 0, else −1. */
    static DMatrixRMaj[] signTask(int n, Random r) {
        DMatrixRMaj x = new DMatrixRMaj(n, LSTM_STEPS), y = new DMatrixRMaj(n, 1);
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < LSTM_STEPS; t++) {
                x.set(i, t, r.nextGaussian());
            }
            y.set(i, 0, x.get(i, 0) > 0 ? 1 : -1);
        }
        return new DMatrixRMaj[] {x, y};
    }

    /**
     * (d): Lstm(1 → 64, last state, Xavier, forget bias 1) → Dense(64 → 1, Xavier), MSE, the gradients clipped to
     * global norm 1, Adam lr 0.01, {@code iterations} mini-batches of {@code batch} drawn with replacement from 10 000
     * training sequences; the supplier returned measures the sign accuracy on 2 000 test sequences and the mean loss of
     * the last 50 batches. The loop is lecture 18's {@code fit}.
     */
    static Supplier<Trained> lstm(int batch, int iterations, long seed) {
        Random data = new Random(seed);
        DMatrixRMaj[] train = signTask(LSTM_TRAIN, data), test = signTask(LSTM_TEST, data);
        Lstm rec = new Lstm(1, LSTM_HIDDEN, Init.xavier(), seed + 1, SequenceOutput.LAST_STATE);
        Dense head = new Dense(LSTM_HIDDEN, 1, Init.xavier(), seed + 2);
        MeanSquaredError mse = new MeanSquaredError();
        Adam adam = new Adam(LSTM_LR);
        Random pick = new Random(seed + 3);
        List<Param> params = new ArrayList<>(rec.params());
        params.addAll(head.params());
        int n = train[0].numRows;
        DMatrixRMaj xb = new DMatrixRMaj(batch, LSTM_STEPS), yb = new DMatrixRMaj(batch, 1);
        double[] losses = new double[iterations];
        for (int it = 0; it < iterations; it++) {
            for (int r = 0; r < batch; r++) {
                int i = pick.nextInt(n);
                System.arraycopy(train[0].data, i * LSTM_STEPS, xb.data, r * LSTM_STEPS, LSTM_STEPS);
                yb.data[r] = train[1].data[i];
            }
            DMatrixRMaj out = head.forward(rec.forward(xb, true), true);
            losses[it] = mse.value(out, yb);
            rec.backward(head.backward(mse.gradient(out, yb)));
            GradientClipping.clipByGlobalNorm(params, LSTM_CLIP);
            adam.update(params);
        }
        return () -> {
            DMatrixRMaj out = head.forward(rec.forward(test[0], false), false);
            int right = 0;
            for (int i = 0; i < out.numRows; i++) {
                if (Math.signum(out.get(i, 0)) == test[1].get(i, 0)) {
                    right++;
                }
            }
            double last = 0;
            int from = Math.max(0, iterations - LSTM_LAST);
            for (int i = from; i < iterations; i++) {
                last += losses[i];
            }
            return new Trained((double) right / out.numRows, iterations == 0 ? Double.NaN : last / (iterations - from));
        };
    }
}
