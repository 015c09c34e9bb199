package dl.optimizers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The first two updates of every optimizer, worked out by hand with fixed gradients g₁, g₂. */
class HandComputedStepsTest {
    private static final double TOL = 1e-12;

    @Test
    void sgd() {
        Optimizer opt = new Sgd(0.1);
        double[] p = {1.0, -2.0};
        opt.update(p, new double[] {0.5, 4});
        // 1 − 0.1·0.5 = 0.95; −2 − 0.1·4 = −2.4
        assertArrayEquals(new double[] {0.95, -2.4}, p, TOL);
        opt.update(p, new double[] {1, -1});
        // 0.95 − 0.1 = 0.85; −2.4 + 0.1 = −2.3
        assertArrayEquals(new double[] {0.85, -2.3}, p, TOL);
    }

    @Test
    void momentum() {
        Optimizer opt = new Momentum(0.1, 0.9);
        double[] p = {1.0};
        opt.update(p, new double[] {2});
        // v = 0.9·0 + 0.1·2 = 0.2; θ = 1 − 0.2 = 0.8
        assertEquals(0.8, p[0], TOL);
        opt.update(p, new double[] {4});
        // v = 0.9·0.2 + 0.1·4 = 0.58; θ = 0.8 − 0.58 = 0.22
        assertEquals(0.22, p[0], TOL);
    }

    @Test
    void nesterov() {
        Optimizer opt = new Nesterov(0.1, 0.9);
        double[] p = {1.0};
        opt.update(p, new double[] {2});
        // b = 0.9·0 + 2 = 2; θ = 1 − 0.1·(2 + 0.9·2) = 1 − 0.38 = 0.62
        assertEquals(0.62, p[0], TOL);
        opt.update(p, new double[] {4});
        // b = 0.9·2 + 4 = 5.8; θ = 0.62 − 0.1·(4 + 0.9·5.8) = 0.62 − 0.922 = −0.302
        assertEquals(-0.302, p[0], TOL);
    }

    @Test
    void adaGradGivesEachElementItsOwnStep() {
        Optimizer opt = new AdaGrad(0.1);
        double[] p = {1.0, 1.0};
        opt.update(p, new double[] {3, 0.5});
        // h = (9, 0.25); θ = 1 − 0.1·3/3 = 0.9 and 1 − 0.1·0.5/0.5 = 0.9 (ε = 1e-10 is below TOL here)
        assertArrayEquals(new double[] {0.9, 0.9}, p, 1e-10);
        opt.update(p, new double[] {4, 0.5});
        // h = (25, 0.5); θ₀ = 0.9 − 0.1·4/5 = 0.82; θ₁ = 0.9 − 0.1·0.5/√0.5 = 0.9 − 0.1/√2
        assertArrayEquals(new double[] {0.82, 0.9 - 0.1 / Math.sqrt(2)}, p, 1e-10);
    }

    @Test
    void rmsProp() {
        Optimizer opt = new RmsProp(0.01, 0.9);
        double[] p = {1.0};
        opt.update(p, new double[] {2});
        // h = 0.9·0 + 0.1·4 = 0.4; θ = 1 − 0.01·2/(√0.4 + 1e-8)
        double theta1 = 1 - 0.01 * 2 / (Math.sqrt(0.4) + 1e-8);
        assertEquals(theta1, p[0], 1e-14);
        opt.update(p, new double[] {4});
        // h = 0.9·0.4 + 0.1·16 = 1.96, √h = 1.4; θ = θ₁ − 0.01·4/(1.4 + 1e-8)
        assertEquals(theta1 - 0.04 / (1.4 + 1e-8), p[0], 1e-14);
        assertEquals(0.9398057948, p[0], 1e-9);
    }

    @Test
    void adam() {
        Optimizer opt = new Adam(0.1);
        double[] p = {1.0};
        opt.update(p, new double[] {2});
        // m = 0.1·2 = 0.2, v = 0.001·4 = 0.004; m̂ = 0.2/0.1 = 2, v̂ = 0.004/0.001 = 4
        // θ = 1 − 0.1·2/(2 + 1e-8) ≈ 0.9: the first Adam step is η·sign(g)
        assertEquals(0.9, p[0], 1e-9);
        opt.update(p, new double[] {4});
        // m = 0.9·0.2 + 0.1·4 = 0.58, v = 0.999·0.004 + 0.001·16 = 0.019996
        // m̂ = 0.58/(1 − 0.81) = 0.58/0.19, v̂ = 0.019996/(1 − 0.998001) = 0.019996/0.001999
        double mHat = 0.58 / 0.19;
        double vHat = 0.019996 / 0.001999;
        assertEquals(0.9 - 0.1 * mHat / (Math.sqrt(vHat) + 1e-8), p[0], 1e-9);
        assertEquals(0.803482, p[0], 1e-6);
    }
}
