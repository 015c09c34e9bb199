package dl.tensors;

import org.ejml.data.DMatrixRMaj;

/** Input checks shared by the tensor, convolution and recurrent layers: a clear message at the boundary. */
public final class Checks {
    private Checks() {
    }

    /** Throws NullPointerException naming {@code name} when {@code value} is null; returns the value. */
    public static <T> T notNull(T value, String name) {
        if (value == null) {
            throw new NullPointerException(name + " must not be null");
        }
        return value;
    }

    /**
     * Throws IllegalArgumentException naming {@code where}, the row and the column of the first NaN or
     * infinite entry of {@code m}.
     */
    public static void finite(DMatrixRMaj m, String where) {
        notNull(m, where);
        int n = m.getNumElements();
        double[] d = m.data;
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(d[i])) {
                throw new IllegalArgumentException(where + " has " + d[i] + " at row " + i / m.numCols + ", column "
                        + i % m.numCols + " (shape " + m.numRows + "×" + m.numCols + ")");
            }
        }
    }

    /** Throws IllegalArgumentException unless {@code value} ≥ {@code min}. */
    public static int atLeast(int value, int min, String name) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be ≥ " + min + ", got " + value);
        }
        return value;
    }
}
