package dl.network;

import dl.descent.Divergence;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * The record of a training run: one {@link Evaluation} before training and after every epoch, the
 * mini-batch loss of every iteration, and a {@link Divergence} if training stopped because the
 * loss became non-finite. The array accessors return new arrays, ready to plot.
 */
public final class History {
    private final List<Evaluation> evaluations = new ArrayList<>();
    private final List<Double> iterationLoss = new ArrayList<>();
    private Divergence divergence;

    void add(Evaluation e) {
        evaluations.add(e);
    }

    void addIterationLoss(double loss) {
        iterationLoss.add(loss);
    }

    void setDivergence(Divergence report) {
        this.divergence = report;
    }

    /**
     * One history of a run that was trained in parts, one {@code fit} after another on the same network
     * (e.g. one part per notebook cell): the first part's evaluations, then each later part's evaluations
     * without its first one (before that part's training, the same network as the end of the previous
     * part), their epochs and iterations counted on from where the previous part stopped; the mini-batch
     * losses one after another. A part that diverged ends the history: later parts are not added.
     */
    public static History concat(List<History> parts) {
        java.util.Objects.requireNonNull(parts, "parts");
        for (int i = 0; i < parts.size(); i++) {
            java.util.Objects.requireNonNull(parts.get(i), "parts[" + i + "]");
        }
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("no parts to concatenate");
        }
        History all = new History();
        int epochOffset = 0;
        int iterationOffset = 0;
        for (History part : parts) {
            for (int k = all.evaluations.isEmpty() ? 0 : 1; k < part.evaluations.size(); k++) {
                Evaluation e = part.evaluations.get(k);
                all.evaluations.add(new Evaluation(e.epoch() + epochOffset, e.iteration() + iterationOffset,
                        e.trainLoss(), e.trainAccuracy(), e.testLoss(), e.testAccuracy()));
            }
            all.iterationLoss.addAll(part.iterationLoss);
            Evaluation last = all.last();
            epochOffset = last.epoch();
            iterationOffset = all.iterationLoss.size();
            if (part.divergence != null) {
                all.divergence = part.divergence;
                break;
            }
        }
        return all;
    }

    /** {@link #concat(List)} of the given parts. */
    public static History concat(History... parts) {
        java.util.Objects.requireNonNull(parts, "parts");
        return concat(java.util.Arrays.asList(parts));
    }

    public List<Evaluation> evaluations() {
        return List.copyOf(evaluations);
    }

    /** The last evaluation (after the final epoch). */
    public Evaluation last() {
        return evaluations.get(evaluations.size() - 1);
    }

    public int[] epochs() {
        return evaluations.stream().mapToInt(Evaluation::epoch).toArray();
    }

    /** The epoch of each evaluation (0, 1, …) as doubles: the x values of the per-epoch curves. */
    public double[] epochAxis() {
        return evaluations.stream().mapToDouble(Evaluation::epoch).toArray();
    }

    /** 1, 2, …, N as doubles: the x values of {@link #iterationLoss()}. */
    public double[] iterationAxis() {
        return IntStream.rangeClosed(1, iterationLoss.size()).asDoubleStream().toArray();
    }

    public int[] iterations() {
        return evaluations.stream().mapToInt(Evaluation::iteration).toArray();
    }

    public double[] trainLoss() {
        return evaluations.stream().mapToDouble(Evaluation::trainLoss).toArray();
    }

    public double[] trainAccuracy() {
        return evaluations.stream().mapToDouble(Evaluation::trainAccuracy).toArray();
    }

    /** Test losses (NaN without a test set). */
    public double[] testLoss() {
        return evaluations.stream().mapToDouble(Evaluation::testLoss).toArray();
    }

    /** Test accuracies (NaN without a test set). */
    public double[] testAccuracy() {
        return evaluations.stream().mapToDouble(Evaluation::testAccuracy).toArray();
    }

    /** The mini-batch loss of every iteration, in order. */
    public double[] iterationLoss() {
        return iterationLoss.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * The history as a Tablesaw table, one row per evaluation (before training and after every
     * epoch): epoch, iteration, train loss, train accuracy, test loss, test accuracy (NaN without a test set).
     */
    public tech.tablesaw.api.Table table() {
        return tech.tablesaw.api.Table.create("training history",
                tech.tablesaw.api.IntColumn.create("epoch", epochs()),
                tech.tablesaw.api.IntColumn.create("iteration", iterations()),
                tech.tablesaw.api.DoubleColumn.create("train loss", trainLoss()),
                tech.tablesaw.api.DoubleColumn.create("train accuracy", trainAccuracy()),
                tech.tablesaw.api.DoubleColumn.create("test loss", testLoss()),
                tech.tablesaw.api.DoubleColumn.create("test accuracy", testAccuracy()));
    }

    /** The mini-batch loss of every iteration as a table: iteration (1, 2, …), loss. */
    public tech.tablesaw.api.Table iterationTable() {
        double[] loss = iterationLoss();
        int[] it = new int[loss.length];
        for (int i = 0; i < it.length; i++) it[i] = i + 1;
        return tech.tablesaw.api.Table.create("mini-batch loss",
                tech.tablesaw.api.IntColumn.create("iteration", it),
                tech.tablesaw.api.DoubleColumn.create("loss", loss));
    }

    public boolean diverged() {
        return divergence != null;
    }

    public Optional<Divergence> divergence() {
        return Optional.ofNullable(divergence);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("epoch  iteration  train loss  train acc  test loss  test acc\n");
        for (Evaluation e : evaluations) {
            sb.append(String.format("%5d  %9d  %10.4f  %9.4f  %9.4f  %8.4f%n", e.epoch(), e.iteration(), e.trainLoss(),
                    e.trainAccuracy(), e.testLoss(), e.testAccuracy()));
        }
        if (divergence != null) {
            sb.append(divergence.message()).append('\n');
        }
        return sb.toString();
    }
}
