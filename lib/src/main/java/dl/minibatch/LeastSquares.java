package dl.minibatch;

import dl.checks.Finite;
import dl.surfaces.PlotRange;
import dl.surfaces.Surface;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.MatrixFeatures_DDRM;

/**
 * Least squares (최소제곱) linear regression, the stochastic objective of the SGD lecture. On a
 * mini-batch B of rows,
 * <pre>
 *   L_B(w) = 1/(2|B|) · Σ_{i∈B} (xᵢ·w − yᵢ)²        ∇L_B(w) = 1/|B| · Σ_{i∈B} (xᵢ·w − yᵢ)·xᵢ
 * </pre>
 * As a {@link Surface}, {@link #value} and {@link #gradient} use all N rows; the minimum is the
 * least-squares solution of X·w ≈ y.
 */
public final class LeastSquares implements Surface, BatchObjective {
    private final double[][] x;
    private final double[] y;
    private final double[] solution;

    /** Rows xᵢ of {@code features} with targets yᵢ (finite numbers: a NaN is refused, naming its row); the arrays are copied. */
    public LeastSquares(double[][] features, double[] targets) {
        java.util.Objects.requireNonNull(features, "features");
        java.util.Objects.requireNonNull(targets, "targets");
        if (features.length == 0) {
            throw new IllegalArgumentException("least squares needs at least one sample");
        }
        if (features.length != targets.length) {
            throw new IllegalArgumentException(
                    "features have " + features.length + " rows but targets have " + targets.length);
        }
        int d = features[0].length;
        if (d == 0) {
            throw new IllegalArgumentException("samples need at least one feature");
        }
        this.x = new double[features.length][];
        for (int i = 0; i < features.length; i++) {
            if (features[i].length != d) {
                throw new IllegalArgumentException(
                        "row 0 has " + d + " features but row " + i + " has " + features[i].length);
            }
            this.x[i] = features[i].clone();
        }
        Finite.require(features, "features");
        Finite.require(targets, "targets");
        this.y = targets.clone();
        this.solution = solve();
    }

    /**
     * A synthetic data set y = X·w* + noise with X and the noise drawn from N(0, 1) (noise scaled by
     * {@code noiseStd}) by {@code new Random(seed)}.
     */
    public static LeastSquares synthetic(int n, double[] trueWeights, double noiseStd, long seed) {
        java.util.Objects.requireNonNull(trueWeights, "trueWeights");
        if (n < 1) {
            throw new IllegalArgumentException("number of samples must be >= 1, got " + n);
        }
        if (!(noiseStd >= 0) || Double.isInfinite(noiseStd)) {
            throw new IllegalArgumentException("noise std must be finite and >= 0, got " + noiseStd);
        }
        Random rng = new Random(seed);
        double[][] features = new double[n][trueWeights.length];
        double[] targets = new double[n];
        for (int i = 0; i < n; i++) {
            double yi = 0;
            for (int j = 0; j < trueWeights.length; j++) {
                features[i][j] = rng.nextGaussian();
                yi += features[i][j] * trueWeights[j];
            }
            targets[i] = yi + noiseStd * rng.nextGaussian();
        }
        return new LeastSquares(features, targets);
    }

    private double[] solve() {
        DMatrixRMaj a = new DMatrixRMaj(x);
        DMatrixRMaj b = new DMatrixRMaj(y.length, 1, true, y);
        DMatrixRMaj w = new DMatrixRMaj(dimension(), 1);
        if (x.length < dimension() || MatrixFeatures_DDRM.rank(a) < dimension() || !CommonOps_DDRM.solve(a, b, w)) {
            throw new IllegalArgumentException("the " + x.length + "×" + dimension()
                    + " feature matrix has no unique least-squares solution (rank-deficient)");
        }
        return w.getData().clone();
    }

    @Override
    public int size() {
        return x.length;
    }

    @Override
    public int dimension() {
        return x[0].length;
    }

    /** Copy of row i. */
    public double[] features(int i) {
        return x[i].clone();
    }

    /** Target yᵢ. */
    public double target(int i) {
        return y[i];
    }

    /** Indices 0 … N−1, the full batch. */
    public int[] allRows() {
        int[] all = new int[x.length];
        Arrays.setAll(all, i -> i);
        return all;
    }

    private void checkW(double[] w) {
        java.util.Objects.requireNonNull(w, "w");
        if (w.length != dimension()) {
            throw new IllegalArgumentException("weights have " + w.length + " values but samples have "
                    + dimension() + " features");
        }
    }

    private void checkBatch(int[] batch) {
        java.util.Objects.requireNonNull(batch, "batch");
        if (batch.length == 0) {
            throw new IllegalArgumentException("empty mini-batch");
        }
        for (int i : batch) {
            if (i < 0 || i >= x.length) {
                throw new IllegalArgumentException("row index " + i + " out of range [0, " + x.length + ")");
            }
        }
    }

    private double residual(double[] w, int i) {
        double r = -y[i];
        for (int j = 0; j < w.length; j++) {
            r += x[i][j] * w[j];
        }
        return r;
    }

    @Override
    public double loss(double[] w, int[] batch) {
        checkW(w);
        checkBatch(batch);
        double sum = 0;
        for (int i : batch) {
            double r = residual(w, i);
            sum += r * r;
        }
        return sum / (2.0 * batch.length);
    }

    @Override
    public double[] gradient(double[] w, int[] batch) {
        checkW(w);
        checkBatch(batch);
        double[] g = new double[w.length];
        for (int i : batch) {
            double r = residual(w, i);
            for (int j = 0; j < w.length; j++) {
                g[j] += r * x[i][j];
            }
        }
        for (int j = 0; j < g.length; j++) {
            g[j] /= batch.length;
        }
        return g;
    }

    /** Full-batch loss L(w). */
    @Override
    public double value(double... w) {
        return loss(w, allRows());
    }

    /** Full-batch gradient ∇L(w). */
    @Override
    public double[] gradient(double... w) {
        return gradient(w, allRows());
    }

    /** The least-squares solution ŵ (close to w* when the noise is small). */
    @Override
    public List<double[]> minima() {
        return List.of(solution.clone());
    }

    /** ŵ ± 3 in the first two weights; needs at least two weights. */
    @Override
    public PlotRange plotRange() {
        if (dimension() < 2) {
            throw new IllegalStateException("a contour plot needs at least 2 weights, this problem has " + dimension());
        }
        return new PlotRange(solution[0] - 3, solution[0] + 3, solution[1] - 3, solution[1] + 3);
    }

    @Override
    public String toString() {
        return "LeastSquares(N=" + size() + ", D=" + dimension() + ")";
    }
}
