package dl.data;

import org.ejml.data.DMatrixRMaj;

/**
 * Checks that data entering the library are finite numbers: a NaN or ±∞ in the input is
 * refused where it enters, with its row and column, instead of spreading silently (ReLU, for one,
 * turns NaN into 0). Each check is one pass over the values.
 */
public final class Finite {
    private Finite() {
    }

    /** Throws an IllegalArgumentException naming the row and column of the first NaN or ±∞ in {@code m}. */
    public static DMatrixRMaj require(DMatrixRMaj m, String name) {
        java.util.Objects.requireNonNull(m, name);
        double[] v = m.data;
        int n = m.getNumElements();
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(v[i])) {
                int cols = Math.max(m.numCols, 1);
                throw new IllegalArgumentException(name + " (" + m.numRows + "×" + m.numCols + ") has " + v[i]
                        + " at row " + i / cols + ", column " + i % cols + "; data must be finite numbers");
            }
        }
        return m;
    }

    /** Throws an IllegalArgumentException naming the index of the first NaN or ±∞ in {@code v}. */
    public static double[] require(double[] v, String name) {
        java.util.Objects.requireNonNull(v, name);
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) {
                throw new IllegalArgumentException(name + "[" + i + "] is " + v[i] + "; data must be finite numbers");
            }
        }
        return v;
    }

    /** Throws an IllegalArgumentException naming the row and column of the first NaN or ±∞ in {@code v}. */
    public static double[][] require(double[][] v, String name) {
        java.util.Objects.requireNonNull(v, name);
        for (int i = 0; i < v.length; i++) {
            if (v[i] == null) {
                throw new NullPointerException(name + " row " + i + " is null");
            }
            for (int j = 0; j < v[i].length; j++) {
                if (!Double.isFinite(v[i][j])) {
                    throw new IllegalArgumentException(name + " has " + v[i][j] + " at row " + i + ", column " + j
                            + "; data must be finite numbers");
                }
            }
        }
        return v;
    }
}
