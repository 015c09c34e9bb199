package dl.data;

import org.ejml.data.DMatrixRMaj;

/**
 * A labelled data set (데이터셋): one sample per row of {@code features} (N × D) and one class
 * index per sample in {@code labels} (length N, values 0 … K−1).
 */
public record Dataset(DMatrixRMaj features, int[] labels) {

    public Dataset {
        if (features.numRows != labels.length) {
            throw new IllegalArgumentException("features have " + features.numRows + " rows (" + features.numRows + "×"
                    + features.numCols + ") but there are " + labels.length + " labels");
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0) {
                throw new IllegalArgumentException("label " + i + " is negative: " + labels[i]);
            }
        }
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
}
