package dl.layers;

import java.util.Arrays;
import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * Batch normalization (배치 정규화, Ioffe &amp; Szegedy 2015), per feature (column) j:
 * x̂ = (x − μ)/√(σ² + ε), y = γ·x̂ + β, with γ, β learned.
 *
 * <p>Training uses the mini-batch mean μ and (biased) variance σ² and updates the running
 * statistics as running = 0.9·running + 0.1·batch (momentum 0.9, as in DLFS); inference uses the
 * running statistics, so its output does not depend on the other samples of the batch. The running
 * mean starts at 0 and the running variance at 1. ε = 1e-5 by default (PyTorch's value; DLFS uses
 * 1e-6) keeps the division finite when a feature is constant in the batch.
 *
 * <p>Training mode needs a batch of at least 2 rows (a single row normalizes to x̂ = 0: the output
 * is β and every gradient 0) and a finite batch: a batch whose mean or variance is NaN or ±∞ is
 * refused before it reaches the running statistics, which it would otherwise poison for good.
 *
 * <p>Backward (training): with N rows, ∂L/∂β = Σᵢ dY, ∂L/∂γ = Σᵢ dY⊙x̂ and
 * ∂L/∂x = γ/√(σ² + ε) · (dY − ∂L/∂β / N − x̂ ⊙ ∂L/∂γ / N).
 */
public final class BatchNorm implements Layer {
    /** Default ε. */
    public static final double DEFAULT_EPSILON = 1e-5;
    /** Momentum of the running statistics. */
    public static final double MOMENTUM = 0.9;

    private final int d;
    private final double eps;
    private final DMatrixRMaj gamma;
    private final DMatrixRMaj beta;
    private final DMatrixRMaj dGamma;
    private final DMatrixRMaj dBeta;
    private final double[] runningMean;
    private final double[] runningVar;
    /** μ, σ² and σ = √(σ² + ε) of the last forward pass, per feature. */
    private final double[] mu;
    private final double[] var;
    private final double[] sigma;
    private final DMatrixRMaj xhat = new DMatrixRMaj(1, 1);
    private final DMatrixRMaj y = new DMatrixRMaj(1, 1);
    private final DMatrixRMaj dx = new DMatrixRMaj(1, 1);
    private boolean trainedForward;

    public BatchNorm(int features) {
        this(features, DEFAULT_EPSILON);
    }

    public BatchNorm(int features, double epsilon) {
        if (features <= 0) {
            throw new IllegalArgumentException("features must be positive, got " + features);
        }
        if (!(epsilon > 0) || Double.isInfinite(epsilon)) {
            throw new IllegalArgumentException("epsilon must be a positive finite number, got " + epsilon);
        }
        d = features;
        eps = epsilon;
        gamma = new DMatrixRMaj(1, d);
        Arrays.fill(gamma.data, 1);
        beta = new DMatrixRMaj(1, d);
        dGamma = new DMatrixRMaj(1, d);
        dBeta = new DMatrixRMaj(1, d);
        runningMean = new double[d];
        runningVar = new double[d];
        Arrays.fill(runningVar, 1);
        mu = new double[d];
        var = new double[d];
        sigma = new double[d];
    }

    public DMatrixRMaj gamma() { return gamma; }

    public DMatrixRMaj beta() { return beta; }

    public double epsilon() { return eps; }

    /** A copy of the running mean (length D). */
    public double[] runningMean() { return runningMean.clone(); }

    /** A copy of the running (biased) variance (length D). */
    public double[] runningVariance() { return runningVar.clone(); }

