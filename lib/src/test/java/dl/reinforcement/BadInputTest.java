package dl.reinforcement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Issue 29: rewards that are not finite, or so large that Q overflows. */
class BadInputTest {
    private static void assertMentions(Throwable e, String... parts) {
        for (String p : parts) {
            assertTrue(e.getMessage() != null && e.getMessage().contains(p), "expected '" + p + "' in: " + e.getMessage());
        }
    }

    @Test
    void nonFiniteRewardsAreRefused() {
        QLearning q = new QLearning(3, 2, 0.5, 0.9, 0.1, 1);
        assertMentions(assertThrows(IllegalArgumentException.class, () -> q.learn(0, 1, Double.NaN, 1, false)),
                "reward r is NaN", "finite");
    }

    @Test
    void rewardsThatOverflowQAreRefusedNamingTheEntryAndLeavingIt() {
        QLearning q = new QLearning(3, 2, 1.0, 1.0, 0.1, 1);
        q.learn(1, 0, 1e308, 2, true);                  // Q(1, 0) = 1e308
        assertMentions(assertThrows(IllegalArgumentException.class, () -> q.learn(0, 1, 1e308, 1, false)),
                "Q(0, 1) overflows to Infinity", "reward r = 1.0E308", "scale them down", "left at 0.0");
        assertEquals(0.0, q.values()[0][1]);
    }
}
