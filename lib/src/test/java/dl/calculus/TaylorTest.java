package dl.calculus;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class TaylorTest {

    @Test
    void tangentLineOfTheCubic() {
        Differentiable f = Differentiable.polynomial(1, -2, 0, 3);   // 3x³ − 2x + 1
        TangentLine t = TangentLine.of(f, 1.0);
        assertEquals(2, t.value());       // f(1) = 3 − 2 + 1
        assertEquals(7, t.slope());       // f'(1) = 9 − 2
        assertEquals(-5, t.intercept());  // 2 − 7·1
        assertEquals(2, t.at(1.0));
        assertEquals(7 * 3 - 5, t.at(3.0));
        assertArrayEquals(new double[] {-5, 2}, t.at(new double[] {0, 1}));
        assertEquals("y = 7.0·x − 5.0  (tangent at x0 = 1.0)", t.toString());
        // first-order: the gap f(x₀+d) − line(x₀+d) ≈ f''(x₀)/2·d² = 9d²
        for (double d : new double[] {1e-2, 1e-3, -1e-3}) {
            double gap = f.value(1 + d) - t.at(1 + d);
            assertEquals(9, gap / (d * d), 0.1, "d = " + d);
        }
    }

    @Test
    void numericalTangentReproducesTheBookSlopes() {
        // "Deep Learning from Scratch" gradient_1d: f = 0.01x² + 0.1x, slopes 0.2 at 5 and 0.3 at 10
        TangentLine at5 = TangentLine.of(x -> 0.01 * x * x + 0.1 * x, 5);
        TangentLine at10 = TangentLine.of(x -> 0.01 * x * x + 0.1 * x, 10);
        assertEquals(0.2, at5.slope(), 1e-9);
        assertEquals(0.3, at10.slope(), 1e-9);
        assertEquals(0.75, at5.value(), 1e-12);
        assertEquals(0.75 - 0.2 * 5, at5.intercept(), 1e-9);
    }

    @Test
    void tangentPlanePredictsTheChangeOfCost() {
        // C(w) = 3(w₁ − 2)² + (w₂ − 2)², ∇C = (6(w₁ − 2), 2(w₂ − 2))
        ScalarFunction c = ScalarFunction.of(
                w -> 3 * (w[0] - 2) * (w[0] - 2) + (w[1] - 2) * (w[1] - 2),
                w -> new double[] {6 * (w[0] - 2), 2 * (w[1] - 2)});
        TangentPlane plane = TangentPlane.of(c, 0, 0);
        assertEquals(16, plane.value());
        assertArrayEquals(new double[] {-12, -4}, plane.gradient());
        assertEquals(16 - 12 * 0.1 - 4 * 0.2, plane.at(0.1, 0.2), 1e-12);
        // ΔC ≈ ∇C·ΔW, with an error of order ‖ΔW‖²
        double[] dw = {1e-3, -2e-3};
        double actual = c.value(dw) - c.value(0, 0);
        assertEquals(actual, plane.change(dw), 1e-5);
        assertEquals(3e-6 + 4e-6, actual - plane.change(dw), 1e-12);   // exactly 3Δw₁² + Δw₂² for this quadratic
        // ΔW = −η∇C lowers C by about η‖∇C‖²
        double eta = 0.01;
        double[] g = plane.gradient();
        double[] step = {-eta * g[0], -eta * g[1]};
        double predicted = plane.change(step);
        assertEquals(-eta * (144 + 16), predicted, 1e-12);
        double newCost = c.value(step);
        assertTrue(newCost < 16);
        assertEquals(predicted, newCost - 16, 0.1 * Math.abs(predicted));
    }

    @Test
    void tangentPlaneChecksLengths() {
        TangentPlane p = TangentPlane.of(x -> x[0] * x[1], 1, 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> p.at(1, 2, 3));
        assertTrue(e.getMessage().contains("3") && e.getMessage().contains("2"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> p.change(1));
        assertThrows(IllegalArgumentException.class, () -> TangentPlane.of(x -> 0));
    }
}
