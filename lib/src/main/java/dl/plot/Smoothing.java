package dl.plot;

/**
 * Smoothing of a noisy curve such as the mini-batch loss of every iteration: the centred
 * moving average s_i = mean(y_j for |j − i| ≤ h) with h = (window − 1)/2, over the values that exist
 * (near the ends the window shrinks, so the result has the same length as the input). A NaN or ±∞
 * stays local: only the windows that contain it are NaN or ±∞, every other point is the exact mean.
 */
public final class Smoothing {
    private Smoothing() {
    }

    /** The centred moving average with an odd {@code window} ≥ 1 (window 1 returns a copy). */
    public static double[] movingAverage(double[] ys, int window) {
        if (window < 1 || window % 2 == 0) {
            throw new IllegalArgumentException("window must be an odd number ≥ 1, got " + window);
        }
        java.util.Objects.requireNonNull(ys, "ys");
        int h = (window - 1) / 2;
        int n = ys.length;
        double[] prefix = new double[n + 1];
        int[] bad = new int[n + 1]; // prefix count of non-finite values, which the prefix sums skip
        for (int i = 0; i < n; i++) {
            boolean finite = Double.isFinite(ys[i]);
            prefix[i + 1] = prefix[i] + (finite ? ys[i] : 0);
            bad[i + 1] = bad[i] + (finite ? 0 : 1);
        }
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            int from = Math.max(0, i - h);
            int to = Math.min(n, i + h + 1);
            if (bad[to] > bad[from]) {
                double sum = 0;
                for (int j = from; j < to; j++) {
                    sum += ys[j];
                }
                s[i] = sum / (to - from);
            } else {
                s[i] = (prefix[to] - prefix[from]) / (to - from);
            }
        }
        return s;
    }
}
