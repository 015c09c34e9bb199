package dl.activations;

import org.ejml.data.DMatrixRMaj;

/**
 * Softmax (소프트맥스) on each row: yₖ = e^(zₖ) / Σⱼ e^(zⱼ).
 *
 * <p>Computed as e^(zₖ − m) / Σⱼ e^(zⱼ − m) with m = maxⱼ zⱼ: the result is the same, but no
 * exponent exceeds 0, so logits like 1000 do not overflow. Scores must be finite (−∞ is allowed, it
 * gets probability 0): a NaN or +∞ has no softmax and is refused, naming its row and column.
 */
public final class Softmax {
    private Softmax() {
    }

    /** Softmax of one vector (a new array). */
    public static double[] apply(double... z) {
        java.util.Objects.requireNonNull(z, "z");
        double[] y = new double[z.length];
        row(z, 0, y, 0, z.length);
        return y;
    }

    /** Softmax of every row of {@code z} (a new N × K matrix). */
    public static DMatrixRMaj apply(DMatrixRMaj z) {
        java.util.Objects.requireNonNull(z, "z");
        DMatrixRMaj y = new DMatrixRMaj(z.numRows, z.numCols);
        apply(z, y);
        return y;
    }

    /** Softmax of every row of {@code z} into {@code y} (reshaped to z's shape; may be z itself). */
    public static void apply(DMatrixRMaj z, DMatrixRMaj y) {
        java.util.Objects.requireNonNull(z, "z");
        java.util.Objects.requireNonNull(y, "y");
        y.reshape(z.numRows, z.numCols);
        int k = z.numCols;
        for (int r = 0; r < z.numRows; r++) {
            row(z.data, r * k, y.data, r * k, k);
        }
    }

    /**
     * ln Σⱼ e^(zⱼ) of the k values starting at {@code from}, computed as m + ln Σⱼ e^(zⱼ − m); +∞ if a
     * value is +∞, −∞ if all are −∞, NaN if one is NaN.
     */
    public static double logSumExp(double[] z, int from, int k) {
        java.util.Objects.requireNonNull(z, "z");
        double m = Double.NEGATIVE_INFINITY;
        for (int j = from; j < from + k; j++) {
            m = Math.max(m, z[j]);
        }
        if (Double.isInfinite(m)) {
            return m;
        }
        double s = 0;
        for (int j = from; j < from + k; j++) {
            s += Math.exp(z[j] - m);
        }
        return m + Math.log(s);
    }

    private static void row(double[] z, int zFrom, double[] y, int yFrom, int k) {
        if (k == 0) {
            return;
        }
        double m = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < k; j++) {
            m = Math.max(m, z[zFrom + j]);
        }
        if (!Double.isFinite(m)) {
            int bad = 0;
            while (bad < k - 1 && !(Double.isNaN(z[zFrom + bad]) || z[zFrom + bad] == Double.POSITIVE_INFINITY)) {
                bad++;
            }
            throw new IllegalArgumentException("softmax needs finite scores, but row " + (k == 0 ? 0 : zFrom / k)
                    + (m == Double.NEGATIVE_INFINITY ? " is all −∞" : " has " + z[zFrom + bad] + " in column " + bad));
        }
        double s = 0;
        for (int j = 0; j < k; j++) {
            double e = Math.exp(z[zFrom + j] - m);
            y[yFrom + j] = e;
            s += e;
        }
        for (int j = 0; j < k; j++) {
            y[yFrom + j] /= s;
        }
    }
}
