package dl.network;

import dl.checks.Checks;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.List;
import java.util.Objects;

/**
 * A confusion matrix (혼동 행렬): count[t][p] = how many samples of true class t were predicted as
 * class p. The diagonal holds the correct predictions.
 */
public final class ConfusionMatrix {
    private final int[][] counts;

    private ConfusionMatrix(int[][] counts) {
        this.counts = counts;
    }

    /** Counts the pairs (labels[i], predicted[i]) over classes 0 … classes − 1. */
    public static ConfusionMatrix of(int[] labels, int[] predicted, int classes) {
        Objects.requireNonNull(labels, "labels");
        Objects.requireNonNull(predicted, "predicted");
        if (labels.length != predicted.length) {
            throw new IllegalArgumentException("labels has " + labels.length + " entries but predicted has "
                    + predicted.length);
        }
        if (classes < 1) {
            throw new IllegalArgumentException("classes must be at least 1, got " + classes);
        }
        int[][] c = new int[classes][classes];
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classes || predicted[i] < 0 || predicted[i] >= classes) {
                boolean label = labels[i] < 0 || labels[i] >= classes;
                int v = label ? labels[i] : predicted[i];
                throw new IllegalArgumentException("ConfusionMatrix: sample " + i + " has " + (label ? "label " : "prediction ")
                        + v + ", outside the classes 0 … " + (classes - 1) + ": pass " + (label ? "labels" : "predictions")
                        + " in that range" + (v >= classes ? " or classes ≥ " + (v + 1) : ""));
            }
            c[labels[i]][predicted[i]]++;
        }
        return new ConfusionMatrix(c);
    }

    /** The number of classes. */
    public int classes() {
        return counts.length;
    }

    /** Samples of true class t predicted as p. */
    public int count(int trueClass, int predictedClass) {
        return counts[classIndex(trueClass, "trueClass")][classIndex(predictedClass, "predictedClass")];
    }

    /** Samples of true class t. */
    public int total(int trueClass) {
        int s = 0;
        for (int v : counts[classIndex(trueClass, "trueClass")]) s += v;
        return s;
    }

    /** The fraction of class t predicted correctly (NaN for a class without samples). */
    public double classAccuracy(int trueClass) {
        int n = total(trueClass);
        return n == 0 ? Double.NaN : (double) counts[trueClass][trueClass] / n;
    }

    /** The class with the lowest per-class accuracy (the first on ties). */
    public int worstClass() {
        int worst = 0;
        for (int t = 1; t < counts.length; t++) {
            if (classAccuracy(t) < classAccuracy(worst)) worst = t;
        }
        return worst;
    }

    /** The counts as a matrix of doubles, rows = true class (for a heat map). */
    public double[][] asDoubles() {
        double[][] out = new double[counts.length][counts.length];
        for (int i = 0; i < counts.length; i++) {
            for (int j = 0; j < counts.length; j++) out[i][j] = counts[i][j];
        }
        return out;
    }

    /**
     * The matrix as a Tablesaw table: a column "true \ predicted" with the class names, then one
     * count column per predicted class (headed by its short name).
     */
    public Table table(List<String> classNames, List<String> shortNames) {
        Objects.requireNonNull(classNames, "classNames");
        Objects.requireNonNull(shortNames, "shortNames");
        if (classNames.size() != counts.length || shortNames.size() != counts.length) {
            throw new IllegalArgumentException("the matrix has " + counts.length + " classes but classNames has "
                    + classNames.size() + " and shortNames " + shortNames.size());
        }
        Table t = Table.create("confusion matrix", StringColumn.create("true \\ predicted", classNames));
        for (int p = 0; p < counts.length; p++) {
            int[] col = new int[counts.length];
            for (int r = 0; r < counts.length; r++) col[r] = counts[r][p];
            t.addColumns(IntColumn.create(shortNames.get(p), col));
        }
        return t;
    }

    /** As {@link #table(List, List)} with the same names for rows and columns. */
    public Table table(List<String> classNames) {
        return table(classNames, classNames);
    }

    /** As {@link #table(List)} with classes named 0, 1, …. */
    public Table table() {
        List<String> names = java.util.stream.IntStream.range(0, counts.length).mapToObj(String::valueOf).toList();
        return table(names);
    }

    private int classIndex(int c, String name) {
        return Checks.index(c, counts.length, name, "this confusion matrix has " + counts.length + " classes");
    }

    @Override
    public String toString() {
        return "ConfusionMatrix(" + counts.length + " classes)";
    }
}
