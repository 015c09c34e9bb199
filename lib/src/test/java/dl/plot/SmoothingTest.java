package dl.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SmoothingTest {

    @Test
    void centredMovingAverageShrinksAtTheEnds() {
        double[] s = Smoothing.movingAverage(new double[] {1, 2, 3, 10, 5}, 3);
        assertArrayEquals(new double[] {1.5, 2, 5, 6, 7.5}, s, 1e-12);
    }

    @Test
    void windowOneIsACopyAndAWindowWiderThanTheDataIsTheMean() {
        double[] y = {4, -2, 7};
        double[] copy = Smoothing.movingAverage(y, 1);
        assertArrayEquals(y, copy);
        assertArrayEquals(new double[] {3, 3, 3}, Smoothing.movingAverage(y, 7), 1e-12);
    }

    @Test
    void smoothingReducesNoiseAroundAConstant() {
        double[] y = new double[200];
        for (int i = 0; i < y.length; i++) {
            y[i] = 1 + (i % 2 == 0 ? 0.5 : -0.5);
        }
        for (double v : Smoothing.movingAverage(y, 21)) {
            assertTrue(Math.abs(v - 1) < 0.05, "smoothed value " + v);
        }
    }

    @Test
    void rejectsEvenOrNonPositiveWindows() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Smoothing.movingAverage(new double[3], 4))
                .getMessage().contains("4"));
        assertThrows(IllegalArgumentException.class, () -> Smoothing.movingAverage(new double[3], 0));
    }
}
