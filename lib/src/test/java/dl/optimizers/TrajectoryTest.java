package dl.optimizers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dl.calculus.ScalarFunction;
import dl.surfaces.ElongatedBowl;
import dl.surfaces.Rosenbrock;
import org.junit.jupiter.api.Test;

class TrajectoryTest {
    /** f(x) = x², ∇f = 2x, so SGD gives x_k = (1 − 2η)^k x₀. */
    private static final ScalarFunction SQUARE = ScalarFunction.of(p -> p[0] * p[0], p -> new double[] {2 * p[0]});

    @Test
    void recordsStartAndEveryIterate() {
        double[] start = {-3, 4};
        ScalarFunction bowl = ScalarFunction.of(p -> p[0] * p[0] + p[1] * p[1],
                p -> new double[] {2 * p[0], 2 * p[1]});
        Trajectory t = Trajectory.run(new Sgd(0.1), bowl, start, 20);
        assertEquals(20, t.steps());
        assertFalse(t.diverged());
        assertEquals(-1, t.divergedAt());
        assertEquals("", t.divergence());
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
    }

    @Test
    void stopsAtTheFirstNonFiniteValueAndNamesTheStep() {
        // η = 10: x_k = (−19)^k, f = 361^k overflows at the first k with 19^(2k) > Double.MAX_VALUE.
        int expected = 1;
        while (Double.isFinite(Math.pow(19, 2 * expected))) {
            expected++;
        }
        Trajectory t = Trajectory.run(new Sgd(10), SQUARE, new double[] {1}, 500);
        assertTrue(t.diverged());
        assertEquals(expected, t.divergedAt());
        assertEquals(expected - 1, t.steps(), "only finite points are kept");
        for (double v : t.values()) {
            assertTrue(Double.isFinite(v));
        }
        IllegalStateException e = assertThrows(IllegalStateException.class, t::requireFinite);
        assertTrue(e.getMessage().startsWith("diverged at step " + expected + ": f = Infinity"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> t.requireConvergedTo(new double[] {0}, 1e9));
    }

    @Test
    void nonFiniteIterateOrGradientIsReported() {
        // f = √|x| has a finite value but no finite slope at 0.
        ScalarFunction cusp = ScalarFunction.of(p -> Math.sqrt(Math.abs(p[0])),
                p -> new double[] {Math.signum(p[0]) * 0.5 / Math.sqrt(Math.abs(p[0]))});
        Trajectory t = Trajectory.run(new Sgd(0.1), cusp, new double[] {0}, 5);
        assertEquals(1, t.divergedAt());
        assertEquals(0, t.steps());
        assertTrue(t.divergence().startsWith("diverged at step 1: gradient [NaN]"), t.divergence());
        Trajectory u = Trajectory.run(new Sgd(1e300), SQUARE, new double[] {1e10}, 5);
        assertEquals(1, u.divergedAt());
        assertTrue(u.divergence().equals("diverged at step 1: iterate [-Infinity]"), u.divergence());
        assertThrows(IllegalArgumentException.class,
                () -> Trajectory.run(new Sgd(0.1), SQUARE, new double[] {Double.NaN}, 5));
    }

    @Test
    void resetsTheOptimizerSoRunsRepeat() {
        Optimizer adam = new Adam(0.3);
        Trajectory a = Trajectory.run(adam, new ElongatedBowl(), new double[] {-7, 2}, 30);
        Trajectory b = Trajectory.run(adam, new ElongatedBowl(), new double[] {-7, 2}, 30);
        assertArrayEquals(a.xs(), b.xs(), 0);
        assertArrayEquals(a.ys(), b.ys(), 0);
    }

    @Test
    void lookaheadTrajectoryRecordsX() {
        NesterovLookahead nag = new NesterovLookahead(1e-3, 0.9);
        Trajectory t = Trajectory.run(nag, new Rosenbrock(), new double[] {-1.2, 1}, 200);
        double[] x = {-1.2, 1};
        NesterovLookahead other = new NesterovLookahead(1e-3, 0.9);
        for (int k = 0; k < 200; k++) {
            other.step(x, new Rosenbrock());
        }
        assertArrayEquals(x, t.last(), 0);
        assertTrue(t.values()[200] < t.values()[0]);
    }
}
