package dl.calculus;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class StepSizeStudyTest {

    @Test
    void defaultStepsAreTheDecadesFromOneTenthToTenToTheMinusFifteen() {
        StepSizeStudy s = StepSizeStudy.of(Math::exp, 1, Math.E);
        double[] hs = s.hs();
        assertEquals(15, hs.length);
        assertEquals(1e-1, hs[0]);
        assertEquals(1e-4, hs[3]);
        assertEquals(1e-15, hs[14]);
        assertEquals(15, s.forwardErrors().length);
        assertEquals(15, s.centralErrors().length);
    }

    @Test
    void centralBeatsForwardAtTheDefaultStepAndBothCurvesAreVShaped() {
        for (double x : new double[] {0.5, 1.0, 2.0}) {
            StepSizeStudy s = StepSizeStudy.of(Math::exp, x, Math.exp(x));
            StepSizeStudy.Row atDefault = s.rows().get(3);
            assertEquals(1e-4, atDefault.h());
            assertTrue(atDefault.centralError() < atDefault.forwardError() / 100, s.toString());

            // truncation side: the error falls from h = 1e-1 to the best h ...
            double[] fwd = s.forwardErrors();
            double[] cen = s.centralErrors();
            double bestF = s.bestForwardStep();
            double bestC = s.bestCentralStep();
            // ... which theory puts near √ε ≈ 1e-8 (forward) and ∛ε ≈ 1e-5 (central)
            assertTrue(bestF >= 1e-9 && bestF <= 1e-7, "best forward h " + bestF + "\n" + s);
            assertTrue(bestC >= 1e-7 && bestC <= 1e-4, "best central h " + bestC + "\n" + s);
            // round-off side: at h = 1e-15 the error is far larger again than at the best h
            double minF = min(fwd);
            double minC = min(cen);
            assertTrue(fwd[14] > 1000 * minF, s.toString());
            assertTrue(cen[14] > 1000 * minC, s.toString());
            assertTrue(fwd[0] > 1000 * minF && cen[0] > 1000 * minC, s.toString());
        }
    }

    private static double min(double[] v) {
        double m = Double.POSITIVE_INFINITY;
        for (double x : v) {
            m = Math.min(m, x);
        }
        return m;
    }

    @Test
    void customStepsAreUsedInOrder() {
        StepSizeStudy s = StepSizeStudy.of(Math::sin, 1, Math.cos(1), new double[] {1e-2, 1e-3});
        assertArrayEquals(new double[] {1e-2, 1e-3}, s.hs());
        assertEquals(Math.abs(Derivatives.forward(Math::sin, 1, 1e-3) - Math.cos(1)), s.forwardErrors()[1]);
        assertThrows(IllegalArgumentException.class, () -> StepSizeStudy.of(Math::sin, 1, Double.NaN));
        assertThrows(IllegalArgumentException.class,
                () -> StepSizeStudy.of(Math::sin, 1, Math.cos(1), new double[] {1e-2, -1}));
    }
}
