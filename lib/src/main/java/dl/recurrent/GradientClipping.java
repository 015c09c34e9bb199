package dl.recurrent;

import dl.checks.Finite;
import dl.layers.Param;
import dl.checks.Checks;
import java.util.List;

/**
 * Gradient clipping by the global norm, the usual guard of back-propagation through time
 * against an exploding gradient: with g the gradients of all parameters laid end to end,
 * <pre>
 *   if ‖g‖ &gt; threshold:  g ← g · threshold / ‖g‖
 * </pre>
 * — the direction is kept, only the length is capped. Call it between {@code backward} and the
 * optimizer's {@code update}.
 */
public final class GradientClipping {
    private GradientClipping() {
    }

    /** ‖g‖ = √(Σ g²) over every gradient value of {@code params}. */
    public static double globalNorm(List<Param> params) {
        Checks.notNull(params, "params");
        double sum = 0;
        for (Param p : params) {
            double[] g = p.grad().data;
            for (int i = 0; i < p.grad().getNumElements(); i++) {
                sum += g[i] * g[i];
            }
        }
        return Math.sqrt(sum);
    }

    /**
     * Scales every gradient of {@code params} by threshold / ‖g‖ when ‖g‖ exceeds {@code threshold}
     * (in place; otherwise leaves them unchanged) and returns ‖g‖ before clipping.
     */
    public static double clipByGlobalNorm(List<Param> params, double threshold) {
        if (!(threshold > 0) || Double.isInfinite(threshold)) {
            throw new IllegalArgumentException("clipping threshold must be positive and finite, got " + threshold);
        }
        double norm = globalNorm(params);
        if (!Double.isFinite(norm)) {
            throw new IllegalArgumentException("gradient norm is " + norm + ": " + culprit(params)
                    + " — clipping cannot repair them; back-propagation through time exploded: use a smaller learning"
                    + " rate, shorter sequences or clip at every step from the start");
        }
        if (norm > threshold) {
            double scale = threshold / norm;
            for (Param p : params) {
                double[] g = p.grad().data;
                for (int i = 0; i < p.grad().getNumElements(); i++) {
                    g[i] *= scale;
                }
            }
        }
        return norm;
    }

    /** Which gradient is to blame for a non-finite norm: the first NaN or ±∞ (parameter, row, column), else the largest. */
    private static String culprit(List<Param> params) {
        Param largest = null;
        int at = 0;
        for (Param p : params) {
            double[] g = p.grad().data;
            int n = p.grad().getNumElements();
            int cols = Math.max(p.grad().numCols, 1);
            int i = Finite.firstNonFinite(g, n);
            if (i >= 0) {
                return "the gradient of " + p.name() + " (" + p.shape() + ") has " + g[i] + " at row " + i / cols
                        + ", column " + i % cols;
            }
            for (int k = 0; k < n; k++) {
                if (largest == null || Math.abs(g[k]) > Math.abs(largest.grad().data[at])) {
                    largest = p;
                    at = k;
                }
            }
        }
        return largest == null ? "the gradients are not finite" : "the gradients are finite but their squares overflow"
                + " (the largest, " + largest.grad().data[at] + ", is in the gradient of " + largest.name() + ")";
    }
}
