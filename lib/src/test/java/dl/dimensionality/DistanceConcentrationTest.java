package dl.dimensionality;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

class DistanceConcentrationTest {

    @Test
    void nearestAndFarthestOfAHandMadeSet() {
        // distances from the origin: 5, 1, 2
        DistanceConcentration c = DistanceConcentration.of(new double[] {0, 0},
                new double[][] {{3, 4}, {1, 0}, {0, -2}});
        assertEquals(1.0, c.nearest());
        assertEquals(5.0, c.farthest());
        assertEquals(0.2, c.ratio(), 1e-15);
        assertEquals(2, c.dimension());
        assertEquals(3, c.points());
    }

    @Test
    void theRatioTendsToOneAsTheDimensionGrows() {
        double r1 = DistanceConcentration.uniform(1, 500, 42).ratio();
        double r10 = DistanceConcentration.uniform(10, 500, 42).ratio();
        double r1000 = DistanceConcentration.uniform(1000, 500, 42).ratio();
        // in 1-D, 500 points leave gaps of about 1/500 next to the query, while the far end is ≥ 0.5 away
        assertTrue(r1 < 0.05, "d = 1: " + r1);
        assertTrue(r10 > r1 && r1000 > r10, r1 + " " + r10 + " " + r1000);
        // distances in [0,1]^1000 are about √(1000/6) ≈ 12.9 with a spread of about 0.25
        assertTrue(r1000 > 0.8, "d = 1000: " + r1000);
    }

    @Test
    void theSameSeedGivesTheSameMeasurement() {
        assertEquals(DistanceConcentration.uniform(50, 200, 7), DistanceConcentration.uniform(50, 200, 7));
        assertNotEquals(DistanceConcentration.uniform(50, 200, 7), DistanceConcentration.uniform(50, 200, 8));
    }

    @Test
    void badInputIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DistanceConcentration.of(new double[] {0, 0}, new double[][] {{1, 1}, {1, 2, 3}}));
        assertTrue(e.getMessage().contains("point 1 has 3 coordinates but the query has 2"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DistanceConcentration.of(new double[] {0}, new double[0][]));
        e = assertThrows(IllegalArgumentException.class, () -> DistanceConcentration.uniform(0, 10, 1));
        assertTrue(e.getMessage().contains("d must be at least 1, got 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> DistanceConcentration.uniform(3, 0, 1));
        assertTrue(e.getMessage().contains("n must be at least 1, got 0"), e.getMessage());
    }

    @Test
    void shellFractionMatchesHandValuesAndASampledEstimate() {
        assertEquals(0.02, HypercubeShell.volumeFraction(1, 0.01), 1e-15);
        assertEquals(0.75, HypercubeShell.volumeFraction(2, 0.25), 1e-15);
        assertEquals(1.0, HypercubeShell.volumeFraction(5, 0.5), 1e-15);
        // Monte Carlo: the share of uniform points in [0,1]^3 with some coordinate within 0.1 of a face
        Random random = new Random(123);
        int inShell = 0;
        int n = 200_000;
        for (int k = 0; k < n; k++) {
            boolean near = false;
            for (int j = 0; j < 3; j++) {
                double u = random.nextDouble();
                near |= u < 0.1 || u > 0.9;
            }
            inShell += near ? 1 : 0;
        }
        assertEquals((double) inShell / n, HypercubeShell.volumeFraction(3, 0.1), 0.005);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HypercubeShell.volumeFraction(3, 0.6));
        assertTrue(e.getMessage().contains("eps must be between 0 and 0.5, got 0.6"), e.getMessage());
    }
}
