package dl.checks;

import org.ejml.data.DMatrixRMaj;

/**
 * Checks that data entering the library are finite numbers: a NaN or ±∞ in the input is
 * refused where it enters, with its row and column, instead of surfacing later as a NaN loss far
 * from its cause. Each check is one pass over the values, without a branch per value while they are
 * finite.
 */
public final class Finite {
    private Finite() {
    }

    /** Throws an IllegalArgumentException naming the row and column of the first NaN or ±∞ in {@code m}. */
    public static DMatrixRMaj require(DMatrixRMaj m, String name) {
        java.util.Objects.requireNonNull(m, name);
        double[] v = m.data;
        int i = firstNonFinite(v, m.getNumElements());
        if (i >= 0) {
            int cols = Math.max(m.numCols, 1);
            throw new IllegalArgumentException(name + " (" + m.numRows + "×" + m.numCols + ") has " + v[i]
                    + " at row " + i / cols + ", column " + i % cols + "; data must be finite numbers");
        }
        return m;
    }

    /** Throws an IllegalArgumentException naming the index of the first NaN or ±∞ in {@code v}. */
    public static double[] require(double[] v, String name) {
        java.util.Objects.requireNonNull(v, name);
        int i = firstNonFinite(v, v.length);
        if (i >= 0) {
            throw new IllegalArgumentException(name + "[" + i + "] is " + v[i] + "; data must be finite numbers");
        }
        return v;
    }

    /**
     * The index of the first NaN or ±∞ among v[0 … n−1], or −1 if all are finite. When they are (the
     * usual case) it is one pass without a branch per value, a loop the JIT compiler turns into vector
     * instructions: a double is NaN or ±∞ exactly when its 11 exponent bits are all ones, and then
     * adding 1 to the exponent field carries into the sign bit.
     */
    public static int firstNonFinite(double[] v, int n) {
        java.util.Objects.requireNonNull(v, "v");
        if (allFinite(v, n)) {
            return -1;
        }
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(v[i])) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The check after a computation {@code result} = f(inputs): when the result holds a NaN or ±∞ (found in one
     * pass without a branch per value), throws an IllegalArgumentException naming the first input that has one
     * (its row and column) or, when every input is finite, the entry of the result that overflowed and the
     * largest input value, blaming the data's scale. {@code names[k]} names {@code inputs[k]}.
     */
    public static void requireResult(String where, DMatrixRMaj result, String[] names, DMatrixRMaj... inputs) {
        int i = firstNonFinite(result.data, result.getNumElements());
        if (i < 0) {
            return;
        }
        double largest = 0;
        String largestAt = "";
        for (int k = 0; k < inputs.length; k++) {
            require(inputs[k], where + ": " + names[k]);
            double[] v = inputs[k].data;
            int cols = Math.max(inputs[k].numCols, 1);
            for (int j = 0; j < inputs[k].getNumElements(); j++) {
                if (Math.abs(v[j]) > Math.abs(largest)) {
                    largest = v[j];
                    largestAt = names[k] + " at row " + j / cols + ", column " + j % cols;
                }
            }
        }
        int cols = Math.max(result.numCols, 1);
        throw new IllegalArgumentException(where + ": the result (" + result.numRows + "×" + result.numCols + ") is "
                + result.data[i] + " at row " + i / cols + ", column " + i % cols + " although every input is finite:"
                + " the values are too large (the largest is " + largest + ", " + largestAt + "); scale the data"
                + " (e.g. with a Standardizer)");
    }

    private static boolean allFinite(double[] v, int n) {
        long carry = 0;
        for (int i = 0; i < n; i++) {
            carry |= (Double.doubleToRawLongBits(v[i]) & EXPONENT) + EXPONENT_ONE;
        }
        return carry >= 0;
    }

    private static final long EXPONENT = 0x7ff0_0000_0000_0000L;
    private static final long EXPONENT_ONE = 0x0010_0000_0000_0000L;

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
