package dl.calculus;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class NormTest {

    @Test
    void lengthOfAThreeFourFiveVector() {
        assertEquals(5.0, Norm.of(3, -4), 1e-15);
        assertEquals(13.0, Norm.of(0, 12, 5), 1e-14);
        assertEquals(2.0, Norm.of(-2), 0);
    }

    @Test
    void zeroAndEmptyVectorsHaveLengthZero() {
        assertEquals(0.0, Norm.of(0, 0, 0), 0);
        assertEquals(0.0, Norm.of(), 0);
    }

    @Test
    void hugeAndTinyEntriesNeitherOverflowNorUnderflow() {
        // squaring 3e200 overflows to ∞ and squaring 3e-200 underflows to 0; the length does not
        assertEquals(5e200, Norm.of(3e200, 4e200), 5e200 * 1e-15);
        assertEquals(5e-200, Norm.of(3e-200, 4e-200), 5e-200 * 1e-15);
    }

    @Test
    void nonFiniteEntriesGiveNaNOrInfinity() {
        assertEquals(Double.POSITIVE_INFINITY, Norm.of(1, Double.NEGATIVE_INFINITY));
        assertTrue(Double.isNaN(Norm.of(1, Double.NaN)));
        assertTrue(Double.isNaN(Norm.of(Double.POSITIVE_INFINITY, Double.NaN)));
    }

    @Test
    void nullIsRejectedByName() {
        NullPointerException e = assertThrows(NullPointerException.class, () -> Norm.of((double[]) null));
        assertTrue(e.getMessage().contains("v"), e.getMessage());
    }
}
