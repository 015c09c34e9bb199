package dl.minibatch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dl.surfaces.PlotRange;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class LeastSquaresTest {
    /** Rows (1, 2), (3, 4), targets 1, 2. */
    private static final LeastSquares TINY = new LeastSquares(new double[][] {{1, 2}, {3, 4}}, new double[] {1, 2});

    @Test
    void lossAndGradientByHand() {
        double[] w = {1, 0};
        // residuals xᵢ·w − yᵢ: 1 − 1 = 0 and 3 − 2 = 1
        // full: L = (0² + 1²)/(2·2) = 0.25, ∇L = (0·(1,2) + 1·(3,4))/2 = (1.5, 2)
        assertEquals(0.25, TINY.value(w), 1e-15);
        assertArrayEquals(new double[] {1.5, 2}, TINY.gradient(w), 1e-15);
        // batch {1}: L = 1/2, ∇L = (3, 4)
        assertEquals(0.5, TINY.loss(w, new int[] {1}), 1e-15);
        assertArrayEquals(new double[] {3, 4}, TINY.gradient(w, new int[] {1}), 1e-15);
        // batch {0}: exact fit
        assertEquals(0, TINY.loss(w, new int[] {0}), 0);
        // exactly determined system: w = (0, 0.5)
        assertArrayEquals(new double[] {0, 0.5}, TINY.minima().get(0), 1e-12);
    }

    @Test
    void syntheticDataIsSeeded() {
        double[] wStar = {2, -3};
        LeastSquares a = LeastSquares.synthetic(50, wStar, 0.1, 7);
        LeastSquares b = LeastSquares.synthetic(50, wStar, 0.1, 7);
        LeastSquares c = LeastSquares.synthetic(50, wStar, 0.1, 8);
        for (int i = 0; i < 50; i++) {
            assertArrayEquals(a.features(i), b.features(i), 0);
            assertEquals(a.target(i), b.target(i), 0);
        }
        assertFalse(Arrays.equals(a.features(0), c.features(0)));
        // noise-free: y = X·w* exactly
        LeastSquares exact = LeastSquares.synthetic(20, wStar, 0, 3);
        for (int i = 0; i < 20; i++) {
            double[] x = exact.features(i);
            assertEquals(2 * x[0] - 3 * x[1], exact.target(i), 1e-12);
        }
        assertArrayEquals(wStar, exact.minima().get(0), 1e-10);
    }

    @Test
    void gradientMatchesFiniteDifferencesOnABatch() {
        LeastSquares p = LeastSquares.synthetic(100, new double[] {1, -2, 0.5}, 0.3, 11);
        int[] batch = {3, 17, 42, 42, 99};
        double[] w = {0.3, 0.1, -1};
        double[] g = p.gradient(w, batch);
        for (int j = 0; j < 3; j++) {
            double h = 1e-6;
            double[] up = w.clone();
            double[] down = w.clone();
            up[j] += h;
            down[j] -= h;
            double numeric = (p.loss(up, batch) - p.loss(down, batch)) / (2 * h);
            assertEquals(numeric, g[j], 1e-7);
        }
    }

    @Test
    void fullLossIsTheMeanOfSampleLosses() {
        LeastSquares p = LeastSquares.synthetic(30, new double[] {1, 1}, 0.5, 5);
        double[] w = {0.2, -0.4};
        double sum = 0;
        double[] gSum = new double[2];
        for (int i = 0; i < 30; i++) {
            sum += p.loss(w, new int[] {i});
            double[] gi = p.gradient(w, new int[] {i});
            gSum[0] += gi[0];
            gSum[1] += gi[1];
        }
        assertEquals(sum / 30, p.value(w), 1e-12);
        assertArrayEquals(new double[] {gSum[0] / 30, gSum[1] / 30}, p.gradient(w), 1e-12);
    }

    @Test
    void minimumIsStationaryAndNearTheTrueWeights() {
        double[] wStar = {2, -3};
        LeastSquares p = LeastSquares.synthetic(500, wStar, 0.1, 1);
        double[] w = p.minima().get(0);
        double[] g = p.gradient(w);
        assertEquals(0, Math.hypot(g[0], g[1]), 1e-12);
        assertArrayEquals(wStar, w, 0.03);
        assertTrue(p.value(w) < p.value(wStar));
        PlotRange r = p.plotRange();
        assertEquals(w[0] - 3, r.xMin(), 1e-15);
        assertEquals(w[1] + 3, r.yMax(), 1e-15);
    }

    @Test
    void badInputIsNamed() {
        assertEquals("features have 2 rows but targets have 3", assertThrows(IllegalArgumentException.class,
                () -> new LeastSquares(new double[][] {{1}, {2}}, new double[] {1, 2, 3})).getMessage());
        assertEquals("row 0 has 2 features but row 1 has 1", assertThrows(IllegalArgumentException.class,
                () -> new LeastSquares(new double[][] {{1, 2}, {2}}, new double[] {1, 2})).getMessage());
        assertEquals("weights have 3 values but samples have 2 features", assertThrows(IllegalArgumentException.class,
                () -> TINY.value(1, 2, 3)).getMessage());
        assertEquals("row index 2 out of range [0, 2)", assertThrows(IllegalArgumentException.class,
                () -> TINY.loss(new double[] {1, 1}, new int[] {0, 2})).getMessage());
        assertThrows(IllegalArgumentException.class, () -> TINY.loss(new double[] {1, 1}, new int[0]));
        IllegalArgumentException rank = assertThrows(IllegalArgumentException.class,
                () -> new LeastSquares(new double[][] {{1, 2}, {2, 4}, {3, 6}}, new double[] {1, 2, 3}));
        assertTrue(rank.getMessage().contains("rank-deficient"), rank.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LeastSquares.synthetic(0, new double[] {1}, 0, 1));
    }
}
