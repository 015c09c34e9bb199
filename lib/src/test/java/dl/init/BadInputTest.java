package dl.init;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dl.activations.Activation;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** The initialization helpers name bad arguments (issue 15). */
class BadInputTest {
    private static void assertMentions(Throwable e, String... parts) {
        for (String p : parts) {
            assertTrue(e.getMessage() != null && e.getMessage().contains(p), "expected '" + p + "' in: " + e.getMessage());
        }
    }

    @Test
    void activationProbeNamesNullsAndNonFiniteInput() {
        DMatrixRMaj x = ActivationProbe.gaussianInput(4, 3, 1);
        assertMentions(assertThrows(NullPointerException.class,
                () -> ActivationProbe.layerOutputs(x, 2, null, Activation.tanh(), 1)), "init");
        assertMentions(assertThrows(NullPointerException.class,
                () -> ActivationProbe.layerOutputs(x, 2, Init.xavier(), null, 1)), "f");
        x.set(2, 1, Double.NaN);
        assertMentions(assertThrows(IllegalArgumentException.class,
                () -> ActivationProbe.layerOutputs(x, 2, Init.xavier(), Activation.tanh(), 1)), "NaN", "row 2", "column 1");
    }

    @Test
    void initAndBinsNameNulls() {
        assertMentions(assertThrows(NullPointerException.class, () -> Init.he().weights(2, 2, (java.util.Random) null)), "rng");
        assertMentions(assertThrows(NullPointerException.class, () -> dl.plot.Bins.of(null, 3, 0, 1)), "values");
    }
}
