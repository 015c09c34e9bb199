package dl.recurrent;

import dl.layers.Param;
import dl.tensors.Checks;
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
            throw new IllegalArgumentException("gradient norm is " + norm + ": the gradients are not finite"
                    + " (a NaN, or values whose squares overflow) — clipping cannot repair them");
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
}
