package dl.minibatch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dl.surfaces.ElongatedBowl;
import org.junit.jupiter.api.Test;

class NoisyGradientTest {
    private static final ElongatedBowl BOWL = new ElongatedBowl();

    @Test
    void zeroNoiseIsTheExactGradientAndValuesAreExact() {
        NoisyGradient f = new NoisyGradient(BOWL, 0, 1);
        assertArrayEquals(new double[] {-0.7, 4}, f.gradient(-7, 2), 1e-15);
        assertEquals(6.45, new NoisyGradient(BOWL, 3, 1).value(-7, 2), 1e-15);
    }

    @Test
    void noiseHasMeanZeroAndStdSigma() {
        NoisyGradient f = new NoisyGradient(BOWL, 0.5, 7);
        int n = 20000;
        double sum = 0;
        double sumSq = 0;
        for (int k = 0; k < n; k++) {
            double e = f.gradient(0, 0)[1]; // exact gradient 0
            sum += e;
            sumSq += e * e;
        }
        assertEquals(0, sum / n, 0.02);
        assertEquals(0.5, Math.sqrt(sumSq / n), 0.02);
    }

    @Test
    void sameSeedSameNoiseAndEachCallDrawsAgain() {
        NoisyGradient a = new NoisyGradient(BOWL, 1, 3);
        NoisyGradient b = new NoisyGradient(BOWL, 1, 3);
        double[] first = a.gradient(1, 1);
        assertArrayEquals(first, b.gradient(1, 1), 0);
        assertNotEquals(first[0], a.gradient(1, 1)[0]);
    }

    @Test
    void rejectsBadSigma() {
        var e = assertThrows(IllegalArgumentException.class, () -> new NoisyGradient(BOWL, -1, 0));
        assertEquals("noise std sigma must be finite and >= 0, got -1.0", e.getMessage());
    }
}
