package dl.network;

import dl.activations.Activation;
import dl.init.Init;
import dl.layers.BatchNorm;
import dl.layers.Dense;
import dl.layers.Dropout;
import java.util.Objects;
import java.util.Random;

/**
 * Builder of a multi-layer perceptron (다층 퍼셉트론): for sizes n₀, n₁, …, n_L it stacks
 * Dense(n₀→n₁) [BatchNorm] activation [Dropout] … Dense(n_{L−1}→n_L), followed by softmax +
 * cross-entropy.
 *
 * <pre>{@code
 * Sequential net = Mlp.of(784, 100, 100, 10).activation(Activation.relu()).init(Init.he())
 *         .batchNorm(true).dropout(0.2).weightDecay(WeightDecay.l2(0.1)).seed(42).build();
 * }</pre>
 *
 * Defaults: ReLU, He initialization, no batch norm, no dropout, no weight decay, seed 0. All
 * weights and dropout masks derive from the one seed.
 */
public final class Mlp {
    private final int[] sizes;
    private Activation activation = Activation.relu();
    private Init init = Init.he();
    private boolean batchNorm;
    private double dropout;
    private WeightDecay weightDecay = WeightDecay.none();
    private long seed;

    private Mlp(int[] sizes) {
        if (sizes.length < 2) {
            throw new IllegalArgumentException("an MLP needs at least an input and an output size, got " + sizes.length + " sizes");
        }
        for (int i = 0; i < sizes.length; i++) {
            if (sizes[i] <= 0) {
                throw new IllegalArgumentException("layer size " + i + " must be positive, got " + sizes[i]);
            }
        }
        this.sizes = sizes.clone();
    }

    /** Layer sizes from input to output, e.g. {@code Mlp.of(784, 50, 10)}. */
    public static Mlp of(int... sizes) {
        Objects.requireNonNull(sizes, "sizes");
        return new Mlp(sizes);
    }

    /** Shortcut: {@code Mlp.of(sizes).activation(activation).init(init).seed(seed).build()}. */
    public static Sequential build(int[] sizes, Activation activation, Init init, long seed) {
        return of(sizes).activation(activation).init(init).seed(seed).build();
    }

    /** The hidden layers' activation. */
    public Mlp activation(Activation activation) {
        this.activation = Objects.requireNonNull(activation, "activation");
        return this;
    }

    public Mlp init(Init init) {
        this.init = Objects.requireNonNull(init, "init");
        return this;
    }

    /** Whether to put batch normalization between each hidden Dense layer and its activation. */
    public Mlp batchNorm(boolean batchNorm) {
        this.batchNorm = batchNorm;
        return this;
    }

    /** Dropout rate p after each hidden activation (0 = none). */
    public Mlp dropout(double p) {
        if (!(p >= 0 && p < 1)) {
            throw new IllegalArgumentException("dropout rate p must be in [0, 1), got " + p);
        }
        this.dropout = p;
        return this;
    }

    public Mlp weightDecay(WeightDecay weightDecay) {
        this.weightDecay = Objects.requireNonNull(weightDecay, "weightDecay");
        return this;
    }

    public Mlp seed(long seed) {
        this.seed = seed;
        return this;
    }

    public Sequential build() {
        Random rng = new Random(seed);
        Sequential net = new Sequential();
        for (int i = 0; i + 1 < sizes.length; i++) {
            net.add(new Dense(sizes[i], sizes[i + 1], init, rng));
            boolean hidden = i + 2 < sizes.length;
            if (hidden) {
                if (batchNorm) {
                    net.add(new BatchNorm(sizes[i + 1]));
                }
                net.add(activation);
                if (dropout > 0) {
                    net.add(new Dropout(dropout, rng.nextLong()));
                }
            }
        }
        return net.withWeightDecay(weightDecay);
    }
}
