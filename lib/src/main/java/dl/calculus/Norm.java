package dl.calculus;

import java.util.Objects;

/**
 * The Euclidean norm ‖v‖ = √(v₁² + … + vₙ²): the length of a vector, e.g. of a gradient
 * ‖∇f(x)‖ or of a step ‖xₖ₊₁ − xₖ‖.
 *
 * <p>Computed as s·√(Σ (vᵢ/s)²) with s = maxᵢ |vᵢ|, so entries near 1e200 do not overflow when
 * squared. The result is NaN if an entry is NaN, otherwise +∞ if an entry is infinite.
 */
public final class Norm {

    private Norm() {
    }

    /** ‖v‖ = √(Σ vᵢ²); 0 for the zero vector and for an empty one. */
    public static double of(double... v) {
        Objects.requireNonNull(v, "v must not be null");
        double scale = 0;
        for (double vi : v) {
            scale = Math.max(scale, Math.abs(vi));
        }
        if (scale == 0 || !Double.isFinite(scale)) {
            return scale;
        }
        double sum = 0;
        for (double vi : v) {
            double r = vi / scale;
            sum += r * r;
        }
        return scale * Math.sqrt(sum);
    }
}
