package dl.surfaces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TiltedDoubleWellTest {

    @Test
    void gradientMatchesFiniteDifferences() {
        TiltedDoubleWell f = new TiltedDoubleWell(0.3);
        for (double[] p : new double[][] {{-1.7, 0.4}, {0.2, -1.1}, {1.3, 0.9}}) {
            double[] numeric = SurfacesTest.numericGradient(f, p);
            double[] analytic = f.gradient(p);
            assertEquals(numeric[0], analytic[0], 1e-6);
            assertEquals(numeric[1], analytic[1], 1e-6);
        }
    }

    @Test
    void stationaryPointsAreRootsAndOrdered() {
        TiltedDoubleWell f = new TiltedDoubleWell(0.5);
        double[] global = f.minima().get(0);
        double[] saddle = f.saddlePoint();
        double[] local = f.localMinimum();
        for (double[] p : new double[][] {global, saddle, local}) {
            assertEquals(0, f.gradient(p)[0], 1e-12);
            assertEquals(0, p[1], 0);
        }
        assertTrue(global[0] < -1 && saddle[0] > 0 && saddle[0] < local[0] && local[0] < 1);
        // the left well is deeper, the barrier higher than both wells
        assertTrue(f.value(global) < f.value(local));
        assertTrue(f.value(saddle) > f.value(local));
        // second derivative 12x² − 4: positive at minima, negative at the saddle
        assertTrue(12 * local[0] * local[0] - 4 > 0);
        assertTrue(12 * saddle[0] * saddle[0] - 4 < 0);
    }

    @Test
    void untiltedWellsWouldBeSymmetric() {
        // near t → 0 the minima approach ±1 and the saddle 0
        TiltedDoubleWell f = new TiltedDoubleWell(1e-9);
        assertEquals(-1, f.minima().get(0)[0], 1e-9);
        assertEquals(1, f.localMinimum()[0], 1e-9);
        assertEquals(0, f.saddlePoint()[0], 1e-9);
    }

    @Test
    void rejectsTiltWithoutTwoWells() {
        assertThrows(IllegalArgumentException.class, () -> new TiltedDoubleWell(0));
        var e = assertThrows(IllegalArgumentException.class, () -> new TiltedDoubleWell(2));
        assertTrue(e.getMessage().contains("got 2.0"), e.getMessage());
    }
}
