package dl.minibatch;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Least squares names a NaN in its data instead of failing inside EJML (issue 15). */
class LeastSquaresBadInputTest {
    private static void assertMentions(Throwable e, String... parts) {
        for (String p : parts) {
            assertTrue(e.getMessage() != null && e.getMessage().contains(p), "expected '" + p + "' in: " + e.getMessage());
        }
    }

    private static final double[][] X = {{1, 0}, {0, 1}, {1, 1}};

    @Test
    void leastSquaresRefusesANaNTargetNamingItsIndex() {
        var e = assertThrows(IllegalArgumentException.class, () -> new LeastSquares(X, new double[] {1, Double.NaN, 2}));
        assertMentions(e, "targets[1]", "NaN");
    }

    @Test
    void leastSquaresRefusesNonFiniteFeaturesNamingRowAndColumn() {
        double[][] bad = {{1, 0}, {0, Double.NaN}, {1, 1}};
        var e = assertThrows(IllegalArgumentException.class, () -> new LeastSquares(bad, new double[] {1, 2, 3}));
        assertMentions(e, "features", "NaN", "row 1", "column 1");
        assertTrue(!e.getMessage().contains("Decomposition"), e.getMessage());
    }

    @Test
    void nullArgumentsAreNamed() {
        assertMentions(assertThrows(NullPointerException.class, () -> new LeastSquares(null, new double[3])), "features");
        assertMentions(assertThrows(NullPointerException.class, () -> new LeastSquares(X, null)), "targets");
        LeastSquares ls = new LeastSquares(X, new double[] {1, 2, 3});
        assertMentions(assertThrows(NullPointerException.class, () -> ls.loss(null, ls.allRows())), "w");
        assertMentions(assertThrows(NullPointerException.class, () -> ls.gradient(new double[2], null)), "batch");
        assertMentions(assertThrows(NullPointerException.class, () -> dl.calculus.Grid.of(null, 0, 1, 0, 1, 10, 10)), "f");
        assertMentions(assertThrows(IllegalArgumentException.class, () -> ls.loss(new double[3], ls.allRows())),
                "3 values", "2 features");
    }
}
