package dl.calculus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Grids never overflow silently (issue 15). */
class BadInputTest {
    private static void assertMentions(Throwable e, String... parts) {
        for (String p : parts) {
            assertTrue(e.getMessage() != null && e.getMessage().contains(p), "expected '" + p + "' in: " + e.getMessage());
        }
    }

    @Test
    void linspaceOverTheWholeDoubleRangeStaysFinite() {
        assertArrayEquals(new double[] {-1e308, 0, 1e308}, Grid.linspace(-1e308, 1e308, 3), 0);
        double[] xs = Grid.linspace(-Double.MAX_VALUE, Double.MAX_VALUE, 5);
        for (int i = 1; i < xs.length; i++) {
            assertTrue(Double.isFinite(xs[i]) && xs[i] > xs[i - 1], java.util.Arrays.toString(xs));
        }
        // ordinary grids are unchanged
        assertArrayEquals(new double[] {0, 0.25, 0.5, 0.75, 1}, Grid.linspace(0, 1, 5), 0);
    }

    @Test
    void logspaceRefusesExponentsThatOverflow() {
        var e = assertThrows(IllegalArgumentException.class, () -> Grid.logspace(0, 400, 3));
        assertMentions(e, "10^400", "overflows");
        assertArrayEquals(new double[] {1e-4, 1e-2, 1}, Grid.logspace(-4, 0, 3), 0);
        Grid.logspace(300, 308, 3);
    }
}
