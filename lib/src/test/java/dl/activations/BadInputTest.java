package dl.activations;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** Softmax of non-finite scores is refused, not NaN (issue 15). */
class BadInputTest {
    private static void assertMentions(Throwable e, String... parts) {
        for (String p : parts) {
            assertTrue(e.getMessage() != null && e.getMessage().contains(p), "expected '" + p + "' in: " + e.getMessage());
        }
    }

    @Test
    void softmaxOfInfinityOrNaNIsRefusedNamingRowAndColumn() {
        assertMentions(assertThrows(IllegalArgumentException.class, () -> Softmax.apply(Double.POSITIVE_INFINITY, 0)),
                "finite scores", "row 0", "Infinity", "column 0");
        DMatrixRMaj z = new DMatrixRMaj(new double[][] {{1, 2, 3}, {0, 1, Double.NaN}});
        assertMentions(assertThrows(IllegalArgumentException.class, () -> Softmax.apply(z)), "row 1", "NaN", "column 2");
        assertMentions(assertThrows(IllegalArgumentException.class,
                () -> Softmax.apply(Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY)), "all −∞");
    }

    @Test
    void minusInfinityIsAllowedAndGetsProbabilityZero() {
        assertArrayEquals(new double[] {0, 1}, Softmax.apply(Double.NEGATIVE_INFINITY, 0), 0);
        assertEquals(Double.POSITIVE_INFINITY, Softmax.logSumExp(new double[] {Double.POSITIVE_INFINITY, 0}, 0, 2));
        assertEquals(Double.NEGATIVE_INFINITY,
                Softmax.logSumExp(new double[] {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY}, 0, 2));
    }

    @Test
    void nullArgumentsAreNamed() {
        assertMentions(assertThrows(NullPointerException.class, () -> Softmax.apply((double[]) null)), "z");
        assertMentions(assertThrows(NullPointerException.class, () -> Activation.relu().values(null)), "xs");
        assertMentions(assertThrows(NullPointerException.class, () -> Activation.tanh().derivatives(null)), "xs");
    }
}
