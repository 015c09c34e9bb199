package dl.surfaces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SurfaceSamplingTest {

    @Test
    void samplesTheSurfaceOverItsPlotRangeRowPerY() {
        Surface bowl = new ElongatedBowl(); // x ∈ [−10, 10], y ∈ [−5, 5]
        dl.calculus.Grid g = bowl.grid(5);
        assertEquals(5, g.xs().length);
        assertEquals(-10, g.xs()[0], 0);
        assertEquals(10, g.xs()[4], 0);
        assertEquals(-5, g.ys()[0], 0);
        assertEquals(2.5, g.ys()[3], 1e-15);
        // z[3][0] is f at x = −10, y = 2.5: 100/20 + 6.25
        assertEquals(11.25, g.z()[3][0], 1e-12);
        assertEquals(0, g.z()[2][2], 0);
    }

    @Test
    void rectangularGridsAndMap() {
        dl.calculus.Grid g = new Saddle().grid(new PlotRange(0, 1, 0, 2), 3, 2).map(v -> 2 * v);
        assertEquals(2, g.z().length);
        assertEquals(3, g.z()[0].length);
        // (x, y) = (1, 2): 2·(1 − 4) = −6
        assertEquals(-6, g.z()[1][2], 1e-15);
    }

    @Test
    void rejectsTooFewPoints() {
        var e = assertThrows(IllegalArgumentException.class, () -> new Saddle().grid(1));
        assertEquals("a grid needs at least 2 points per axis, got 1 × 1", e.getMessage());
    }
}
