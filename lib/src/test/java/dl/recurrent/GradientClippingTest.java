package dl.recurrent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dl.layers.Param;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class GradientClippingTest {

    private static Param param(String name, double... grad) {
        DMatrixRMaj g = new DMatrixRMaj(1, grad.length);
        g.data = grad.clone();
        return new Param(name, new DMatrixRMaj(1, grad.length), g, true);
    }

    @Test
    void globalNormIsOverAllParameters() {
        assertEquals(13.0, GradientClipping.globalNorm(List.of(param("a", 3, 4), param("b", 12))), 1e-12);
    }

    @Test
    void longGradientIsScaledToTheThresholdKeepingItsDirection() {
        Param a = param("a", 3, 4);
        Param b = param("b", 12);
        double before = GradientClipping.clipByGlobalNorm(List.of(a, b), 6.5);
        assertEquals(13.0, before, 1e-12);
        assertArrayEquals(new double[] {1.5, 2.0}, a.grad().data, 1e-12);
        assertArrayEquals(new double[] {6.0}, b.grad().data, 1e-12);
        assertEquals(6.5, GradientClipping.globalNorm(List.of(a, b)), 1e-12);
    }

    @Test
    void shortGradientIsLeftAlone() {
        Param a = param("a", 0.3, -0.4);
        assertEquals(0.5, GradientClipping.clipByGlobalNorm(List.of(a), 1.0), 1e-12);
        assertArrayEquals(new double[] {0.3, -0.4}, a.grad().data, 0);
    }

    @Test
    void badThresholdOrGradientIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> GradientClipping.clipByGlobalNorm(List.of(param("a", 1)), 0));
        assertThrows(IllegalArgumentException.class,
                () -> GradientClipping.clipByGlobalNorm(List.of(param("a", 1)), Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class,
                () -> GradientClipping.clipByGlobalNorm(List.of(param("a", Double.NaN)), 1));
        // 1e200² overflows: the norm is ∞, and scaling by 1/∞ would zero the gradient without a word
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GradientClipping.clipByGlobalNorm(List.of(param("a", 1e200)), 1));
        assertTrue(e.getMessage().contains("Infinity"), e.getMessage());
    }
}
