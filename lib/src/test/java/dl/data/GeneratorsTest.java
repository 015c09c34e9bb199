package dl.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class GeneratorsTest {
    interface Gen {
        Dataset make(int n, double noise, long seed);
    }

    private static final List<Gen> ALL = List.of(Generators::xor, Generators::twoMoons,
            (n, noise, seed) -> Generators.spirals(n, 3, noise, seed));

    @Test
    void sameSeedGivesSameDataAndOtherSeedDiffers() {
        for (Gen g : ALL) {
            Dataset a = g.make(101, 0.1, 7), b = g.make(101, 0.1, 7), c = g.make(101, 0.1, 8);
            assertArrayEquals(a.features().data, b.features().data, 0.0);
            assertArrayEquals(a.labels(), b.labels());
            assertFalse(Arrays.equals(a.features().data, c.features().data));
        }
    }

    @Test
    void requestedSizeTwoFeaturesAndBalancedClasses() {
        for (int n : new int[] {1, 7, 100, 301}) {
            for (Gen g : ALL) {
                Dataset d = g.make(n, 0.05, 1);
                assertEquals(n, d.size());
                assertEquals(2, d.numFeatures());
                int[] counts = d.classCounts();
                int min = Arrays.stream(counts).min().getAsInt(), max = Arrays.stream(counts).max().getAsInt();
                assertTrue(max - min <= 1, "class sizes " + Arrays.toString(counts) + " for n = " + n);
            }
        }
        assertEquals(5, Generators.spirals(500, 5, 0.0, 0).numClasses());
        assertEquals(2, Generators.twoMoons(10, 0.0, 0).numClasses());
    }

    @Test
    void xorWithoutNoiseIsTheTruthTable() {
        Dataset d = Generators.xor(4, 0.0, 123);
        assertArrayEquals(new double[] {0, 0, 0, 1, 1, 0, 1, 1}, d.features().data, 0.0);
        assertArrayEquals(new int[] {0, 1, 1, 0}, d.labels());
    }

    @Test
    void xorLabelsMatchTheNearestCornerAtSmallNoise() {
        Dataset d = Generators.xor(400, 0.1, 3);
        int agree = 0;
        for (int i = 0; i < d.size(); i++) {
            int a = d.features().get(i, 0) > 0.5 ? 1 : 0, b = d.features().get(i, 1) > 0.5 ? 1 : 0;
            agree += (a ^ b) == d.labels()[i] ? 1 : 0;
        }
        // crossing the 0.5 line needs a 5σ deviation
        assertEquals(400, agree);
    }

    @Test
    void moonsWithoutNoiseLieOnTheirHalfCircles() {
        Dataset d = Generators.twoMoons(200, 0.0, 5);
        for (int i = 0; i < d.size(); i++) {
            double x = d.features().get(i, 0), y = d.features().get(i, 1);
            if (d.labels()[i] == 0) {
                assertEquals(1.0, x * x + y * y, 1e-12);
                assertTrue(y >= 0);
            } else {
                assertEquals(1.0, (x - 1) * (x - 1) + (y - 0.5) * (y - 0.5), 1e-12);
                assertTrue(y <= 0.5);
            }
        }
    }

    @Test
    void spiralArmsGrowOutwardAndAreRotatedCopies() {
        int k = 4, n = 400;
        Dataset d = Generators.spirals(n, k, 0.0, 0);
        for (int i = 0; i < n; i++) {
            double x = d.features().get(i, 0), y = d.features().get(i, 1);
            double r = Math.hypot(x, y);
            assertEquals((i / k + 1) / (double) (n / k), r, 1e-12);
        }
        // the same position on arm 1 is arm 0 rotated by 2π/k (clockwise in (sin, cos) coordinates)
        double x0 = d.features().get(40, 0), y0 = d.features().get(40, 1);
        double x1 = d.features().get(41, 0), y1 = d.features().get(41, 1);
        double a = 2 * Math.PI / k;
        assertEquals(x0 * Math.cos(a) + y0 * Math.sin(a), x1, 1e-12);
        assertEquals(-x0 * Math.sin(a) + y0 * Math.cos(a), y1, 1e-12);
    }

    @Test
    void badArgumentsNameTheParameter() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Generators.xor(0, 0.1, 1));
        assertTrue(e.getMessage().startsWith("n (number of samples) must be at least 1, got 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Generators.twoMoons(10, -0.1, 1));
        assertTrue(e.getMessage().contains("noise") && e.getMessage().contains("-0.1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Generators.twoMoons(10, Double.NaN, 1));
        assertTrue(e.getMessage().contains("NaN"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Generators.spirals(10, 1, 0.1, 1));
        assertEquals("classes must be at least 2, got 1", e.getMessage());
    }
}
