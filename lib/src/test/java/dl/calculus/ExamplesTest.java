package dl.calculus;

import dl.descent.GradientDescent;
import dl.descent.Path;
import dl.surfaces.ElongatedBowl;
import dl.surfaces.Saddle;
import org.junit.jupiter.api.Test;

import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

import static dl.calculus.Examples.*;
import static org.junit.jupiter.api.Assertions.*;

class ExamplesTest {

    private static final ElongatedBowl ELLIPTIC_BOWL = new ElongatedBowl(1.0 / 3, 1, 2, 2);
    private static final Saddle SADDLE = new Saddle();

    private static void check1D(Differentiable f, DoubleUnaryOperator value, DoubleUnaryOperator derivative) {
        for (double x : Grid.linspace(-3, 7, 101)) {
            double v = value.applyAsDouble(x);
            double d = derivative.applyAsDouble(x);
            assertEquals(v, f.value(x), 1e-12 * Math.max(1, Math.abs(v)), f + " at " + x);
            assertEquals(d, f.derivative(x), 1e-12 * Math.max(1, Math.abs(d)), f + "' at " + x);
            assertEquals(d, Derivatives.central(f::value, x, 1e-5), 1e-6 * Math.max(1, Math.abs(v)));
        }
    }

    @Test
    void oneVariableExamplesHaveTheirAnalyticDerivatives() {
        check1D(QUADRATIC, x -> x * x - 4 * x + 6, x -> 2 * x - 4);
        check1D(X_SIN_X, x -> x * Math.sin(x), x -> Math.sin(x) + x * Math.cos(x));
        check1D(CUBIC, x -> 3 * x * x * x - 2 * x + 1, x -> 9 * x * x - 2);
        check1D(CHAIN_CUBE, x -> Math.pow(2 * x - 1, 3), x -> 6 * (2 * x - 1) * (2 * x - 1));
        check1D(DLFS_QUADRATIC, x -> 0.01 * x * x + 0.1 * x, x -> 0.02 * x + 0.1);
        assertEquals(2, QUADRATIC.value(2));       // (x − 2)² + 2
        assertEquals(0, QUADRATIC.derivative(2));
        assertEquals("x·sin x", X_SIN_X.toString());
    }

    private static void check2D(ScalarFunction f, DoubleBinaryOperator value, DoubleBinaryOperator fx, DoubleBinaryOperator fy) {
        for (double x : Grid.linspace(-3, 3, 13)) {
            for (double y : Grid.linspace(-3, 3, 13)) {
                assertEquals(value.applyAsDouble(x, y), f.value(x, y), 1e-12);
                assertEquals(value.applyAsDouble(x, y), f.value(new double[] {x, y}), 1e-12);
                if (f instanceof Function2D f2) {
                    assertEquals(fx.applyAsDouble(x, y), f2.partialX(x, y), 1e-12);
                    assertEquals(fy.applyAsDouble(x, y), f2.partialY(x, y), 1e-12);
                }
                double[] g = f.gradient(x, y);
                assertArrayEquals(new double[] {fx.applyAsDouble(x, y), fy.applyAsDouble(x, y)}, g, 1e-12);
                // the analytic partials agree with central differences
                assertEquals(Derivatives.partial(f, new double[] {x, y}, 0), g[0], 1e-6);
                assertEquals(Derivatives.partial(f, new double[] {x, y}, 1), g[1], 1e-6);
            }
        }
    }

    @Test
    void twoVariableExamplesAndSurfacesHaveTheirAnalyticPartials() {
        check2D(POLYNOMIAL_2D, (x, y) -> 3 * x * y * y + 4 * x * x * x - 5 * y * y + 1,
                (x, y) -> 3 * y * y + 12 * x * x, (x, y) -> 6 * x * y - 10 * y);
        check2D(ELLIPTIC_BOWL, (x, y) -> 3 * (x - 2) * (x - 2) + (y - 2) * (y - 2),
                (x, y) -> 6 * (x - 2), (x, y) -> 2 * (y - 2));
        check2D(SADDLE, (x, y) -> x * x - y * y, (x, y) -> 2 * x, (x, y) -> -2 * y);
        check2D(SUM_OF_SQUARES, (x, y) -> x * x + y * y, (x, y) -> 2 * x, (x, y) -> 2 * y);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SUM_OF_SQUARES.value(1, 2, 3));
        assertTrue(e.getMessage().contains("2 coordinates") && e.getMessage().contains("3"), e.getMessage());
        assertEquals("3(x − 2)² + (y − 2)²", ELLIPTIC_BOWL.toString());
        assertEquals("x²/20 + y²", new ElongatedBowl().toString());
    }

    @Test
    void saddleHasZeroGradientButIsNotAMinimum() {
        assertArrayEquals(new double[] {0, 0}, SADDLE.gradient(0, 0), 0.0);
        assertTrue(SADDLE.value(0.1, 0) > 0);
        assertTrue(SADDLE.value(0, 0.1) < 0);
        // gradient descent started exactly on the x-axis slides into the saddle point...
        Path onAxis = GradientDescent.minimize(SADDLE, new double[] {1, 0}, 0.1, 200);
        assertEquals(0, onAxis.last()[0], 1e-15);
        assertEquals(0, onAxis.last()[1]);
        // ...but the smallest offset in y grows and escapes
        Path off = GradientDescent.minimize(SADDLE, new double[] {1, 1e-6}, 0.1, 200);
        assertTrue(off.diverged() || Math.abs(off.last()[1]) > 1, off.stopMessage());
    }

    @Test
    void bowlMinimumIsAtTwoTwo() {
        Path p = new GradientDescent(0.1, 10_000).withTolerance(1e-12).run(ELLIPTIC_BOWL, -1, 5);
        assertTrue(p.converged(), p.stopMessage());
        assertArrayEquals(new double[] {2, 2}, p.last(), 1e-11);
        assertEquals(0, p.lastValue(), 1e-20);
    }
}
