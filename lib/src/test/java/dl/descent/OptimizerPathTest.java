package dl.descent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dl.calculus.ScalarFunction;
import dl.optimizers.Adam;
import dl.optimizers.Momentum;
import dl.optimizers.Optimizer;
import dl.optimizers.Sgd;
import dl.surfaces.ElongatedBowl;
import org.junit.jupiter.api.Test;

/** The runner with an optimizer's update rule: the path type and divergence rule of plain gradient descent. */
class OptimizerPathTest {
    /** f(x) = x², ∇f = 2x, so SGD gives x_k = (1 − 2η)^k x₀. */
    private static final ScalarFunction SQUARE = ScalarFunction.of(p -> p[0] * p[0], p -> new double[] {2 * p[0]});

    @Test
    void recordsStartAndEveryIterate() {
        double[] start = {-3, 4};
        ScalarFunction bowl = ScalarFunction.of(p -> p[0] * p[0] + p[1] * p[1],
                p -> new double[] {2 * p[0], 2 * p[1]});
        Path t = GradientDescent.run(new Sgd(0.1), bowl, start, 20);
        assertEquals(20, t.steps());
        assertFalse(t.diverged());
        assertTrue(t.divergence().isEmpty());
        assertArrayEquals(new double[] {-3, 4}, start, 0, "start not modified");
        assertArrayEquals(start, t.point(0), 0);
        // x_k = 0.8^k · x₀
        for (int k = 0; k <= 20; k++) {
            double c = Math.pow(0.8, k);
            assertEquals(-3 * c, t.xs()[k], 1e-12);
            assertEquals(4 * c, t.ys()[k], 1e-12);
            assertEquals(25 * c * c, t.values()[k], 1e-12);
        }
        // DLFS gradient_method: after 20 steps ≈ (−0.0346, 0.0461)
        assertArrayEquals(new double[] {-0.0346, 0.0461}, t.last(), 1e-4);
        assertSame(t, t.requireConvergedTo(new double[] {0, 0}, 0.06));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> t.requireConvergedTo(new double[] {0, 0}, 1e-3));
        assertTrue(e.getMessage().startsWith("not converged after step 20"), e.getMessage());
        // Sgd(η) is plain gradient descent with rate η: the same bits
        assertArrayEquals(GradientDescent.minimize(bowl, start, 0.1, 20).xs(), t.xs(), 0);
        assertEquals("SGD(lr=0.1)", t.method());
        assertTrue(Double.isNaN(t.learningRate()));
    }

    @Test
    void divergesByTheSameRuleAsGradientDescent() {
        // η = 10: x_k = (−19)^k, f = 361^k passes the bound 1e12 (before |x| does) at the first k with 361^k > 1e12
        int expected = 1;
        while (Math.pow(361, expected) <= 1e12) {
            expected++;
        }
        Path t = GradientDescent.run(new Sgd(10), SQUARE, new double[] {1}, 500);
        assertTrue(t.diverged());
        assertEquals(expected, t.stopStep());
        assertEquals(expected - 1, t.steps(), "only finite points are kept");
        for (double v : t.values()) {
            assertTrue(Double.isFinite(v));
        }
        Divergence d = t.divergence().orElseThrow();
        assertEquals(expected, d.step());
        assertEquals("f(x)", d.quantity());
        assertTrue(d.message().startsWith("diverged at step " + expected + ": f(x) = "), d.message());
        assertTrue(d.message().contains("(|f(x)| > 1.0E12) at x = "), d.message());
        DivergenceException e = assertThrows(DivergenceException.class, t::requireNotDiverged);
        assertEquals(d, e.divergence());
        assertEquals(d.message(), e.getMessage());
        assertThrows(DivergenceException.class, () -> t.requireConvergedTo(new double[] {0}, 1e9));
        // and identical to plain gradient descent with the same rate
        assertEquals(GradientDescent.minimize(SQUARE, new double[] {1}, 10, 500).stopMessage(), t.stopMessage());

        // without a bound, the overflow of f = 361^k is named
        int overflow = 1;
        while (Double.isFinite(Math.pow(19, 2 * overflow))) {
            overflow++;
        }
        Path u = new GradientDescent(new Sgd(10), 500).withDivergenceBound(Double.POSITIVE_INFINITY)
                .run(SQUARE, 1);
        assertEquals(overflow, u.stopStep());
        assertTrue(u.stopMessage().startsWith("diverged at step " + overflow + ": f(x) = Infinity"), u.stopMessage());
    }

    @Test
    void nonFiniteIterateIsReportedAndABadStartRefused() {
        Path u = GradientDescent.run(new Sgd(1e300), SQUARE, new double[] {1e10}, 5);
        assertEquals(1, u.stopStep());
        assertEquals("diverged at step 1: x = -Infinity", u.stopMessage());
        // f = √|x| has a finite value but no finite slope at 0: the start is refused, not "diverged"
        ScalarFunction cusp = ScalarFunction.of(p -> Math.sqrt(Math.abs(p[0])),
                p -> new double[] {Math.signum(p[0]) * 0.5 / Math.sqrt(Math.abs(p[0]))});
        var e = assertThrows(IllegalArgumentException.class,
                () -> GradientDescent.run(new Sgd(0.1), cusp, new double[] {0}, 5));
        assertTrue(e.getMessage().contains("f'(x0) = NaN"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> GradientDescent.run(new Sgd(0.1), SQUARE, new double[] {Double.NaN}, 5));
    }

    @Test
    void resetsTheOptimizerSoRunsRepeat() {
        Optimizer adam = new Adam(0.3);
        Path a = GradientDescent.run(adam, new ElongatedBowl(), new double[] {-7, 2}, 30);
        Path b = GradientDescent.run(adam, new ElongatedBowl(), new double[] {-7, 2}, 30);
        assertArrayEquals(a.xs(), b.xs(), 0);
        assertArrayEquals(a.ys(), b.ys(), 0);
    }

    @Test
    void momentumPathIsTheHandWrittenLoop() {
        // v ← γv + η∇f, x ← x − v on x²/20 + y², by hand
        ElongatedBowl f = new ElongatedBowl();
        double[] x = {-7, 2};
        double[] v = new double[2];
        Path p = GradientDescent.run(new Momentum(0.1, 0.9), f, x, 30);
        for (int k = 1; k <= 30; k++) {
            double[] g = f.gradient(x);
            for (int i = 0; i < 2; i++) {
                v[i] = 0.9 * v[i] + 0.1 * g[i];
                x[i] -= v[i];
            }
            assertArrayEquals(x, p.point(k), 1e-12, "step " + k);
        }
        // with a tolerance, an optimizer run stops too
        Path q = new GradientDescent(new Momentum(0.1, 0.9), 100_000).withTolerance(1e-9).run(f, -7, 2);
        assertTrue(q.converged(), q.stopMessage());
        assertTrue(q.steps() < 100_000);
    }
}
