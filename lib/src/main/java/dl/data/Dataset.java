package dl.data;

import dl.checks.Finite;
import java.util.Objects;
import org.ejml.data.DMatrixRMaj;

/**
 * A labelled data set: one sample per row of {@code features} (N × D) and one class
 * index per sample in {@code labels} (length N, values 0 … K−1). The features must be finite: a NaN
 * or ±∞ is refused here, naming its row and column.
 */
public record Dataset(DMatrixRMaj features, int[] labels) {

    public Dataset {
        Objects.requireNonNull(features, "features");
        Objects.requireNonNull(labels, "labels");
        if (features.numRows != labels.length) {
            throw new IllegalArgumentException("features have " + features.numRows + " rows (" + features.numRows + "×"
                    + features.numCols + ") but there are " + labels.length + " labels");
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0) {
                throw new IllegalArgumentException("label " + i + " is negative: " + labels[i]);
            }
        }
        Finite.require(features, "features");
    }

    /** Number of samples N. */
    public int size() {
        return labels.length;
    }

    /** Number of features D per sample. */
    public int numFeatures() {
        return features.numCols;
    }

    /** Number of classes K = 1 + the largest label. */
    public int numClasses() {
        int max = -1;
        for (int label : labels) {
            max = Math.max(max, label);
        }
        return max + 1;
    }

    /** The samples at the given row indices, in that order (a copy). */
    public Dataset rows(int[] indices) {
        Objects.requireNonNull(indices, "indices");
        int d = features.numCols;
        DMatrixRMaj x = new DMatrixRMaj(indices.length, d);
        int[] y = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            int r = indices[i];
            if (r < 0 || r >= labels.length) {
                throw new IndexOutOfBoundsException("row " + r + " is outside 0.." + (labels.length - 1));
            }
            System.arraycopy(features.data, r * d, x.data, i * d, d);
            y[i] = labels[r];
        }
        return new Dataset(x, y);
    }

    /** The first {@code n} samples (a copy), e.g. {@code train.head(300)} for an over-fitting experiment. */
    public Dataset head(int n) {
        if (n < 0 || n > labels.length) {
            throw new IllegalArgumentException("head(" + n + ") needs 0 ≤ n ≤ " + labels.length + " (the data set size)");
        }
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        return rows(idx);
    }

    /** All samples in a random order drawn with {@code seed} (a copy). */
    public Dataset shuffled(long seed) {
        return rows(Datasets.permutation(labels.length, seed));
    }

    /** The features of sample {@code i} (a copy of row i). */
    public double[] sample(int i) {
        checkIndex(i);
        int d = features.numCols;
        double[] row = new double[d];
        System.arraycopy(features.data, i * d, row, 0, d);
        return row;
    }

    /**
     * Sample {@code i} as a {@code height × width} image, read row-major from its features —
     * e.g. {@code train.image(0, 28, 28)} for Fashion-MNIST, ready for a heat-map plot.
     */
    public double[][] image(int i, int height, int width) {
        checkIndex(i);
        if (height < 1 || width < 1 || (long) height * width != features.numCols) {
            throw new IllegalArgumentException("a " + height + "×" + width + " image needs " + (long) height * width
                    + " features but each sample has " + features.numCols);
        }
        double[][] img = new double[height][width];
        for (int r = 0; r < height; r++) {
            System.arraycopy(features.data, i * features.numCols + r * width, img[r], 0, width);
        }
        return img;
    }

    /** How many samples each class 0 … K−1 has. */
    public int[] classCounts() {
        int[] counts = new int[numClasses()];
        for (int label : labels) {
            counts[label]++;
        }
        return counts;
    }

    private void checkIndex(int i) {
        if (i < 0 || i >= labels.length) {
            throw new IndexOutOfBoundsException("sample " + i + " is outside 0.." + (labels.length - 1));
        }
    }
}
