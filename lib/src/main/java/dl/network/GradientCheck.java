package dl.network;

import dl.checks.Finite;
import dl.data.Dataset;
import dl.layers.Dropout;
import dl.layers.Layer;
import dl.layers.Param;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.function.DoubleSupplier;
import org.ejml.data.DMatrixRMaj;

/**
 * Gradient check (기울기 확인): compares the analytic gradients of back-propagation with numerical
 * ones from central differences, ∂L/∂θᵢ ≈ (L(θ + h·eᵢ) − L(θ − h·eᵢ)) / 2h, for every parameter tensor.
 *
 * <p>Per tensor it reports the relative error max|a − n| / max(|a| + |n|) (maxima over the tensor's
 * entries; a tiny floor avoids 0/0) and the mean absolute difference mean|a − n|, the number DLFS
 * prints. In double precision a correct backward pass gives relative errors around 1e-9 or smaller.
 * A tensor whose true gradient is exactly zero (e.g. the bias of a dense layer followed by batch
 * norm, which subtracts it again) compares two rounding noises and shows a relative error near 1:
 * the {@code maxAbsGradient} column (≈ 1e-17 there) tells the two cases apart.
 *
 * <p>ReLU-like activations have a kink at 0: if a pre-activation sits exactly there (an all-zero
 * input row with zero biases, say), the central difference straddles the kink and that tensor shows
 * a large error although backward is right. Check on random inputs.
 *
 * <p>The loss is evaluated in training mode (batch norm uses batch statistics and updates its running
 * statistics as a side effect). Networks with dropout are refused: random masks make the loss
 * change from one evaluation to the next.
 */
public final class GradientCheck {
    /** Default step h. */
    public static final double DEFAULT_STEP = 1e-5;
    private static final double TINY = 1e-300;

    private GradientCheck() {
    }

    /** One row of the table; {@code maxAbsGradient} is max|a| of the analytic gradient. */
    public record Row(String name, String shape, double relativeError, double meanAbsDiff, double maxAbsGradient) {
    }

    /** The table of rows, one per parameter tensor. */
    public record Result(List<Row> rows) {

        /** The largest relative error over all tensors. */
        public double maxRelativeError() {
            return rows.stream().mapToDouble(Row::relativeError).max().orElse(0);
        }

        /** The row of the named tensor. */
        public Row row(String name) {
            return rows.stream().filter(r -> r.name().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no tensor named " + name + " in " + rows));
        }

        /**
         * The report as a Tablesaw table, one row per parameter tensor: name, shape, relative error,
         * mean |analytic − numerical| and max |analytic gradient|.
         */
        public tech.tablesaw.api.Table table() {
            return tech.tablesaw.api.Table.create("gradient check",
                    tech.tablesaw.api.StringColumn.create("param", rows.stream().map(Row::name).toArray(String[]::new)),
                    tech.tablesaw.api.StringColumn.create("shape", rows.stream().map(Row::shape).toArray(String[]::new)),
                    tech.tablesaw.api.DoubleColumn.create("relative error", rows.stream().mapToDouble(Row::relativeError).toArray()),
                    tech.tablesaw.api.DoubleColumn.create("mean |diff|", rows.stream().mapToDouble(Row::meanAbsDiff).toArray()),
                    tech.tablesaw.api.DoubleColumn.create("max |grad|", rows.stream().mapToDouble(Row::maxAbsGradient).toArray()));
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder(String.format("%-8s %-10s %-12s %-12s %-12s%n", "param", "shape",
                    "relError", "meanAbsDiff", "max|grad|"));
            for (Row r : rows) {
                sb.append(String.format("%-8s %-10s %-12.3e %-12.3e %-12.3e%n", r.name(), r.shape(), r.relativeError(),
                        r.meanAbsDiff(), r.maxAbsGradient()));
            }
            return sb.toString();
        }
    }

    /** Checks every parameter of {@code net} on a batch, with h = 1e-5. */
    public static Result check(Sequential net, Dataset batch) {
        Objects.requireNonNull(batch, "batch");
        return check(net, batch.features(), batch.labels(), DEFAULT_STEP);
    }

    /** Checks every parameter of {@code net} on inputs x with labels, with h = 1e-5. */
    public static Result check(Sequential net, DMatrixRMaj x, int[] labels) {
        return check(net, x, labels, DEFAULT_STEP);
    }

