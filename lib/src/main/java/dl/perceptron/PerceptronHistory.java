package dl.perceptron;

import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/** What {@link Perceptron#train} did: per epoch, the number of errors and the weights and bias after it. */
public final class PerceptronHistory {
    private final int inputs;
    private final List<Integer> errors = new ArrayList<>();
    private final List<double[]> weights = new ArrayList<>();
    private final List<Double> biases = new ArrayList<>();

    PerceptronHistory(int inputs) {
        this.inputs = inputs;
    }

    void add(int epochErrors, double[] w, double b) {
        errors.add(epochErrors);
        weights.add(w.clone());
        biases.add(b);
    }

    /** Number of epochs run. */
    public int epochs() {
        return errors.size();
    }

    /** Errors made in each epoch (epoch 1 first). */
    public int[] errors() {
        return errors.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Whether the last epoch made no error. */
    public boolean converged() {
        return !errors.isEmpty() && errors.get(errors.size() - 1) == 0;
    }

    /** The weights after epoch {@code epoch} (1-based), a copy. */
    public double[] weights(int epoch) {
        return weights.get(index(epoch)).clone();
    }

    /** The bias after epoch {@code epoch} (1-based). */
    public double bias(int epoch) {
        return biases.get(index(epoch));
    }

    /** One row per epoch: epoch, errors, w1 … wn, b. */
    public Table table() {
        Table t = Table.create("perceptron training");
        t.addColumns(IntColumn.create("epoch", java.util.stream.IntStream.rangeClosed(1, epochs()).toArray()),
                IntColumn.create("errors", errors()));
        for (int i = 0; i < inputs; i++) {
            final int k = i;
            t.addColumns(DoubleColumn.create("w" + (i + 1), weights.stream().mapToDouble(w -> w[k]).toArray()));
        }
        t.addColumns(DoubleColumn.create("b", biases.stream().mapToDouble(Double::doubleValue).toArray()));
        return t;
    }

    private int index(int epoch) {
        if (epoch < 1 || epoch > epochs()) {
            throw new IllegalArgumentException("epoch must be in 1.." + epochs() + ", got " + epoch);
        }
        return epoch - 1;
    }

    @Override
    public String toString() {
        return "PerceptronHistory[" + epochs() + " epochs, errors " + errors + "]";
    }
}
