package dl.descent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dl.surfaces.ElongatedBowl;
import org.junit.jupiter.api.Test;

class LearningRateSweepTest {
    private static final ElongatedBowl BOWL = new ElongatedBowl();
    private static final double[] START = {-7, 2};

    @Test
    void sgdOnTheBowlFollowsTheClosedForm() {
        // SGD on x²/20 + y²: x_k = (1 − η/10)^k x₀, y_k = (1 − 2η)^k y₀.
        double[] rates = {0.1, 0.5};
        LearningRateSweep s = LearningRateSweep.run("sgd", BOWL, START, 10, rates);
        for (int k = 0; k < rates.length; k++) {
            double x = Math.pow(1 - rates[k] / 10, 10) * -7;
            double y = Math.pow(1 - 2 * rates[k], 10) * 2;
            assertEquals(x * x / 20 + y * y, s.finalValues()[k], 1e-12);
        }
        assertEquals(0.5, s.bestRate(), 0);
        assertArrayEquals(new int[] {-1, -1}, s.divergedAt());
    }

    @Test
    void divergedRunsAreNaNAndListed() {
        // η = 1e3: |1 − 2η| ≈ 2e3 per step, so y overflows within ~100 steps; η = 0.1 converges.
        LearningRateSweep s = LearningRateSweep.run("sgd", BOWL, START, 200, 0.1, 1e3);
        assertTrue(Double.isNaN(s.finalValues()[1]));
        assertTrue(s.divergedAt()[1] > 0 && s.divergedAt()[1] <= 200);
        assertArrayEquals(new double[] {1e3}, s.divergedRates(), 0);
        assertEquals(0.1, s.bestRate(), 0);
        assertEquals("LearningRateSweep(sgd, 2 rates, 1 diverged)", s.toString());
        assertTrue(s.divergences().get(0).isEmpty());
        Divergence d = s.divergences().get(1).orElseThrow();
        assertEquals(s.divergedAt()[1], d.step());
        assertTrue(d.message().startsWith("diverged at step " + d.step() + ": "), d.message());
    }

    @Test
    void allDivergedHasNoBestRate() {
        LearningRateSweep s = LearningRateSweep.run("sgd", BOWL, START, 200, 1e3);
        assertTrue(Double.isNaN(s.bestRate()));
    }

    @Test
    void rejectsEmptySweepAndUnknownOptimizer() {
        assertThrows(IllegalArgumentException.class, () -> LearningRateSweep.run("sgd", BOWL, START, 10));
        assertThrows(IllegalArgumentException.class, () -> LearningRateSweep.run("lion", BOWL, START, 10, 0.1));
    }
}
