package dl.optimizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

/** ε inside vs outside the root, with a large ε so the difference is visible in one step. */
class EpsilonPlacementTest {

    @Test
    void adaGrad() {
        double[] out = {0};
        double[] in = {0};
        new AdaGrad(1, 1, EpsilonPlacement.OUTSIDE_ROOT).update(out, new double[] {3});
        new AdaGrad(1, 1, EpsilonPlacement.INSIDE_ROOT).update(in, new double[] {3});
        assertEquals(-3.0 / (3 + 1), out[0], 1e-15); // h = 9: 3/(√9 + 1)
        assertEquals(-3.0 / Math.sqrt(10), in[0], 1e-15); // 3/√(9 + 1)
    }

    @Test
    void rmsProp() {
        double[] out = {0};
        double[] in = {0};
        new RmsProp(1, 0.5, 0.5, EpsilonPlacement.OUTSIDE_ROOT).update(out, new double[] {2});
        new RmsProp(1, 0.5, 0.5, EpsilonPlacement.INSIDE_ROOT).update(in, new double[] {2});
        // h = 0.5·4 = 2
        assertEquals(-2 / (Math.sqrt(2) + 0.5), out[0], 1e-15);
        assertEquals(-2 / Math.sqrt(2.5), in[0], 1e-15);
    }

    @Test
    void adamPutsEpsilonNextToTheCorrectedSecondMoment() {
        double[] out = {0};
        double[] in = {0};
        new Adam(1, 0.9, 0.999, 0.25, EpsilonPlacement.OUTSIDE_ROOT).update(out, new double[] {0.5});
        new Adam(1, 0.9, 0.999, 0.25, EpsilonPlacement.INSIDE_ROOT).update(in, new double[] {0.5});
        // m̂ = 0.5, v̂ = 0.25 after bias correction
        assertEquals(-0.5 / (0.5 + 0.25), out[0], 1e-12);
        assertEquals(-0.5 / Math.sqrt(0.25 + 0.25), in[0], 1e-12);
    }

    @Test
    void withDefaultEpsilonThePlacementsDifferOnlyWhileGradientsAreTiny() {
        double[] out = {0, 0};
        double[] in = {0, 0};
        Adam a = new Adam(0.1);
        Adam b = new Adam(0.1, 0.9, 0.999, 1e-8, EpsilonPlacement.INSIDE_ROOT);
        a.update(out, new double[] {1, 1e-6});
        b.update(in, new double[] {1, 1e-6});
        assertEquals(out[0], in[0], 1e-9); // |g| = 1: ε is invisible either way
        assertNotEquals(out[1], in[1], 1e-3); // |g| = 1e-6: √ε = 1e-4 inside the root dominates
    }
}
