package dl.descent;

import dl.calculus.Differentiable;
import dl.calculus.ScalarFunction;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

import static org.junit.jupiter.api.Assertions.*;

class GradientDescentTest {

    private static final DoubleUnaryOperator F = x -> x * x - 4 * x + 6;
    private static final DoubleUnaryOperator DF = x -> 2 * x - 4;

    private static final ScalarFunction SUM_OF_SQUARES = ScalarFunction.of(
            p -> p[0] * p[0] + p[1] * p[1], p -> new double[] {2 * p[0], 2 * p[1]});

    @Test
    void iteratesAreExactlyTheUpdateRule() {
        for (double lr : new double[] {0.2, 0.01, 0.7}) {
            Path path = GradientDescent.minimize(F, DF, 4.0, lr, 10);
            double x = 4.0;
            double[] expected = new double[11];
            expected[0] = x;
            for (int k = 1; k <= 10; k++) {
                x = x - lr * (2 * x - 4);
                expected[k] = x;
            }
            assertArrayEquals(expected, path.xs(), 0.0, "lr = " + lr);   // bit for bit
            assertEquals(10, path.steps());
            assertEquals(StopReason.MAX_ITERATIONS, path.stopReason());
            for (int k = 0; k <= 10; k++) {
                assertEquals(F.applyAsDouble(expected[k]), path.value(k), 0.0);
                assertEquals(DF.applyAsDouble(expected[k]), path.gradient(k)[0], 0.0);
            }
            // the analytic Differentiable version gives the same bits
            Differentiable q = Differentiable.polynomial(6, -4, 1);
            assertArrayEquals(expected, GradientDescent.minimize(q, 4.0, lr, 10).xs(), 0.0);
        }
        // lr 0.2: x_k − 2 = 2·0.6^k
        Path p = GradientDescent.minimize(F, DF, 4.0, 0.2, 10);
        assertEquals(2 + 2 * Math.pow(0.6, 10), p.lastX(), 1e-12);
        assertArrayEquals(new double[] {p.lastX()}, p.last(), 0.0, "1-D is the case n = 1");
        assertEquals(1, p.dimension());
    }

    @Test
    void learningRateOneOscillatesForeverAndIsNotConverged() {
        Path path = new GradientDescent(1.0, 1000).withTolerance(1e-8).run(F, DF, 4.0);
        double[] xs = path.xs();
        assertEquals(1001, xs.length);
        for (int k = 0; k < xs.length; k++) {
            assertEquals(k % 2 == 0 ? 4.0 : 0.0, xs[k], 0.0, "x_" + k);
        }
        assertEquals(StopReason.MAX_ITERATIONS, path.stopReason());
        assertFalse(path.converged());
        assertFalse(path.diverged());
        IllegalStateException e = assertThrows(IllegalStateException.class, path::requireConverged);
        assertTrue(e.getMessage().contains("not converged"), e.getMessage());
        assertSame(path, path.requireNotDiverged());
    }

    @Test
    void smallLearningRateConvergesByStepTolerance() {
        double lr = 0.2;
        double tol = 1e-8;
        Path path = new GradientDescent(lr, 1000).withTolerance(tol).run(F, DF, 4.0);
        assertEquals(StopReason.SMALL_STEP, path.stopReason());
        assertTrue(path.converged());
        // the first k with |x_k − x_{k−1}| ≤ tol, computed here independently
        double x = 4.0;
        int expectedStep = 0;
        while (true) {
            double next = x - lr * (2 * x - 4);
            expectedStep++;
            if (Math.abs(next - x) <= tol) {
                break;
            }
            x = next;
        }
        assertEquals(expectedStep, path.stopStep());
        assertEquals(expectedStep, path.steps());
        // x_k − 2 = 0.6·(x_{k−1} − 2) and the step is 0.4·(x_{k−1} − 2), so |x_k − 2| = 1.5·|step|
        assertEquals(2, path.lastX(), 1.5 * tol);
        assertSame(path, path.requireConverged());
        assertTrue(path.stopMessage().startsWith("converged at step " + expectedStep), path.stopMessage());
    }

    @Test
    void startingAtTheMinimumStopsAtStepZero() {
        Path path = new GradientDescent(0.2, 10).withTolerance(0).run(F, DF, 2.0);
        assertEquals(StopReason.SMALL_GRADIENT, path.stopReason());
        assertEquals(0, path.steps());
        assertEquals(2.0, path.lastX());
        // without a tolerance every one of the maxIterations steps is made
        Path all = new GradientDescent(0.2, 10).run(F, DF, 2.0);
        assertEquals(StopReason.MAX_ITERATIONS, all.stopReason());
        assertEquals(10, all.steps());
        assertTrue(all.stopMessage().contains("no tolerance set"), all.stopMessage());
        assertEquals(2.0, path.lastValue());
    }