    @Override
    public DMatrixRMaj forward(DMatrixRMaj x, boolean training) {
        java.util.Objects.requireNonNull(x, "x");
        if (x.numCols != d) {
            throw new IllegalArgumentException(this + ": input is " + Layer.shape(x) + ", expected " + x.numRows + "×" + d);
        }
        int n = x.numRows;
        double[] xd = x.data;
        if (training) {
            if (n < 2) {
                throw new IllegalArgumentException(this + " in training mode needs a batch of at least 2 rows, got "
                        + Layer.shape(x) + (n == 1 ? " (one row normalizes to 0: output β, gradient 0)" : ""));
            }
            // μ = (1/N) Σᵢ xᵢ   (the mean of each feature over the batch)
            Arrays.fill(mu, 0);
            for (int r = 0, i = 0; r < n; r++) {
                for (int j = 0; j < d; j++, i++) {
                    mu[j] += xd[i];
                }
            }
            for (int j = 0; j < d; j++) {
                mu[j] /= n;
            }
            // σ² = (1/N) Σᵢ (xᵢ − μ)²   (the biased variance)
            Arrays.fill(var, 0);
            for (int r = 0, i = 0; r < n; r++) {
                for (int j = 0; j < d; j++, i++) {
                    double c = xd[i] - mu[j];
                    var[j] += c * c;
                }
            }
            for (int j = 0; j < d; j++) {
                var[j] /= n;
            }
            requireFiniteStatistics(x);
            // running ← 0.9·running + 0.1·batch
            for (int j = 0; j < d; j++) {
                runningMean[j] = MOMENTUM * runningMean[j] + (1 - MOMENTUM) * mu[j];
                runningVar[j] = MOMENTUM * runningVar[j] + (1 - MOMENTUM) * var[j];
            }
        } else {
            // inference: μ and σ² are the running statistics
            System.arraycopy(runningMean, 0, mu, 0, d);
            System.arraycopy(runningVar, 0, var, 0, d);
        }
        // σ = √(σ² + ε)
        for (int j = 0; j < d; j++) {
            sigma[j] = Math.sqrt(var[j] + eps);
        }
        // x̂ = (x − μ)/σ,  y = γ·x̂ + β
        trainedForward = training;
        xhat.reshape(n, d);
        y.reshape(n, d);
        for (int r = 0, i = 0; r < n; r++) {
            for (int j = 0; j < d; j++, i++) {
                xhat.data[i] = (xd[i] - mu[j]) / sigma[j];
                y.data[i] = gamma.data[j] * xhat.data[i] + beta.data[j];
            }
        }
        return y;
    }

    /** A NaN or ±∞ in μ or σ² must not reach the running statistics, which it would poison for good. */
    private void requireFiniteStatistics(DMatrixRMaj x) {
        for (int j = 0; j < d; j++) {
            if (!Double.isFinite(mu[j]) || !Double.isFinite(var[j])) {
                throw new IllegalArgumentException(this + ": feature (column) " + j + " of the " + Layer.shape(x)
                        + " batch has mean " + mu[j] + " and variance " + var[j] + "; the input contains NaN or"
                        + " ±∞ (or overflows); the running statistics were left unchanged");
            }
        }
    }

    @Override
    public DMatrixRMaj backward(DMatrixRMaj dout) {
        java.util.Objects.requireNonNull(dout, "dout");
        if (!trainedForward) {
            throw new IllegalStateException(this + ": backward needs a forward pass in training mode");
        }
        Layer.checkUpstream(this, dout, true, y);
        int n = xhat.numRows;
        // ∂L/∂β = Σᵢ dYᵢ,  ∂L/∂γ = Σᵢ dYᵢ ⊙ x̂ᵢ
        Arrays.fill(dBeta.data, 0);
        Arrays.fill(dGamma.data, 0);
        for (int r = 0, i = 0; r < n; r++) {
            for (int j = 0; j < d; j++, i++) {
                dBeta.data[j] += dout.data[i];
                dGamma.data[j] += dout.data[i] * xhat.data[i];
            }
        }
        // ∂L/∂x = γ/σ · (dY − ∂L/∂β / N − x̂ ⊙ ∂L/∂γ / N)
        dx.reshape(n, d);
        for (int r = 0, i = 0; r < n; r++) {
            for (int j = 0; j < d; j++, i++) {
                dx.data[i] = gamma.data[j] / sigma[j]
                        * (dout.data[i] - dBeta.data[j] / n - xhat.data[i] * dGamma.data[j] / n);
            }
        }
        return dx;
    }

    @Override
    public List<Param> params() {
        return List.of(new Param("gamma", gamma, dGamma, false), new Param("beta", beta, dBeta, false));
    }

    @Override
    public String toString() {
        return "BatchNorm(" + d + ")";
    }
}
