package dl.network;

import dl.activations.Activation;
import dl.data.Dataset;
import dl.checks.Finite;
import dl.layers.ActivationLayer;
import dl.layers.Layer;
import dl.layers.Param;
import dl.losses.Loss;
import dl.losses.LossLayer;
import dl.losses.SoftmaxCrossEntropy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.ejml.data.DMatrixRMaj;

/**
 * A feed-forward network: layers applied in order, then a loss layer (softmax + cross-entropy
 * unless set otherwise), optionally with weight decay.
 *
 * <pre>{@code
 * Sequential net = new Sequential()
 *         .add(new Dense(784, 50, Init.he(), 1)).add(Activation.relu())
 *         .add(new Dense(50, 10, Init.he(), 2));
 * double loss = net.gradients(x, labels);            // forward + backward
 * opt.update(net.params());                         // θ ← θ − Δ(∂L/∂θ)
 * }</pre>
 *
 * Parameter names follow DLFS: W1, b1, W2, … for dense layers, gamma1, beta1, … for batch norm.
 *
 * <p>Inputs are checked where they enter: {@code forward}, {@code predict}, {@code loss} and
 * {@code gradients} refuse a NaN or ±∞ in x, naming its row and column (otherwise it would surface
 * later as a NaN loss, far from where it entered). The layers' and the loss layer's own checks of their inputs
 * are turned off when they are added ({@link Layer#setInputChecked}): a NaN or ∞ that appears inside the network
 * comes from its weights, so it is left to reach the loss, where {@link Trainer} reports the divergence.
 */
public final class Sequential {
    private static final int EVAL_CHUNK = 1000;

    private final List<Layer> layers = new ArrayList<>();
    private LossLayer lossLayer = unchecked(new SoftmaxCrossEntropy());
    private WeightDecay weightDecay = WeightDecay.none();
    private List<Param> params;
    private final DMatrixRMaj chunk = new DMatrixRMaj(1, 1);
    /** The Trainer's batch buffer: filled only from a data set checked once per fit, so not re-checked per step. */
    private DMatrixRMaj checkedBuffer;

    /**
     * Appends a layer. A layer object can appear only once: it caches its input for backward, so a
     * second use would overwrite the first one's cache and make the gradients wrong. Adding the same
     * object twice is refused; create a new layer instead (weight sharing is not supported).
     */
    public Sequential add(Layer layer) {
        Objects.requireNonNull(layer, "layer");
        for (int i = 0; i < layers.size(); i++) {
            if (layers.get(i) == layer) {
                throw new IllegalArgumentException(layer + " is already layer " + (i + 1) + " of this network; a layer"
                        + " object can be added only once (it caches its input for backward): create a new one");
            }
        }
        layer.setInputChecked(false); // x is checked where it enters; a NaN inside is divergence, for the loss to show
        layers.add(layer);
        params = null;
        return this;
    }

    private static LossLayer unchecked(LossLayer loss) {
        loss.setInputChecked(false); // the scores come from the layers: a non-finite loss is how divergence shows
        return loss;
    }

    /** Appends an element-wise activation layer. */
    public Sequential add(Activation activation) {
        Objects.requireNonNull(activation, "activation");
        return add(new ActivationLayer(activation));
    }

    /** Replaces the loss layer (default {@link SoftmaxCrossEntropy}). */
    public Sequential withLoss(LossLayer loss) {
        this.lossLayer = unchecked(Objects.requireNonNull(loss, "loss"));
        return this;
    }

    /** Sets the weight decay added to the loss and the gradients (default none). */
    public Sequential withWeightDecay(WeightDecay decay) {
        this.weightDecay = Objects.requireNonNull(decay, "decay");
        return this;
    }

    public List<Layer> layers() {
        return List.copyOf(layers);
    }

    public LossLayer lossLayer() {
        return lossLayer;
    }

    public WeightDecay weightDecay() {
        return weightDecay;
    }

