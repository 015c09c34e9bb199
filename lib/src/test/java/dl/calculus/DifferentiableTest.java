package dl.calculus;

import org.junit.jupiter.api.Test;

import static dl.calculus.Differentiable.*;
import static org.junit.jupiter.api.Assertions.*;

class DifferentiableTest {

    /** The analytic derivative agrees with a central difference (error O(h²) ≈ 1e-8 relative). */
    private static void assertDerivativeMatchesNumerical(Differentiable f, double from, double to) {
        for (double x : Grid.linspace(from, to, 81)) {
            double analytic = f.derivative(x);
            double numerical = Derivatives.central(f::value, x, 1e-5);
            double scale = Math.max(1, Math.max(Math.abs(analytic), Math.abs(f.value(x))));
            assertEquals(numerical, analytic, 1e-6 * scale, f + " at x = " + x);
        }
    }

    @Test
    void chainRuleCubeOfLine() {
        Differentiable f = power(3).compose(linear(2, -1));   // (2x − 1)³
        for (double x : Grid.linspace(-3, 3, 61)) {
            assertEquals(Math.pow(2 * x - 1, 3), f.value(x), 1e-12);
            assertEquals(6 * (2 * x - 1) * (2 * x - 1), f.derivative(x), 1e-9);
        }
        assertDerivativeMatchesNumerical(f, -3, 3);
    }

    @Test
    void productRuleXSinX() {
        Differentiable f = identity().times(sin());
        for (double x : Grid.linspace(-1, 7, 81)) {
            assertEquals(x * Math.sin(x), f.value(x), 1e-15);
            assertEquals(Math.sin(x) + x * Math.cos(x), f.derivative(x), 1e-14);
        }
        assertDerivativeMatchesNumerical(f, -1, 7);
    }

    @Test
    void polynomialCubic() {
        Differentiable f = polynomial(1, -2, 0, 3);   // 3x³ − 2x + 1
        for (double x : Grid.linspace(-3, 3, 61)) {
            assertEquals(3 * x * x * x - 2 * x + 1, f.value(x), 1e-12);
            assertEquals(9 * x * x - 2, f.derivative(x), 1e-12);
        }
        assertEquals("3x^3 − 2x + 1", f.toString());
        assertEquals("x^2 − 4x + 6", polynomial(6, -4, 1).toString());
        assertEquals("2x − 1", linear(2, -1).toString());
        // the same cubic built from blocks: 3·x³ + (−2x + 1)
        Differentiable g = power(3).scale(3).plus(linear(-2, 1));
        for (double x : Grid.linspace(-3, 3, 13)) {
            assertEquals(f.value(x), g.value(x), 1e-12);
            assertEquals(f.derivative(x), g.derivative(x), 1e-12);
        }
    }

    @Test
    void nestedCompositionsMatchNumericalDerivatives() {
        assertDerivativeMatchesNumerical(exp().compose(sin()), -4, 4);                 // e^{sin x}
        assertDerivativeMatchesNumerical(sin().compose(power(2)), -3, 3);              // sin(x²)
        assertDerivativeMatchesNumerical(sin().compose(exp().compose(linear(0.5, 0))), -3, 3);
        assertDerivativeMatchesNumerical(log().compose(polynomial(1, 0, 1)), -3, 3);   // ln(1 + x²)
        assertDerivativeMatchesNumerical(cos().times(exp()).minus(constant(4)), -3, 3);
        assertDerivativeMatchesNumerical(power(0.5), 0.5, 4);
    }

    @Test
    void chainRuleIsOuterDerivativeAtInnerTimesInnerDerivative() {
        Differentiable outer = sin();
        Differentiable inner = polynomial(0, 1, 1);   // x + x²
        Differentiable h = outer.compose(inner);
        for (double x : Grid.linspace(-2, 2, 21)) {
            double t = x + x * x;
            assertEquals(Math.sin(t), h.value(x), 1e-15);
            assertEquals(Math.cos(t) * (1 + 2 * x), h.derivative(x), 1e-14);
        }
        // composition is not commutative
        assertNotEquals(h.value(1.0), inner.compose(outer).value(1.0), 1e-3);
    }

    @Test
    void blocksAndPlottingHelpers() {
        assertEquals(0, constant(5).derivative(3));
        assertEquals(5, constant(5).value(3));
        assertEquals(1, identity().derivative(-7));
        assertEquals(1, power(0).value(3));
        assertArrayEquals(new double[] {0, 1, 4}, power(2).values(new double[] {0, 1, 2}), 1e-15);
        assertArrayEquals(new double[] {0, 2, 4}, power(2).derivatives(new double[] {0, 1, 2}), 1e-15);
        assertEquals("my f", sin().named("my f").toString());
        Differentiable square = Differentiable.of(x -> x * x, x -> 2 * x);
        assertEquals(9, square.value(3));
        assertEquals(6, square.derivative(3));
        assertEquals(36, square.compose(linear(1, 3)).derivative(15));   // 2(x + 3)·1 at x = 15
        assertThrows(IllegalArgumentException.class, () -> polynomial());
        assertThrows(IllegalArgumentException.class, () -> power(Double.NaN));
        assertThrows(NullPointerException.class, () -> sin().compose(null));
    }
}
