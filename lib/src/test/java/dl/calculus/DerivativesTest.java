package dl.calculus;

import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.function.DoubleUnaryOperator;

import static org.junit.jupiter.api.Assertions.*;

class DerivativesTest {

    private static final double EPS = Math.ulp(1.0);   // 2.2e-16

    // f(x) = 3x³ − 2x + 1 written out here: f' = 9x² − 2, f'' = 18x, f''' = 18
    private static final DoubleUnaryOperator CUBIC = x -> 3 * x * x * x - 2 * x + 1;

    @Test
    void forwardDifferenceIsWithinItsTruncationPlusRoundOffBound() {
        double h = 1e-4;
        for (double x : Grid.linspace(-3, 3, 61)) {
            double exact = 9 * x * x - 2;
            // truncation (h/2)·max|f''| on [x, x+h]; round-off ≈ 2ε·|f|/h; factor 2 for safety
            double bound = 2 * (h / 2 * 18 * (Math.abs(x) + h) + 2 * EPS * (Math.abs(CUBIC.applyAsDouble(x)) + 1) / h);
            double error = Math.abs(Derivatives.forward(CUBIC, x, h) - exact);
            assertTrue(error <= bound, "x = " + x + ": error " + error + " > bound " + bound);
        }
    }

    @Test
    void centralDifferenceIsWithinItsMuchSmallerBound() {
        double h = 1e-4;
        for (double x : Grid.linspace(-3, 3, 61)) {
            double exact = 9 * x * x - 2;
            // truncation (h²/6)·|f'''| = 3h² = 3e-8; round-off ≈ ε·|f|/h
            double bound = 2 * (h * h / 6 * 18 + 2 * EPS * (Math.abs(CUBIC.applyAsDouble(x)) + 1) / h);
            double error = Math.abs(Derivatives.central(CUBIC, x, h) - exact);
            assertTrue(error <= bound, "x = " + x + ": error " + error + " > bound " + bound);
        }
        // sin and exp at many points
        for (double x : Grid.linspace(-5, 5, 101)) {
            assertEquals(Math.cos(x), Derivatives.central(Math::sin, x), 2 * (h * h / 6 + 2 * EPS / h));
            double e = Math.exp(x);
            assertEquals(e, Derivatives.central(Math::exp, x), 2 * (h * h / 6 * e * Math.exp(h) + 2 * EPS * e / h));
        }
    }

    @Test
    void defaultStepIsOneTenThousandth() {
        assertEquals(1e-4, Derivatives.DEFAULT_STEP);
        assertEquals(Derivatives.central(CUBIC, 1.3, 1e-4), Derivatives.central(CUBIC, 1.3));
        assertEquals(Derivatives.forward(CUBIC, 1.3, 1e-4), Derivatives.forward(CUBIC, 1.3));
    }

    @Test
    void forwardErrorIsFirstOrderAndCentralErrorIsSecondOrder() {
        // where truncation dominates, dividing h by 10 divides the error by 10 (forward) or 100 (central)
        double x = 1.0;
        double exact = 7.0;
        double f1 = Math.abs(Derivatives.forward(CUBIC, x, 1e-2) - exact);
        double f2 = Math.abs(Derivatives.forward(CUBIC, x, 1e-3) - exact);
        double c1 = Math.abs(Derivatives.central(CUBIC, x, 1e-2) - exact);
        double c2 = Math.abs(Derivatives.central(CUBIC, x, 1e-3) - exact);
        assertEquals(10, f1 / f2, 0.5);
        assertEquals(100, c1 / c2, 5);
        // the leading terms themselves: forward ≈ (h/2)f''(x) = 9h, central = (h²/6)f''' = 3h² for a cubic
        assertEquals(9e-3, f2, 1e-4);
        assertEquals(3e-6, c2, 1e-9);
    }