    /** All learned parameters, named W1, b1, gamma1, … (the tensors are the layers' own). */
    public List<Param> params() {
        if (params == null) {
            Map<String, Integer> counts = new HashMap<>();
            List<Param> all = new ArrayList<>();
            for (Layer layer : layers) {
                for (Param p : layer.params()) {
                    int k = counts.merge(p.name(), 1, Integer::sum);
                    all.add(p.withName(p.name() + k));
                }
            }
            params = List.copyOf(all);
        }
        return params;
    }

    /** Number of learned scalars. */
    public int numParameters() {
        int n = 0;
        for (Param p : params()) {
            n += p.value().getNumElements();
        }
        return n;
    }

    /** The output scores (before the loss layer). The matrix belongs to the last layer: copy it to keep it. */
    public DMatrixRMaj forward(DMatrixRMaj x, boolean training) {
        Objects.requireNonNull(x, "x");
        if (x != checkedBuffer) {
            Finite.require(x, "input x");
        }
        return run(x, training);
    }

    /** Marks the Trainer's batch buffer, whose rows come from training data it has already checked. */
    void trustInput(DMatrixRMaj buffer) {
        checkedBuffer = buffer;
    }

    /** The layers applied in order, without checking the input (it was checked where it entered). */
    private DMatrixRMaj run(DMatrixRMaj x, boolean training) {
        if (layers.isEmpty()) {
            throw new IllegalStateException("this network has no layers, so its output would be its input x ("
                    + Layer.shape(x) + ") unchanged: add at least one layer (e.g. new Dense(...)) first");
        }
        DMatrixRMaj h = x;
        for (Layer layer : layers) {
            h = layer.forward(h, training);
        }
        return h;
    }

    /** The output scores in inference mode, as a new matrix. */
    public DMatrixRMaj predict(DMatrixRMaj x) {
        return forward(x, false).copy();
    }

    /** The predicted class of each row (arg-max of the scores). */
    public int[] predictClasses(DMatrixRMaj x) {
        return lossLayer.predictClasses(forward(x, false));
    }

    /** Mean loss plus weight-decay penalty, in inference mode. */
    public double loss(DMatrixRMaj x, int[] labels) {
        return loss(x, labels, false);
    }

    /** Mean loss plus weight-decay penalty, in training or inference mode. */
    public double loss(DMatrixRMaj x, int[] labels, boolean training) {
        Objects.requireNonNull(labels, "labels");
        return lossLayer.forward(forward(x, training), labels) + weightDecay.penalty(params());
    }

    /** Mean loss plus penalty over a data set, in inference mode (evaluated in chunks of 1000 rows). */
    public double loss(Dataset data) {
        Objects.requireNonNull(data, "data");
        return evaluate(data)[0];
    }

