package dl.data;

import dl.checks.Finite;
import java.util.Objects;
import org.ejml.data.DMatrixRMaj;

/**
 * Min-max normalisation: x' = (x − min) / (max − min) per feature, mapping the training
 * range to [0, 1]; min and max are fitted on the training data and applied unchanged to test data
 * (whose values may then fall outside [0, 1]). A constant feature (max = min) maps to 0.
 */
public final class MinMaxScaler {
    private final double[] min;
    private final double[] max;

    private MinMaxScaler(double[] min, double[] max) {
        this.min = min;
        this.max = max;
    }

    /** Fits min and max of each column of {@code x} (N × D, N ≥ 1). */
    public static MinMaxScaler fit(DMatrixRMaj x) {
        Objects.requireNonNull(x, "x");
        int n = x.numRows, d = x.numCols;
        if (n < 1) {
            throw new IllegalArgumentException("cannot fit a MinMaxScaler on 0 samples (x is 0×" + d + ")");
        }
        double[] min = new double[d], max = new double[d];
        System.arraycopy(x.data, 0, min, 0, d);
        System.arraycopy(x.data, 0, max, 0, d);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                double v = x.data[i * d + j];
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("x[" + i + "][" + j + "] is " + v + "; cannot fit a MinMaxScaler");
                }
                min[j] = Math.min(min[j], v);
                max[j] = Math.max(max[j], v);
            }
        }
        return new MinMaxScaler(min, max);
    }

    /** Fits on the features of a data set. */
    public static MinMaxScaler fit(Dataset train) {
        Objects.requireNonNull(train, "train");
        return fit(train.features());
    }

    /** (x − min) / (max − min) as a new matrix. */
    public DMatrixRMaj transform(DMatrixRMaj x) {
        Objects.requireNonNull(x, "x");
        int d = min.length;
        if (x.numCols != d) {
            throw new IllegalArgumentException("MinMaxScaler was fitted on " + d + " features but x is "
                    + x.numRows + "×" + x.numCols);
        }
        Finite.require(x, "x");
        DMatrixRMaj out = new DMatrixRMaj(x.numRows, d);
        for (int i = 0; i < x.numRows; i++) {
            for (int j = 0; j < d; j++) {
                double range = max[j] - min[j];
                out.data[i * d + j] = range > 0 ? (x.data[i * d + j] - min[j]) / range : 0.0;
            }
        }
        return out;
    }

    /** The data set with normalised features and the same labels. */
    public Dataset transform(Dataset data) {
        Objects.requireNonNull(data, "data");
        return new Dataset(transform(data.features()), data.labels().clone());
    }

    /** Minimum per feature (a copy). */
    public double[] min() {
        return min.clone();
    }

    /** Maximum per feature (a copy). */
    public double[] max() {
        return max.clone();
    }
}
