package dl.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BinsTest {

    @Test
    void countsValuesIntoEqualWidthBins() {
        // bins over [0, 1] with 4 bins: [0, .25) [.25, .5) [.5, .75) [.75, 1]
        Bins h = Bins.of(new double[] {0, 0.1, 0.25, 0.3, 0.6, 0.75, 1.0, 0.99}, 4, 0, 1);
        assertArrayEquals(new int[] {2, 2, 1, 3}, h.counts());
        assertEquals(0, h.outside());
        assertArrayEquals(new double[] {0.125, 0.375, 0.625, 0.875}, h.centers(), 1e-12);
    }

    @Test
    void valuesOutsideTheRangeAndNaNAreCountedSeparately() {
        Bins h = Bins.of(new double[] {-0.5, 0.5, 2, Double.NaN}, 2, 0, 1);
        assertArrayEquals(new int[] {0, 1}, h.counts());
        assertEquals(3, h.outside());
        assertArrayEquals(new double[] {0, 0.25}, h.fractions(), 1e-12);
    }

    @Test
    void fractionsSumToOneWhenAllValuesAreInside() {
        double[] v = new double[1000];
        for (int i = 0; i < v.length; i++) {
            v[i] = Math.sin(i) * 3;
        }
        double s = 0;
        for (double f : Bins.of(v, 30, -3, 3).fractions()) {
            s += f;
        }
        assertEquals(1.0, s, 1e-12);
    }

    @Test
    void rejectsBadBinsAndRanges() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Bins.of(new double[1], 0, 0, 1))
                .getMessage().contains("bins"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Bins.of(new double[1], 3, 1, 1))
                .getMessage().contains("[1.0, 1.0]"));
    }
}
