package dl.optimizers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dl.calculus.ScalarFunction;
import org.junit.jupiter.api.Test;

/** Non-finite gradients never pass through an update (issue 15). */
class BadInputTest {
    private static void assertMentions(Throwable e, String... parts) {
        for (String p : parts) {
            assertTrue(e.getMessage() != null && e.getMessage().contains(p), "expected '" + p + "' in: " + e.getMessage());
        }
    }

    @Test
    void everyOptimizerRefusesANonFiniteGradientAndLeavesTheParameterUnchanged() {
        for (String name : Optimizers.NAMES) {
            Optimizer opt = Optimizers.byName(name, 0.1);
            double[] w = {1, 2, 3};
            opt.update(w, new double[] {0.1, 0.1, 0.1});
            double[] before = w.clone();
            for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
                var e = assertThrows(IllegalArgumentException.class, () -> opt.update(w, new double[] {0, bad, 0}), name);
                assertMentions(e, "gradient[1]", String.valueOf(bad), "unchanged");
                assertArrayEquals(before, w, name);
            }
            opt.update(w, new double[] {0.1, 0.1, 0.1}); // its state was not poisoned
            for (double v : w) {
                assertTrue(Double.isFinite(v), name);
            }
        }
    }

    @Test
    void nullArgumentsAreNamed() {
        assertMentions(assertThrows(NullPointerException.class, () -> new Sgd(0.1).update(null, new double[1])), "param");
        assertMentions(assertThrows(NullPointerException.class, () -> new Adam(0.1).update(new double[1], null)), "grad");
        assertMentions(assertThrows(NullPointerException.class, () -> new Adam(0.1, 0.9, 0.999, 1e-8, null)), "placement");
        assertMentions(assertThrows(NullPointerException.class, () -> Optimizers.byName(null, 0.1)), "name");
        assertMentions(assertThrows(NullPointerException.class,
                () -> dl.descent.GradientDescent.run((Optimizer) null, x -> 0, new double[] {1}, 1)), "optimizer");
        assertMentions(assertThrows(NullPointerException.class,
                () -> dl.descent.LearningRateSweep.run("sgd", x -> 0, new double[] {1}, 1, (double[]) null)), "learningRates");
    }
}
