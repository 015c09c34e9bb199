package dl.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** Issue 29: a dense layer used on its own names where a NaN or ∞ entered. */
class BadInputSecondPassTest {
    private static void assertMentions(Throwable e, String... parts) {
        for (String p : parts) {
            assertTrue(e.getMessage() != null && e.getMessage().contains(p), "expected '" + p + "' in: " + e.getMessage());
        }
    }

    private static Dense dense() {
        return new Dense(new DMatrixRMaj(new double[][] {{1, 2}, {3, 4}, {5, 6}}), new DMatrixRMaj(1, 2, true, 0.5, -0.5));
    }

    @Test
    void denseForwardNamesTheRowAndColumnOfANonFiniteInput() {
        DMatrixRMaj x = new DMatrixRMaj(new double[][] {{1, 2, 3}, {4, Double.NaN, 6}});
        assertMentions(assertThrows(IllegalArgumentException.class, () -> dense().forward(x)),
                "Dense(3→2)", "input x", "NaN at row 1, column 1", "finite numbers");
        DMatrixRMaj inf = new DMatrixRMaj(new double[][] {{1, 2, Double.NEGATIVE_INFINITY}});
        assertMentions(assertThrows(IllegalArgumentException.class, () -> dense().forward(inf, true)),
                "input x", "-Infinity at row 0, column 2");
    }

    @Test
    void denseForwardNamesANonFiniteWeightAfterTheLayerWasBuilt() {
        Dense d = dense();
        d.weights().set(2, 1, Double.POSITIVE_INFINITY); // e.g. a diverged update outside a network
        assertMentions(assertThrows(IllegalArgumentException.class, () -> d.forward(new DMatrixRMaj(1, 3))),
                "Dense(3→2)", "weights W", "Infinity at row 2, column 1");
    }

    @Test
    void denseForwardBlamesTheScaleWhenFiniteInputsOverflow() {
        DMatrixRMaj x = new DMatrixRMaj(new double[][] {{1e308, 1e308, 0}});
        assertMentions(assertThrows(IllegalArgumentException.class, () -> dense().forward(x)),
                "Dense(3→2)", "Infinity at row 0", "every input is finite", "largest is 1.0E308", "scale the data");
    }

    @Test
    void denseForwardOfFiniteInputIsUnchangedAndInsideANetworkNonFiniteValuesPass() {
        DMatrixRMaj y = dense().forward(new DMatrixRMaj(new double[][] {{1, 1, 1}}));
        assertEquals(9.5, y.get(0, 0));
        assertEquals(11.5, y.get(0, 1));
        Dense inNetwork = dense();
        inNetwork.setInputChecked(false); // what Sequential does: a NaN inside the network is for the loss to show
        assertTrue(Double.isNaN(inNetwork.forward(new DMatrixRMaj(new double[][] {{Double.NaN, 0, 0}})).get(0, 0)));
    }

    @Test
    void aHugeLayerSaysHowMuchMemoryItsWeightsNeed() {
        assertMentions(assertThrows(IllegalArgumentException.class, () -> new Dense(100_000, 100_000, dl.init.Init.he(), 1)),
                "a 100000×100000 weight matrix", "10000000000 values", "80.0 GB", "use smaller sizes");
    }
}
