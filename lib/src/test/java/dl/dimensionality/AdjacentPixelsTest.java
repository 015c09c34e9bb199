package dl.dimensionality;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

class AdjacentPixelsTest {

    @Test
    void aLinearRampIsPerfectlyCorrelatedAndAStripePatternPerfectlyAnticorrelated() {
        double[][] ramp = {{0, 1, 2, 3}, {0, 1, 2, 3}};         // pairs (0,1),(1,2),(2,3): y = x + 1
        assertEquals(1.0, AdjacentPixels.correlation(ramp), 1e-12);
        double[][] stripes = {{0, 1, 0, 1, 0}, {1, 0, 1, 0, 1}}; // every neighbour is the opposite
        assertEquals(-1.0, AdjacentPixels.correlation(stripes), 1e-12);
    }

    @Test
    void aHandComputedSmallCase() {
        // pairs (1,2), (2,4), (3,3): x̄ = 2, ȳ = 3, cov = (−1)(−1)+0·1+1·0 = 1, var x = 2, var y = 2 → r = 0.5
        double[][] a = {{1, 2, 4}};
        double[][] b = {{3, 3}};
        assertEquals(0.5, AdjacentPixels.correlation(a, b), 1e-12);
    }

    @Test
    void independentRandomPixelsAreNearlyUncorrelated() {
        Random random = new Random(5);
        double[][] img = new double[100][100];
        for (double[] row : img) {
            for (int c = 0; c < row.length; c++) {
                row[c] = random.nextDouble();
            }
        }
        // 9 900 pairs: the standard error of r is about 1/√9900 ≈ 0.01
        assertEquals(0.0, AdjacentPixels.correlation(img), 0.05);
    }

    @Test
    void constantOrTooSmallImagesAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AdjacentPixels.correlation(new double[][] {{2, 2, 2}}));
        assertTrue(e.getMessage().contains("constant"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> AdjacentPixels.correlation(new double[][] {{1, 2}}));
        assertTrue(e.getMessage().contains("at least 2 neighbour pairs"), e.getMessage());
    }
}
