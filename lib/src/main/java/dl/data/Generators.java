package dl.data;

import java.util.Random;

import org.ejml.data.DMatrixRMaj;

/**
 * Small two-dimensional toy problems for decision-boundary plots. Every generator takes the
 * number of samples {@code n}, a {@code noise} level — the standard deviation σ of Gaussian
 * noise N(0, σ²) added to each coordinate — and a {@code seed}; the same arguments always give
 * the same data. Classes are as balanced as {@code n} allows (sizes differ by at most one).
 */
public final class Generators {
    private Generators() {
    }

    /**
     * XOR (배타적 논리합): sample i sits at corner i mod 4 of the unit square —
     * (0,0), (0,1), (1,0), (1,1) — plus noise, with label x₁ XOR x₂ (1 when exactly one
     * coordinate is 1). {@code xor(4, 0, seed)} is the truth table. No straight line separates
     * the classes, so a perceptron fails and a hidden layer is needed.
     */
    public static Dataset xor(int n, double noise, long seed) {
        check(n, noise);
        Random rng = new Random(seed);
        DMatrixRMaj x = new DMatrixRMaj(n, 2);
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            int a = (i % 4) / 2, b = i % 2;
            x.set(i, 0, a + noise * rng.nextGaussian());
            x.set(i, 1, b + noise * rng.nextGaussian());
            y[i] = a ^ b;
        }
        return new Dataset(x, y);
    }

    /**
     * Two interleaving half circles ("two moons"): class 0 on (cos t, sin t), class 1 on
     * (1 − cos t, ½ − sin t), with t uniform in [0, π], plus noise. Samples alternate between
     * the classes.
     */
    public static Dataset twoMoons(int n, double noise, long seed) {
        check(n, noise);
        Random rng = new Random(seed);
        DMatrixRMaj x = new DMatrixRMaj(n, 2);
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            double t = Math.PI * rng.nextDouble();
            int c = i % 2;
            double px = c == 0 ? Math.cos(t) : 1 - Math.cos(t);
            double py = c == 0 ? Math.sin(t) : 0.5 - Math.sin(t);
            x.set(i, 0, px + noise * rng.nextGaussian());
            x.set(i, 1, py + noise * rng.nextGaussian());
            y[i] = c;
        }
        return new Dataset(x, y);
    }

    /**
     * {@code classes} interleaved spiral arms. Sample i belongs to class k = i mod K; along its
     * arm the radius r runs evenly over (0, 1] and the angle is θ = 2πk/K + 4r (radians); the
     * point is r·(sin θ, cos θ) plus noise. With noise 0 the data do not depend on the seed.
     * Noise ≈ 0.02–0.05 gives a problem that needs a non-linear boundary but is learnable.
     */
    public static Dataset spirals(int n, int classes, double noise, long seed) {
        check(n, noise);
        if (classes < 2) {
            throw new IllegalArgumentException("classes must be at least 2, got " + classes);
        }
        Random rng = new Random(seed);
        DMatrixRMaj x = new DMatrixRMaj(n, 2);
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            int k = i % classes;
            int perClass = (n - k + classes - 1) / classes; // samples in class k
            int j = i / classes;                              // position along the arm
            double r = (j + 1) / (double) perClass;
            double theta = 2 * Math.PI * k / classes + 4 * r;
            x.set(i, 0, r * Math.sin(theta) + noise * rng.nextGaussian());
            x.set(i, 1, r * Math.cos(theta) + noise * rng.nextGaussian());
            y[i] = k;
        }
        return new Dataset(x, y);
    }

    private static void check(int n, double noise) {
        if (n < 1) {
            throw new IllegalArgumentException("n (number of samples) must be at least 1, got " + n);
        }
        if (!(noise >= 0) || Double.isInfinite(noise)) {
            throw new IllegalArgumentException("noise (standard deviation) must be a finite number ≥ 0, got " + noise);
        }
    }
}
