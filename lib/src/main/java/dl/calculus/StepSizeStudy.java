package dl.calculus;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.DoubleUnaryOperator;

/**
 * How the error of a numerical derivative depends on the step h, for a function whose
 * exact derivative f'(x) is known.
 *
 * <p>For each h the study records |forward − f'(x)| and |central − f'(x)|. On a log-log plot both
 * curves are V-shaped: for large h the truncation error dominates (≈ (h/2)|f''| for forward,
 * ≈ (h²/6)|f'''| for central, so the slopes are 1 and 2); for small h the round-off error
 * ≈ ε|f|/h dominates (ε ≈ 2.2e-16) and the error grows again. The best h is near √ε ≈ 1e-8 for
 * the forward difference and near ∛ε ≈ 1e-5 for the central difference.
 *
 * @param rows one row per step size, in the order given
 */
public record StepSizeStudy(List<Row> rows) {

    /** One step size h with the absolute error of each formula. */
    public record Row(double h, double forwardError, double centralError) {
    }

    public StepSizeStudy {
        java.util.Objects.requireNonNull(rows, "rows");
        rows = List.copyOf(rows);
    }

    /** The study for h = 1e-1, 1e-2, …, 1e-15. */
    public static StepSizeStudy of(DoubleUnaryOperator f, double x, double exactDerivative) {
        return of(f, x, exactDerivative, Grid.logspace(-1, -15, 15));
    }

    /** The study for the given step sizes hs (each positive and finite). */
    public static StepSizeStudy of(DoubleUnaryOperator f, double x, double exactDerivative, double[] hs) {
        Objects.requireNonNull(f, "f must not be null");
        Objects.requireNonNull(hs, "hs must not be null");
        if (!Double.isFinite(exactDerivative)) {
            throw new IllegalArgumentException("exactDerivative must be finite, got " + exactDerivative);
        }
        List<Row> rows = new ArrayList<>(hs.length);
        for (double h : hs) {
            double forwardError = Math.abs(Derivatives.forward(f, x, h) - exactDerivative);
            double centralError = Math.abs(Derivatives.central(f, x, h) - exactDerivative);
            rows.add(new Row(h, forwardError, centralError));
        }
        return new StepSizeStudy(Collections.unmodifiableList(rows));
    }

    /** The step sizes, for the x axis of a plot. */
    public double[] hs() {
        return rows.stream().mapToDouble(Row::h).toArray();
    }

    /** The forward-difference errors, in the order of {@link #hs()}. */
    public double[] forwardErrors() {
        return rows.stream().mapToDouble(Row::forwardError).toArray();
    }

    /** The central-difference errors, in the order of {@link #hs()}. */
    public double[] centralErrors() {
        return rows.stream().mapToDouble(Row::centralError).toArray();
    }

    /** The step size with the smallest forward-difference error. */
    public double bestForwardStep() {
        return best(true);
    }

    /** The step size with the smallest central-difference error. */
    public double bestCentralStep() {
        return best(false);
    }

    private double best(boolean forward) {
        if (rows.isEmpty()) {
            throw new IllegalStateException("the study has no step sizes");
        }
        Row best = rows.get(0);
        for (Row r : rows) {
            double e = forward ? r.forwardError() : r.centralError();
            double b = forward ? best.forwardError() : best.centralError();
            if (e < b) {
                best = r;
            }
        }
        return best.h();
    }

    /** The study as a Tablesaw table, one row per step size: h, |forward error|, |central error|. */
    public tech.tablesaw.api.Table table() {
        return tech.tablesaw.api.Table.create("step-size study",
                tech.tablesaw.api.DoubleColumn.create("h", hs()),
                tech.tablesaw.api.DoubleColumn.create("forward error", forwardErrors()),
                tech.tablesaw.api.DoubleColumn.create("central error", centralErrors()));
    }

    /** A plain-text table: h, forward error, central error. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(String.format("%-10s %-14s %-14s%n", "h", "forward", "central"));
        for (Row r : rows) {
            sb.append(String.format("%-10.0e %-14.3e %-14.3e%n", r.h(), r.forwardError(), r.centralError()));
        }
        return sb.toString();
    }
}