    @Test
    void learningRateAboveOneDivergesAndNamesTheStep() {
        double lr = 1.5;
        Path path = GradientDescent.minimize(F, DF, 4.0, lr, 1000);
        // independent loop: the first k where |x_k| or |f(x_k)| passes 1e12
        List<Double> ok = new ArrayList<>();
        double x = 4.0;
        ok.add(x);
        int k = 0;
        while (true) {
            x = x - lr * (2 * x - 4);
            k++;
            if (Math.abs(x) > 1e12 || Math.abs(F.applyAsDouble(x)) > 1e12) {
                break;
            }
            ok.add(x);
        }
        assertEquals(StopReason.DIVERGED, path.stopReason());
        assertTrue(path.diverged());
        assertEquals(k, path.stopStep());
        assertEquals(k - 1, path.steps(), "only the iterates before the failing step are stored");
        assertArrayEquals(ok.stream().mapToDouble(Double::doubleValue).toArray(), path.xs(), 0.0);
        assertTrue(path.stopMessage().startsWith("diverged at step " + k + ": "), path.stopMessage());
        assertTrue(path.stopMessage().contains("1.0E12"), path.stopMessage());
        DivergenceException e = assertThrows(DivergenceException.class, path::requireConverged);
        assertEquals(k, e.step());
        assertTrue(Math.abs(e.value()) > 1e12);
        assertEquals(path.stopMessage(), e.getMessage());
        assertThrows(DivergenceException.class, path::requireNotDiverged);
        for (double v : path.values()) {
            assertTrue(Double.isFinite(v));
        }
    }

    @Test
    void withoutABoundTheOverflowIsStillReportedNotHidden() {
        double lr = 1.5;
        Path path = new GradientDescent(lr, 100_000).withDivergenceBound(Double.POSITIVE_INFINITY).run(F, DF, 4.0);
        double x = 4.0;
        int k = 0;
        do {
            x = x - lr * (2 * x - 4);
            k++;
        } while (Double.isFinite(x) && Double.isFinite(F.applyAsDouble(x)) && Double.isFinite(DF.applyAsDouble(x)));
        assertEquals(StopReason.DIVERGED, path.stopReason());
        assertEquals(k, path.stopStep());
        assertTrue(path.stopMessage().contains("Infinity"), path.stopMessage());
    }

    @Test
    void nanFromTheFunctionIsReportedAtTheRightStep() {
        // f = ln x, f' = 1/x: x_{k+1} = x_k − 1/x_k walks left until x ≤ 0 where ln is NaN or −∞
        Path path = new GradientDescent(1.0, 50).run(Differentiable.log(), 2.0);
        double x = 2.0;
        int k = 0;
        while (x > 0) {
            x = x - 1 / x;
            k++;
        }
        assertEquals(StopReason.DIVERGED, path.stopReason());
        assertEquals(k, path.stopStep());
        assertTrue(path.stopMessage().startsWith("diverged at step " + k + ": f(x) = NaN"), path.stopMessage());

        // a derivative that turns NaN
        DoubleUnaryOperator df = t -> t >= 0 ? 2 * t : Math.sqrt(t);
        Path p2 = new GradientDescent(0.75, 10).run(t -> t * t, df, 1.0);
        assertEquals(1, p2.stopStep());
        assertTrue(p2.stopMessage().contains("f'(x) = NaN at x = -0.5"), p2.stopMessage());

        // n-D: f(x, y) = ln x + y²
        ScalarFunction g = ScalarFunction.of(p -> Math.log(p[0]) + p[1] * p[1], p -> new double[] {1 / p[0], 2 * p[1]});
        Path pn = new GradientDescent(1.0, 50).run(g, 2.0, 1.0);
        assertEquals(StopReason.DIVERGED, pn.stopReason());
        assertEquals(k, pn.stopStep());
        assertTrue(pn.stopMessage().startsWith("diverged at step " + k + ": f(x) = NaN"), pn.stopMessage());
        DivergenceException e = assertThrows(DivergenceException.class, pn::requireNotDiverged);
        assertTrue(Double.isNaN(e.value()));
    }

    @Test
    void bookGradientMethodReproduction() {
        // "Deep Learning from Scratch" gradient_method: x0² + x1², start (−3, 4), lr 0.1, 20 steps
        Path path = GradientDescent.minimize(SUM_OF_SQUARES, new double[] {-3, 4}, 0.1, 20);
        double[] last = path.last();
        // closed form: each step multiplies x by (1 − 2·0.1) = 0.8
        assertEquals(Math.pow(0.8, 20) * -3, last[0], 1e-15);
        assertEquals(Math.pow(0.8, 20) * 4, last[1], 1e-15);
        assertEquals(-0.0346, last[0], 5e-5);   // the book's printed result
        assertEquals(0.0461, last[1], 5e-5);
        assertEquals(21, path.xs().length);
        assertEquals(-3, path.xs()[0]);
        assertEquals(4, path.ys()[0]);
        assertEquals(25, path.value(0));
        assertArrayEquals(new double[] {-6, 8}, path.gradient(0));
        assertEquals(10, path.gradientNorms()[0], 1e-15);

        // bit-for-bit against the update written out
        double[] x = {-3, 4};
        for (int k = 1; k <= 20; k++) {
            x = new double[] {x[0] - 0.1 * (2 * x[0]), x[1] - 0.1 * (2 * x[1])};
            assertArrayEquals(x, path.point(k), 0.0);
        }

        // with the default numerical gradient of ScalarFunction the result agrees closely
        ScalarFunction numeric = p -> p[0] * p[0] + p[1] * p[1];
        assertArrayEquals(last, GradientDescent.minimize(numeric, new double[] {-3, 4}, 0.1, 20).last(), 1e-9);
    }

