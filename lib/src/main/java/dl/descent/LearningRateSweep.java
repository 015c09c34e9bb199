package dl.descent;

import dl.calculus.ScalarFunction;
import dl.optimizers.Optimizers;
import java.util.ArrayList;
import java.util.List;

/**
 * Learning-rate sensitivity (학습률 민감성): one optimizer run ({@link GradientDescent#run}) for a fixed
 * number of steps at each of several learning rates η, keeping f at the last point fₖ(η). A run that
 * diverges is kept with its {@link Divergence} report, not thrown; its final f is NaN (a table shows —).
 */
public final class LearningRateSweep {
    private final String optimizer;
    private final double[] rates;
    private final double[] finalValues;
    private final int[] divergedAt;
    private final List<java.util.Optional<Divergence>> divergences;

    private LearningRateSweep(String optimizer, double[] rates, double[] finalValues, int[] divergedAt,
                              List<java.util.Optional<Divergence>> divergences) {
        this.optimizer = optimizer;
        this.rates = rates;
        this.finalValues = finalValues;
        this.divergedAt = divergedAt;
        this.divergences = divergences;
    }

    /**
     * Runs {@code Optimizers.byName(optimizer, η)} for {@code steps} steps from {@code start} for every η.
     */
    public static LearningRateSweep run(String optimizer, ScalarFunction f, double[] start, int steps,
                                        double... learningRates) {
        java.util.Objects.requireNonNull(optimizer, "optimizer");
        java.util.Objects.requireNonNull(learningRates, "learningRates");
        if (learningRates.length == 0) {
            throw new IllegalArgumentException("no learning rates to sweep");
        }
        double[] values = new double[learningRates.length];
        int[] diverged = new int[learningRates.length];
        List<java.util.Optional<Divergence>> reports = new ArrayList<>();
        for (int k = 0; k < learningRates.length; k++) {
            Path p = GradientDescent.run(Optimizers.byName(optimizer, learningRates[k]), f, start, steps);
            diverged[k] = p.diverged() ? p.stopStep() : -1;
            values[k] = p.diverged() ? Double.NaN : p.lastValue();
            reports.add(p.divergence());
        }
        return new LearningRateSweep(optimizer, learningRates.clone(), values, diverged, List.copyOf(reports));
    }

    public String optimizer() {
        return optimizer;
    }

    public double[] learningRates() {
        return rates.clone();
    }

    /** f after the last step for each η; NaN where the run diverged. */
    public double[] finalValues() {
        return finalValues.clone();
    }

    /** The divergence report of each run, empty where it did not diverge. */
    public List<java.util.Optional<Divergence>> divergences() {
        return divergences;
    }

    /** The step at which each run diverged, −1 where it did not. */
    public int[] divergedAt() {
        return divergedAt.clone();
    }

    /**
     * The sweep as a Tablesaw table, one row per learning rate: optimizer, η, final f (NaN where the
     * run diverged) and the step at which it diverged (−1 where it did not).
     */
    public tech.tablesaw.api.Table table() {
        String[] names = new String[rates.length];
        java.util.Arrays.fill(names, optimizer);
        return tech.tablesaw.api.Table.create("learning-rate sweep, " + optimizer,
                tech.tablesaw.api.StringColumn.create("optimizer", names),
                tech.tablesaw.api.DoubleColumn.create("learning rate", rates),
                tech.tablesaw.api.DoubleColumn.create("final f", finalValues),
                tech.tablesaw.api.IntColumn.create("diverged at", divergedAt));
    }

    /** The learning rates whose runs diverged, in sweep order. */
    public double[] divergedRates() {
        List<Double> out = new ArrayList<>();
        for (int k = 0; k < rates.length; k++) {
            if (divergedAt[k] > 0) {
                out.add(rates[k]);
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The η with the lowest final value (the first one on ties); NaN if every run diverged. */
    public double bestRate() {
        double best = Double.NaN;
        double bestValue = Double.POSITIVE_INFINITY;
        for (int k = 0; k < rates.length; k++) {
            if (divergedAt[k] < 0 && finalValues[k] < bestValue) {
                bestValue = finalValues[k];
                best = rates[k];
            }
        }
        return best;
    }

    @Override
    public String toString() {
        return "LearningRateSweep(" + optimizer + ", " + rates.length + " rates, " + divergedRates().length + " diverged)";
    }
}
