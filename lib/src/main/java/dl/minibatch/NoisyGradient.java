package dl.minibatch;

import dl.calculus.ScalarFunction;
import java.util.Random;

/**
 * A function whose gradient comes with noise, the way a mini-batch gradient is the full
 * gradient plus a random error: ∇̃f(x) = ∇f(x) + σ·ξ with ξ ~ N(0, I) drawn from
 * {@code new Random(seed)}. Values f(x) are exact.
 *
 * <p>Every call to {@link #gradient} draws fresh noise, so the object has state: build a new one
 * (same seed) to repeat a run exactly.
 */
public final class NoisyGradient implements ScalarFunction {
    private final ScalarFunction f;
    private final double sigma;
    private final Random rng;

    /**
     * @param f     the function whose exact gradient is perturbed
     * @param sigma noise standard deviation σ ≥ 0
     * @param seed  seed of the noise
     */
    public NoisyGradient(ScalarFunction f, double sigma, long seed) {
        if (!(sigma >= 0) || Double.isInfinite(sigma)) {
            throw new IllegalArgumentException("noise std sigma must be finite and >= 0, got " + sigma);
        }
        this.f = java.util.Objects.requireNonNull(f, "f");
        this.sigma = sigma;
        this.rng = new Random(seed);
    }

    public double sigma() {
        return sigma;
    }

    @Override
    public double value(double... x) {
        return f.value(x);
    }

    @Override
    public double[] gradient(double... x) {
        double[] g = f.gradient(x).clone();
        for (int i = 0; i < g.length; i++) {
            g[i] += sigma * rng.nextGaussian();
        }
        return g;
    }

    @Override
    public String toString() {
        return f + " with gradient noise σ = " + sigma;
    }
}
