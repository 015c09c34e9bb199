package dl.minibatch;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dl.optimizers.Sgd;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Mini-batch descent names bad starts and reports divergence at its update (issue 15). */
class BadInputTest {
    private static void assertMentions(Throwable e, String... parts) {
        for (String p : parts) {
            assertTrue(e.getMessage() != null && e.getMessage().contains(p), "expected '" + p + "' in: " + e.getMessage());
        }
    }

    private static final LeastSquares PROBLEM = LeastSquares.synthetic(50, new double[] {1, -2}, 0.1, 1);

    @Test
    void aNonFiniteStartIsRefused() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> MiniBatchDescent.run(PROBLEM, new Sgd(0.1), new double[] {0, Double.NaN}, 10, 1, 1));
        assertMentions(e, "start[1]", "NaN");
    }

    @Test
    void divergenceIsReportedAtItsUpdateNotAsAnOptimizerError() {
        var e = assertThrows(dl.descent.DivergenceException.class,
                () -> MiniBatchDescent.run(PROBLEM, new Sgd(1e4), new double[] {0, 0}, 10, 50, 1));
        assertMentions(e, "diverged at step " + e.step() + ": ", "(epoch ", "smaller learning rate");
    }

    @Test
    void nullArgumentsAreNamed() {
        assertMentions(assertThrows(NullPointerException.class,
                () -> MiniBatchDescent.run(null, new Sgd(0.1), new double[2], 10, 1, 1)), "problem");
        assertMentions(assertThrows(NullPointerException.class,
                () -> MiniBatchDescent.run(PROBLEM, null, new double[2], 10, 1, 1)), "optimizer");
        assertMentions(assertThrows(NullPointerException.class, () -> new NoisyGradient(null, 0.1, 1)), "f");
        assertMentions(assertThrows(NullPointerException.class, () -> dl.data.Datasets.permutation(3, (Random) null)), "rng");
    }
}
