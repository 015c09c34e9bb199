package dl.optimizers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dl.calculus.ScalarFunction;
import dl.surfaces.ElongatedBowl;
import dl.surfaces.Rosenbrock;
import org.junit.jupiter.api.Test;

/**
 * The lectures' look-ahead Nesterov (v ← γv + η∇f(x − γv); x ← x − v) and the PyTorch form
 * (b ← γb + ∇f(θ); θ ← θ − η(∇f(θ) + γb)) are one algorithm under the change of variables
 * θ = x − γ·v, b = v/η (both start with zero velocity, so θ₀ = x₀).
 */
class NesterovFormsTest {

    static void assertSameAlgorithm(ScalarFunction f, double[] start, double lr, double gamma, int steps) {
        NesterovLookahead lookahead = new NesterovLookahead(lr, gamma);
        Nesterov torchForm = new Nesterov(lr, gamma);
        double[] x = start.clone();
        double[] theta = start.clone();
        double scale = Math.max(Math.abs(start[0]), Math.abs(start[1]));
        for (int k = 1; k <= steps; k++) {
            lookahead.step(x, f);
            torchForm.update(theta, f.gradient(theta));
            double[] v = lookahead.velocity(x);
            for (int i = 0; i < x.length; i++) {
                double mapped = x[i] - gamma * v[i]; // θ = x − γv
                double tol = 1e-12 * Math.max(scale, Math.abs(theta[i]));
                if (!(Math.abs(mapped - theta[i]) <= tol)) {
                    fail("step " + k + " coordinate " + i + ": x − γv = " + mapped + " but θ = " + theta[i]);
                }
            }
            assertArrayEquals(lookahead.lookahead(x), new double[] {x[0] - gamma * v[0], x[1] - gamma * v[1]}, 0);
        }
        assertTrue(Double.isFinite(f.value(theta)));
    }

    @Test
    void lookaheadAndTorchFormAgreeOnQuadratic() {
        assertSameAlgorithm(new ElongatedBowl(), new double[] {-7, 2}, 0.1, 0.9, 200);
    }

    @Test
    void lookaheadAndTorchFormAgreeOnRosenbrock() {
        assertSameAlgorithm(new Rosenbrock(), new double[] {-1.2, 1}, 1e-4, 0.9, 500);
        assertSameAlgorithm(new Rosenbrock(), new double[] {0, 2}, 2e-4, 0.8, 300);
    }

    @Test
    void theTwoFormsReportDifferentPointsForTheSameRun() {
        // Same algorithm, different bookkeeping: after a step, x and θ = x − γv differ by γv ≠ 0.
        ScalarFunction f = new ElongatedBowl();
        NesterovLookahead lookahead = new NesterovLookahead(0.1, 0.9);
        double[] x = {-7, 2};
        lookahead.step(x, f);
        // v = 0.1·∇f(−7, 2) = 0.1·(−0.7, 4) = (−0.07, 0.4); x = (−6.93, 1.6)
        assertArrayEquals(new double[] {-0.07, 0.4}, lookahead.velocity(x), 1e-15);
        assertArrayEquals(new double[] {-6.93, 1.6}, x, 1e-15);
        // θ = x − 0.9·v = (−6.867, 1.24); the torch form: b = (−0.7, 4), θ = (−7, 2) − 0.1·1.9·(−0.7, 4)
        double[] theta = {-7, 2};
        new Nesterov(0.1, 0.9).update(theta, f.gradient(-7, 2));
        assertArrayEquals(new double[] {-6.867, 1.24}, theta, 1e-14);
    }

    @Test
    void dlfsBengioFormIsTheTorchFormWithNegatedScaledBuffer() {
        // DLFS: θ += γ²v; θ −= (1+γ)ηg; v ← γv − ηg  (v = −η·b).
        ScalarFunction f = new Rosenbrock();
        double lr = 1e-4;
        double gamma = 0.9;
        double[] a = {-1.2, 1};
        double[] b = a.clone();
        double[] v = new double[2];
        Nesterov nesterov = new Nesterov(lr, gamma);
        for (int k = 1; k <= 300; k++) {
            nesterov.update(a, f.gradient(a));
            double[] g = f.gradient(b);
            for (int i = 0; i < 2; i++) {
                b[i] += gamma * gamma * v[i];
                b[i] -= (1 + gamma) * lr * g[i];
                v[i] = gamma * v[i] - lr * g[i];
            }
            assertEquals(b[0], a[0], 1e-12 * 1.2, "step " + k);
            assertEquals(b[1], a[1], 1e-12 * 1.2, "step " + k);
        }
    }

    @Test
    void lookaheadStateIsPerArrayAndResettable() {
        ScalarFunction f = new ElongatedBowl();
        NesterovLookahead nag = new NesterovLookahead(0.1);
        double[] p = {-7, 2};
        double[] q = {-7, 2};
        nag.step(p, f);
        assertArrayEquals(new double[2], nag.velocity(q), 0);
        nag.step(q, f);
        assertArrayEquals(p, q, 0); // q's first step is a first step, not p's second
        nag.reset();
        assertArrayEquals(new double[2], nag.velocity(p), 0);
        assertEquals("NesterovLookahead(lr=0.1, momentum=0.9)", nag.toString());
    }
}
