package dl.approximation;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dl.activations.Activation;
import dl.descent.DivergenceException;
import dl.init.Init;
import dl.network.Mlp;
import dl.network.Sequential;
import dl.optimizers.Sgd;
import org.junit.jupiter.api.Test;

/** Issue 29: a curve fit that explodes says whether the data or the learning rate is to blame. */
class BadInputTest {
    private static void assertMentions(Throwable e, String... parts) {
        for (String p : parts) {
            assertTrue(e.getMessage() != null && e.getMessage().contains(p), "expected '" + p + "' in: " + e.getMessage());
        }
    }

    private static Sequential net() {
        return Mlp.of(1, 4, 1).activation(Activation.tanh()).init(Init.xavier()).seed(1).build();
    }

    @Test
    void hugeDataAreBlamedNotTheLearningRate() {
        double[] xs = {0, 1e200, 2};
        double[] ys = {0, 1e200, 4};
        assertMentions(assertThrows(IllegalArgumentException.class, () -> CurveFit.fit(net(), xs, ys, new Sgd(0.01), 50)),
                "CurveFit", "xs[1] = 1.0E200 is too large", "not the learning rate", "scale xs and ys");
    }

    @Test
    void hugeInputsThatOnlySaturateTanhAreRefusedToo() {
        // tanh(w·1e200) = ±1: the loss stays finite, the gradient is 0, and the fit used to learn nothing silently
        double[] xs = {0, 1e200, 2};
        double[] ys = {0, 1, 0.5};
        assertMentions(assertThrows(IllegalArgumentException.class, () -> CurveFit.fit(net(), xs, ys, new Sgd(0.01), 50)),
                "xs[1] = 1.0E200", "saturates every tanh or sigmoid unit", "scale xs and ys");
        assertMentions(assertThrows(IllegalArgumentException.class,
                () -> CurveFit.fit(net(), new double[] {0, 1}, new double[] {-3e151, 1}, new Sgd(0.01), 5)), "ys[0] = -3.0E151");
    }

    @Test
    void aDivergenceBeforeAnyUpdateBlamesTheStartNotTheLearningRate() {
        Sequential n = net();
        n.params().get(0).value().set(0, 0, Double.POSITIVE_INFINITY);
        DivergenceException e = assertThrows(DivergenceException.class,
                () -> CurveFit.fit(n, new double[] {0, 1}, new double[] {0, 1}, new Sgd(0.01), 5));
        assertMentions(e, "diverged at step 0", "mean squared error", "no learning rate is to blame", "starting weights");
    }

    @Test
    void aTooLargeLearningRateIsBlamedWhenTheDataAreModerate() {
        double[] xs = {-1, 0, 1, 2};
        double[] ys = {1, 0, 1, 4};
        DivergenceException e = assertThrows(DivergenceException.class, () -> CurveFit.fit(net(), xs, ys, new Sgd(1e200), 50));
        assertMentions(e, "diverged at step", "the data are moderate", "smaller learning rate than SGD");
        assertTrue(e.step() > 0, "step " + e.step());
    }

    @Test
    void nonFiniteSamplesAreRefusedNamingTheIndex() {
        assertMentions(assertThrows(IllegalArgumentException.class,
                () -> CurveFit.fit(net(), new double[] {0, Double.NaN}, new double[] {0, 1}, new Sgd(0.1), 5)), "xs[1] is NaN");
        assertMentions(assertThrows(IllegalArgumentException.class,
                () -> CurveFit.fit(net(), new double[] {0, 1}, new double[] {Double.POSITIVE_INFINITY, 1}, new Sgd(0.1), 5)),
                "ys[0] is Infinity");
    }
}
