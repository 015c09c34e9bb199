package dl.perceptron;

import dl.checks.Finite;
import dl.activations.Step;
import java.util.Arrays;
import java.util.Objects;

/**
 * Rosenblatt's perceptron (퍼셉트론): output y = step(w·x + b), with step(z) = 1 if z &gt; 0, else 0.
 *
 * <p>Learning rule, one sample (x, t) at a time, t ∈ {0, 1}:
 * <pre>
 *   w ← w + η (t − y) x        b ← b + η (t − y)
 * </pre>
 * "new weight = old weight + input × error × learning rate". A correct answer (t = y) changes nothing.
 * If the classes can be separated by a line (plane), the rule stops making errors after finitely many
 * updates (the perceptron convergence theorem); if not, as for XOR, it never stops.
 */
public final class Perceptron {
    private static final Step STEP = new Step();
    private final double[] w;
    private double b;
    private final double eta;

    /** A perceptron with the given initial weights (copied), bias and learning rate η &gt; 0. */
    public Perceptron(double[] weights, double bias, double learningRate) {
        Objects.requireNonNull(weights, "weights");
        if (weights.length == 0) {
            throw new IllegalArgumentException("weights: need at least one input, got 0 weights");
        }
        for (int i = 0; i < weights.length; i++) {
            if (!Double.isFinite(weights[i])) {
                throw new IllegalArgumentException("weights[" + i + "] is " + weights[i] + "; weights must be finite");
            }
        }
        if (!Double.isFinite(bias)) {
            throw new IllegalArgumentException("bias is " + bias + "; it must be finite");
        }
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException("learningRate must be a finite number > 0, got " + learningRate);
        }
        this.w = weights.clone();
        this.b = bias;
        this.eta = learningRate;
    }

    /** A perceptron with {@code inputs} zero weights, zero bias and learning rate η. */
    public static Perceptron zeros(int inputs, double learningRate) {
        if (inputs < 1) {
            throw new IllegalArgumentException("inputs must be ≥ 1, got " + inputs);
        }
        return new Perceptron(new double[inputs], 0, learningRate);
    }

    /** The weighted sum z = w·x + b. */
    public double z(double[] x) {
        check(x);
        double z = b;
        for (int i = 0; i < w.length; i++) {
            z += w[i] * x[i];
        }
        return z;
    }

    /**
     * The output y = step(w·x + b), 0 or 1. A sum that is NaN (w·x overflowing to ∞ − ∞) is refused: step(NaN)
     * would silently be 0.
     */
    public int predict(double[] x) {
        double z = z(x);
        if (Double.isNaN(z)) {
            int big = 0;
            for (int i = 1; i < w.length; i++) {
                big = Math.abs(w[i] * x[i]) > Math.abs(w[big] * x[big]) ? i : big;
            }
            throw new ArithmeticException("z = w·x + b is NaN: the products w[i]·x[i] overflow to ±∞ and cancel (the"
                    + " largest, w[" + big + "]·x[" + big + "] = " + w[big] + "·" + x[big] + ", is " + w[big] * x[big] + "); "
                    + (Math.abs(x[big]) > 1e100 ? "the input is huge: scale the data" : "the weights have grown too large:"
                    + " use a smaller learning rate"));
        }
        return (int) STEP.value(z);
    }

    /**
     * One application of the rule for the sample (x, t): w ← w + η(t − y)x, b ← b + η(t − y).
     * Returns the error t − y (−1, 0 or 1) the perceptron made before the update.
     */
    public int update(double[] x, int target) {
        if (target != 0 && target != 1) {
            throw new IllegalArgumentException("target must be 0 or 1, got " + target);
        }
        int error = target - predict(x);
        double[] next = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            next[i] = w[i] + eta * error * x[i];
            if (!Double.isFinite(next[i])) {
                throw new ArithmeticException("the update overflows: w[" + i + "] = " + w[i] + " + η·(t − y)·x[" + i + "] = "
                        + w[i] + " + " + eta + "·" + error + "·" + x[i] + " is " + next[i] + "; "
                        + (Math.abs(x[i]) > 1e100 ? "the input is huge: scale the data" : "use a smaller learning rate")
                        + " (nothing was updated)");
            }
        }
        double nextB = b + eta * error;
        if (!Double.isFinite(nextB)) {
            throw new ArithmeticException("the update overflows: b = " + b + " + η·(t − y) = " + b + " + " + eta + "·" + error
                    + " is " + nextB + "; use a smaller learning rate (nothing was updated)");
        }
        System.arraycopy(next, 0, w, 0, w.length);
        b = nextB;
        return error;
    }

    /**
     * One epoch: {@link #update} on every sample in order. Returns how many of them were wrong
     * (error ≠ 0) when their turn came.
     */
    public int epoch(double[][] xs, int[] targets) {
        checkData(xs, targets);
        int errors = 0;
        for (int i = 0; i < xs.length; i++) {
            if (updateAt(i, xs[i], targets[i]) != 0) {
                errors++;
            }
        }
        return errors;
    }

    /**
     * Runs up to {@code maxEpochs} epochs, stopping after the first epoch without an error. The history
     * holds the errors of each epoch and the weights and bias after it.
     */
    public PerceptronHistory train(double[][] xs, int[] targets, int maxEpochs) {
        checkData(xs, targets);
        if (maxEpochs < 1) {
            throw new IllegalArgumentException("maxEpochs must be ≥ 1, got " + maxEpochs);
        }
        PerceptronHistory history = new PerceptronHistory(w.length);
        for (int e = 0; e < maxEpochs; e++) {
            int errors;
            try {
                errors = epoch(xs, targets);
            } catch (ArithmeticException ex) { // an overflowing update: diverged, with the epoch and sample
                throw new ArithmeticException("diverged in epoch " + (e + 1) + " of " + maxEpochs + ", " + ex.getMessage());
            }
            history.add(errors, w, b);
            if (errors == 0) {
                break;
            }
        }
        return history;
    }

    /** {@link #update} of sample i of a data set, an overflow naming the sample. */
    private int updateAt(int i, double[] x, int target) {
        try {
            return update(x, target);
        } catch (ArithmeticException e) {
            throw new ArithmeticException("sample " + i + ": " + e.getMessage());
        }
    }

    /** The weights, a copy. */
    public double[] weights() {
        return w.clone();
    }

    public double bias() {
        return b;
    }

    public double learningRate() {
        return eta;
    }

    private void check(double[] x) {
        Objects.requireNonNull(x, "x");
        if (x.length != w.length) {
            throw new IllegalArgumentException("x has " + x.length + " values but the perceptron has " + w.length + " weights");
        }
        Finite.require(x, "perceptron input x");
    }

    private void checkData(double[][] xs, int[] targets) {
        Objects.requireNonNull(xs, "xs");
        Objects.requireNonNull(targets, "targets");
        if (xs.length != targets.length) {
            throw new IllegalArgumentException("xs has " + xs.length + " samples but targets has " + targets.length);
        }
        if (xs.length == 0) {
            throw new IllegalArgumentException("xs has 0 samples: there is nothing to learn from (no errors on no samples"
                    + " is no convergence); pass at least one sample");
        }
        // every sample is checked before the first update: a bad one at sample 3 must not leave 0–2 applied
        for (int i = 0; i < xs.length; i++) {
            Objects.requireNonNull(xs[i], "xs[" + i + "]");
            if (xs[i].length != w.length) {
                throw new IllegalArgumentException("xs[" + i + "] has " + xs[i].length + " values but the perceptron has "
                        + w.length + " weights");
            }
            if (targets[i] != 0 && targets[i] != 1) {
                throw new IllegalArgumentException("targets[" + i + "] is " + targets[i] + " (sample " + i + "); targets"
                        + " must be 0 or 1: nothing was updated");
            }
        }
        Finite.require(xs, "xs");
    }

    @Override
    public String toString() {
        return "Perceptron[w = " + Arrays.toString(w) + ", b = " + b + ", η = " + eta + "]";
    }
}