    /** Checks every parameter of {@code net} on inputs x with labels, with step h. */
    public static Result check(Sequential net, DMatrixRMaj x, int[] labels, double h) {
        Objects.requireNonNull(net, "net");
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(labels, "labels");
        requireStep(h);
        for (Layer layer : net.layers()) {
            if (layer instanceof Dropout dropout && dropout.rate() > 0) {
                throw new IllegalArgumentException("gradient check: remove " + dropout
                        + " first; its random masks change the loss between evaluations");
            }
        }
        net.gradients(x, labels);
        List<Row> rows = new ArrayList<>();
        for (Param p : net.params()) {
            double[] analytic = p.grad().data.clone();
            double[] numeric = numerical(p.value().data, () -> net.loss(x, labels, true), h);
            rows.add(compare(p.name(), p.shape(), analytic, numeric));
        }
        return new Result(rows);
    }

    /**
     * Checks one layer on its own: with a seeded random upstream gradient G (same shape as the
     * output), the scalar f(x) = Σ G ⊙ layer(x) has ∂f/∂x = layer.backward(G). Returns one row for the
     * input ("x") and one per parameter. The layer is run in training mode.
     */
    public static Result checkLayer(Layer layer, DMatrixRMaj x, long seed) {
        return checkLayer(layer, x, seed, DEFAULT_STEP);
    }

    /** As {@link #checkLayer(Layer, DMatrixRMaj, long)} with step h. */
    public static Result checkLayer(Layer layer, DMatrixRMaj x, long seed, double h) {
        Objects.requireNonNull(layer, "layer");
        Objects.requireNonNull(x, "x");
        requireStep(h);
        Finite.require(x, "input x");
        DMatrixRMaj y = layer.forward(x, true);
        Random rng = new Random(seed);
        DMatrixRMaj g = new DMatrixRMaj(y.numRows, y.numCols);
        for (int i = 0; i < g.data.length; i++) {
            g.data[i] = rng.nextGaussian();
        }
        layer.setInputGradientNeeded(true);
        double[] dx = layer.backward(g).data.clone();
        List<Param> params = layer.params();
        List<double[]> analytic = new ArrayList<>();
        for (Param p : params) {
            analytic.add(p.grad().data.clone());
        }
        DoubleSupplier f = () -> {
            DMatrixRMaj out = layer.forward(x, true);
            double s = 0;
            for (int i = 0; i < g.data.length; i++) {
                s += g.data[i] * out.data[i];
            }
            return s;
        };
        List<Row> rows = new ArrayList<>();
        rows.add(compare("x", Layer.shape(x), java.util.Arrays.copyOf(dx, x.getNumElements()),
                numerical(x.data, x.getNumElements(), f, h)));
        for (int k = 0; k < params.size(); k++) {
            Param p = params.get(k);
            rows.add(compare(p.name(), p.shape(), analytic.get(k), numerical(p.value().data, f, h)));
        }
        return new Result(rows);
    }

    /** h must be a positive finite number: h = 0 divides 0 by 0, NaN gives a table of NaN. */
    private static void requireStep(double h) {
        if (!(h > 0) || !Double.isFinite(h)) {
            throw new IllegalArgumentException("the step h must be a positive finite number (e.g. 1e-5), got " + h);
        }
    }

    private static double[] numerical(double[] theta, DoubleSupplier f, double h) {
        return numerical(theta, theta.length, f, h);
    }

    /** Central differences of f with respect to theta[0 … n−1] ({@link dl.calculus.Derivatives#partials}). */
    private static double[] numerical(double[] theta, int n, DoubleSupplier f, double h) {
        return dl.calculus.Derivatives.partials(theta, n, f, h);
    }

    private static Row compare(String name, String shape, double[] a, double[] n) {
        double maxDiff = 0;
        double maxSum = 0;
        double sumDiff = 0;
        double maxAbs = 0;
        for (int i = 0; i < a.length; i++) {
            maxAbs = Math.max(maxAbs, Math.abs(a[i]));
            double diff = Math.abs(a[i] - n[i]);
            maxDiff = Math.max(maxDiff, diff);
            maxSum = Math.max(maxSum, Math.abs(a[i]) + Math.abs(n[i]));
            sumDiff += diff;
        }
        return new Row(name, shape, maxDiff / Math.max(maxSum, TINY), a.length == 0 ? 0 : sumDiff / a.length, maxAbs);
    }
}