    @Test
    void partialDerivativesMatchTheWorkedExample() {
        // f(x, y) = 3xy² + 4x³ − 5y² + 1, f_x = 3y² + 12x², f_y = 6xy − 10y
        ScalarFunction f = p -> 3 * p[0] * p[1] * p[1] + 4 * Math.pow(p[0], 3) - 5 * p[1] * p[1] + 1;
        for (double x : Grid.linspace(-2, 2, 9)) {
            for (double y : Grid.linspace(-2, 2, 9)) {
                double[] p = {x, y};
                assertEquals(3 * y * y + 12 * x * x, Derivatives.partial(f, p, 0), 1e-6, "f_x at " + x + "," + y);
                assertEquals(6 * x * y - 10 * y, Derivatives.partial(f, p, 1), 1e-6, "f_y at " + x + "," + y);
                double[] g = Derivatives.gradient(f, p);
                assertEquals(3 * y * y + 12 * x * x, g[0], 1e-6);
                assertEquals(6 * x * y - 10 * y, g[1], 1e-6);
                assertArrayEquals(new double[] {x, y}, p, "the point must not be changed");
            }
        }
    }

    @Test
    void gradientOfSumOfSquaresMatchesTheBook() {
        ScalarFunction f = p -> p[0] * p[0] + p[1] * p[1];
        assertArrayEquals(new double[] {6, 8}, Derivatives.gradient(f, 3, 4), 1e-7);
        assertArrayEquals(new double[] {0, 4}, Derivatives.gradient(f, 0, 2), 1e-7);
        assertArrayEquals(new double[] {6, 0}, Derivatives.gradient(f, 3, 0), 1e-7);
    }

    @Test
    void directionalDerivativeIsGradientDotUnitDirection() {
        ScalarFunction f = ScalarFunction.of(p -> p[0] * p[0] + p[1] * p[1], p -> new double[] {2 * p[0], 2 * p[1]});
        double[] x = {3, 4};
        assertEquals(10, Derivatives.directional(f, x, new double[] {3, 4}), 1e-12);   // along ∇f: ‖∇f‖
        assertEquals(10, Derivatives.directional(f, x, new double[] {30, 40}), 1e-12); // length does not matter
        assertEquals(0, Derivatives.directional(f, x, new double[] {4, -3}), 1e-12);   // along the level curve
        assertEquals(-10, Derivatives.directional(f, x, new double[] {-3, -4}), 1e-12);
        // against the slope of t ↦ f(x + t·u/‖u‖), and never above ‖∇f‖ = 10
        Random rnd = new Random(42);
        for (int trial = 0; trial < 50; trial++) {
            double[] u = {rnd.nextGaussian(), rnd.nextGaussian()};
            double len = Math.hypot(u[0], u[1]);
            DoubleUnaryOperator alongU = t -> f.value(x[0] + t * u[0] / len, x[1] + t * u[1] / len);
            double d = Derivatives.directional(f, x, u);
            assertEquals(Derivatives.central(alongU, 0), d, 1e-7);
            assertTrue(d <= 10 + 1e-12);
        }
    }

    @Test
    void badInputIsRejectedWithClearMessages() {
        ScalarFunction f = p -> p[0] * p[1];
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Derivatives.directional(f, new double[] {1, 2}, new double[] {0, 0}));
        assertTrue(e.getMessage().contains("zero vector"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Derivatives.directional(f, new double[] {1, 2}, new double[] {1, 0, 0}));
        assertTrue(e.getMessage().contains("3") && e.getMessage().contains("2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Derivatives.central(Math::sin, 1, 0));
        assertTrue(e.getMessage().contains("h") && e.getMessage().contains("0.0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Derivatives.forward(Math::sin, 1, -1e-3));
        assertThrows(IllegalArgumentException.class, () -> Derivatives.forward(Math::sin, 1, Double.NaN));
        e = assertThrows(IllegalArgumentException.class, () -> Derivatives.partial(f, new double[] {1, 2}, 2));
        assertTrue(e.getMessage().contains("i = 2"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Derivatives.gradient(f));
    }
}
