package dl.calculus;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class GridTest {

    @Test
    void linspaceIncludesBothEnds() {
        double[] xs = Grid.linspace(-1, 7, 100);
        assertEquals(100, xs.length);
        assertEquals(-1, xs[0]);
        assertEquals(7, xs[99]);
        assertEquals(8.0 / 99, xs[1] - xs[0], 1e-12);
        assertArrayEquals(new double[] {3}, Grid.linspace(3, 5, 1));
        assertThrows(IllegalArgumentException.class, () -> Grid.linspace(0, 1, 0));
    }

    @Test
    void arangeExcludesTheStopLikeNumpy() {
        double[] xs = Grid.arange(-2, 2.5, 0.25);   // the book's quiver grid
        assertEquals(18, xs.length);
        assertEquals(-2, xs[0]);
        assertEquals(2.25, xs[17]);
        assertArrayEquals(new double[] {0, 1, 2}, Grid.arange(0, 3, 1));
        assertEquals(0, Grid.arange(1, 1, 0.5).length);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Grid.arange(0, 1, 0));
        assertTrue(e.getMessage().contains("step"), e.getMessage());
    }

    @Test
    void logspaceGivesExactDecades() {
        double[] hs = Grid.logspace(-1, -15, 15);
        for (int k = 0; k < 15; k++) {
            assertEquals(Double.parseDouble("1e-" + (k + 1)), hs[k]);
        }
    }

    @Test
    void gridValuesHaveOneRowPerY() {
        double[] xs = {0, 1, 2};
        double[] ys = {10, 20};
        double[][] z = Grid.evaluate((ScalarFunction) p -> p[0] + 100 * p[1], xs, ys);
        assertEquals(2, z.length);
        assertEquals(3, z[0].length);
        assertEquals(2 + 100 * 10, z[0][2]);
        assertEquals(1 + 100 * 20, z[1][1]);
    }
}
