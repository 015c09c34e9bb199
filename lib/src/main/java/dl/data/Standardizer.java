package dl.data;

import dl.checks.Finite;
import java.util.Objects;
import org.ejml.data.DMatrixRMaj;

/**
 * Standardisation: z = (x − μ) / σ per feature, with the mean μ and standard deviation
 * σ (population, divide by N) fitted on the training data only and then applied unchanged to
 * test data. A feature with σ = 0 (constant, like an always-black corner pixel) is only centred.
 */
public final class Standardizer {
    private final double[] mean;
    private final double[] std;

    private Standardizer(double[] mean, double[] std) {
        this.mean = mean;
        this.std = std;
    }

    /** Fits μ and σ of each column of {@code x} (N × D, N ≥ 1). */
    public static Standardizer fit(DMatrixRMaj x) {
        Objects.requireNonNull(x, "x");
        int n = x.numRows, d = x.numCols;
        if (n < 1) {
            throw new IllegalArgumentException("cannot fit a Standardizer on 0 samples (x is 0×" + d + ")");
        }
        Finite.require(x, "x");
        double[] mean = new double[d], std = new double[d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                mean[j] += x.data[i * d + j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= n;
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                double dev = x.data[i * d + j] - mean[j];
                std[j] += dev * dev;
            }
        }
        for (int j = 0; j < d; j++) {
            std[j] = Math.sqrt(std[j] / n);
            if (!Double.isFinite(mean[j]) || !Double.isFinite(std[j])) {
                throw new IllegalArgumentException("feature " + j + " has a non-finite mean or spread (mean "
                        + mean[j] + ", std " + std[j] + "); the data contain NaN or Inf");
            }
        }
        return new Standardizer(mean, std);
    }

    /** Fits on the features of a data set. */
    public static Standardizer fit(Dataset train) {
        Objects.requireNonNull(train, "train");
        return fit(train.features());
    }

    /** (x − μ) / σ as a new matrix. */
    public DMatrixRMaj transform(DMatrixRMaj x) {
        Objects.requireNonNull(x, "x");
        int d = mean.length;
        if (x.numCols != d) {
            throw new IllegalArgumentException("Standardizer was fitted on " + d + " features but x is "
                    + x.numRows + "×" + x.numCols);
        }
        Finite.require(x, "x");
        DMatrixRMaj z = new DMatrixRMaj(x.numRows, d);
        for (int i = 0; i < x.numRows; i++) {
            for (int j = 0; j < d; j++) {
                double s = std[j] > 0 ? std[j] : 1.0;
                z.data[i * d + j] = (x.data[i * d + j] - mean[j]) / s;
            }
        }
        return z;
    }

    /** The data set with standardised features and the same labels. */
    public Dataset transform(Dataset data) {
        Objects.requireNonNull(data, "data");
        return new Dataset(transform(data.features()), data.labels().clone());
    }

    /** μ per feature (a copy). */
    public double[] mean() {
        return mean.clone();
    }

    /** σ per feature (a copy). */
    public double[] std() {
        return std.clone();
    }
}