    @Test
    void bookLearningRatesTooLargeAndTooSmall() {
        Path big = GradientDescent.minimize(SUM_OF_SQUARES, new double[] {-3, 4}, 10, 100);
        // x_k = (−19)^k x₀; f = 25·361^k passes 1e12 first
        int k = 0;
        double[] x = {-3, 4};
        while (true) {
            x = new double[] {x[0] - 10 * 2 * x[0], x[1] - 10 * 2 * x[1]};
            k++;
            if (Math.max(Math.abs(x[0]), Math.abs(x[1])) > 1e12 || x[0] * x[0] + x[1] * x[1] > 1e12) {
                break;
            }
        }
        assertEquals(StopReason.DIVERGED, big.stopReason());
        assertEquals(k, big.stopStep());
        assertTrue(big.stopMessage().startsWith("diverged at step " + k), big.stopMessage());

        Path tiny = GradientDescent.minimize(SUM_OF_SQUARES, new double[] {-3, 4}, 1e-10, 100);
        assertArrayEquals(new double[] {-3, 4}, tiny.last(), 1e-7);
        assertEquals(StopReason.MAX_ITERATIONS, tiny.stopReason());
    }

    @Test
    void nDimensionalConvergenceToTheBowlMinimum() {
        ScalarFunction bowl = ScalarFunction.of(
                p -> 3 * (p[0] - 2) * (p[0] - 2) + (p[1] - 2) * (p[1] - 2),
                p -> new double[] {6 * (p[0] - 2), 2 * (p[1] - 2)});
        Path path = new GradientDescent(0.1, 10_000).withTolerance(1e-10).run(bowl, 0, 0);
        assertTrue(path.converged(), path.stopMessage());
        assertArrayEquals(new double[] {2, 2}, path.last(), 1e-9);
        double[] values = path.values();
        for (int k = 1; k < values.length; k++) {
            assertTrue(values[k] <= values[k - 1], "f must decrease at step " + k);
        }
    }

    @Test
    void badArgumentsAreRejectedWithTheirNameAndValue() {
        for (double lr : new double[] {0, -0.1, Double.NaN, Double.POSITIVE_INFINITY}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> GradientDescent.minimize(F, DF, 4.0, lr, 10));
            assertTrue(e.getMessage().contains("learning rate must be a positive finite number") && e.getMessage().contains(String.valueOf(lr)),
                    e.getMessage());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new GradientDescent(0.1, -1));
        assertTrue(e.getMessage().contains("maxIterations") && e.getMessage().contains("-1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new GradientDescent(0.1, 5).withTolerance(-1e-3));
        assertTrue(e.getMessage().contains("tolerance"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new GradientDescent(0.1, 5).withDivergenceBound(Double.NaN));
        assertTrue(e.getMessage().contains("divergenceBound"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> GradientDescent.minimize(F, DF, Double.NaN, 0.1, 5));
        assertTrue(e.getMessage().contains("x0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new GradientDescent(0.1, 5).run(Differentiable.log(), -1.0));
        assertTrue(e.getMessage().contains("f(x0) = NaN"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> GradientDescent.minimize(SUM_OF_SQUARES, new double[0], 0.1, 5));
        assertTrue(e.getMessage().contains("x0"), e.getMessage());
        ScalarFunction wrong = ScalarFunction.of(p -> p[0], p -> new double[] {1, 2, 3});
        e = assertThrows(IllegalArgumentException.class, () -> GradientDescent.minimize(wrong, new double[] {1, 1}, 0.1, 5));
        assertTrue(e.getMessage().contains("3 components") && e.getMessage().contains("2 coordinates"), e.getMessage());
    }

    @Test
    void pathsReturnCopiesAndCheckIndices() {
        Path p = GradientDescent.minimize(F, DF, 4.0, 0.2, 3);
        p.xs()[0] = 99;
        assertEquals(4.0, p.point(0)[0]);
        IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, () -> p.point(4));
        assertTrue(e.getMessage().contains("0..3"), e.getMessage());
        Path q = GradientDescent.minimize(SUM_OF_SQUARES, new double[] {1, 2}, 0.1, 2);
        q.points()[0][0] = 99;
        assertEquals(1, q.point(0)[0]);
        assertThrows(IndexOutOfBoundsException.class, () -> q.coordinate(2));
        assertTrue(p.report().contains("x = 4.0"), p.report());
        assertTrue(p.toString().contains("3 steps"));
    }
}