    /** Fraction of rows whose predicted class equals the label. */
    public double accuracy(DMatrixRMaj x, int[] labels) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(labels, "labels");
        if (labels.length != x.numRows) {
            throw new IllegalArgumentException("input is " + Layer.shape(x) + " but there are " + labels.length + " labels");
        }
        int[] predicted = predictClasses(x);
        int correct = 0;
        for (int i = 0; i < labels.length; i++) {
            if (predicted[i] == labels[i]) {
                correct++;
            }
        }
        return (double) correct / labels.length;
    }

    /** Accuracy (정확도) over a data set (evaluated in chunks of 1000 rows). */
    public double accuracy(Dataset data) {
        Objects.requireNonNull(data, "data");
        return evaluate(data)[1];
    }

    /** {loss, accuracy} over a data set in inference mode, evaluated in chunks to bound memory. */
    double[] evaluate(Dataset data) {
        Objects.requireNonNull(data, "data");
        int n = data.size();
        if (n == 0) {
            throw new IllegalArgumentException("cannot evaluate on an empty data set");
        }
        int d = data.numFeatures();
        Finite.require(data.features(), "data set features");
        double lossSum = 0;
        int correct = 0;
        for (int from = 0; from < n; from += EVAL_CHUNK) {
            int m = Math.min(EVAL_CHUNK, n - from);
            chunk.reshape(m, d);
            System.arraycopy(data.features().data, from * d, chunk.data, 0, m * d);
            int[] labels = java.util.Arrays.copyOfRange(data.labels(), from, from + m);
            DMatrixRMaj scores = run(chunk, false);
            try {
                lossSum += m * lossLayer.forward(scores, labels);
            } catch (IllegalArgumentException e) {
                throw from == 0 && m == n ? e : new IllegalArgumentException("samples " + from + " … " + (from + m - 1)
                        + " (evaluated in chunks of " + EVAL_CHUNK + ": add " + from + " to the index below): "
                        + e.getMessage(), e);
            }
            if (!Double.isFinite(lossSum)) {
                return new double[] {lossSum, Double.NaN}; // non-finite scores have no predicted class
            }
            int[] predicted = lossLayer.predictClasses(scores);
            for (int i = 0; i < m; i++) {
                if (predicted[i] == labels[i]) {
                    correct++;
                }
            }
        }
        return new double[] {lossSum / n + weightDecay.penalty(params()), (double) correct / n};
    }

    /**
     * Back-propagation: a training-mode forward pass, the loss, then a backward pass that fills every
     * parameter's gradient (plus the weight-decay gradient). Returns the loss (with penalty).
     */
    public double gradients(DMatrixRMaj x, int[] labels) {
        requireLayers();
        double loss = loss(x, labels, true);
        backward(lossLayer.backward());
        return loss;
    }

    /**
     * Back-propagation for real-valued targets (regression): a training-mode forward pass
     * y = forward(x), the loss L(y, t) of {@code loss} against {@code targets} t (same shape as y),
     * then the backward pass from ∂L/∂y. Returns L (with the weight-decay penalty). A NaN or ±∞ output of the network
     * gives a NaN or ±∞ loss ({@link Loss#uncheckedValue}), not an exception: it means the network diverged, which
     * {@link dl.approximation.CurveFit} reports with the step and the cause.
     */
    public double gradients(DMatrixRMaj x, DMatrixRMaj targets, Loss loss) {
        Objects.requireNonNull(targets, "targets");
        Objects.requireNonNull(loss, "loss");
        requireLayers();
        DMatrixRMaj y = forward(x, true);
        double value = loss.uncheckedValue(y, targets) + weightDecay.penalty(params());
        backward(loss.uncheckedGradient(y, targets));
        return value;
    }

    /** Refuses to compute gradients for a network without layers: there is nothing to train. */
    private void requireLayers() {
        if (layers.isEmpty()) {
            throw new IllegalStateException("this network has no layers, so there are no gradients to compute: add at"
                    + " least one layer (e.g. new Dense(...)) first");
        }
    }

    /** The backward pass from ∂L/∂(output) through every layer, then the weight-decay gradient. */
    private void backward(DMatrixRMaj d) {
        for (int i = layers.size() - 1; i >= 0; i--) {
            Layer layer = layers.get(i);
            layer.setInputGradientNeeded(i > 0);
            d = layer.backward(d);
        }
        weightDecay.addGradient(params());
    }

    /** {@link #gradients(DMatrixRMaj, int[])} on a batch. */
    public double gradients(Dataset batch) {
        Objects.requireNonNull(batch, "batch");
        return gradients(batch.features(), batch.labels());
    }

    /** One line per layer, then the loss and the parameter count. */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        for (Layer layer : layers) {
            sb.append(layer).append('\n');
        }
        sb.append(lossLayer);
        if (weightDecay.lambda() > 0) {
            sb.append(" + weight decay ").append(weightDecay);
        }
        sb.append("\n").append(numParameters()).append(" parameters");
        return sb.toString();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Sequential[");
        for (int i = 0; i < layers.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(layers.get(i));
        }
        return sb.append(" → ").append(lossLayer).append(']').toString();
    }
}
