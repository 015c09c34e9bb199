package dl.reinforcement;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class QLearningTest {

    private static double episode(Corridor env, QLearning agent, boolean learn) {
        int s = env.reset();
        double total = 0;
        while (true) {
            int a = learn ? agent.act(s) : agent.greedy(s);
            Corridor.Step step = env.step(a);
            if (learn) agent.learn(s, a, step.reward(), step.state(), step.done());
            total += step.reward();
            s = step.state();
            if (step.done()) return total;
        }
    }

    @Test
    void corridorRewards() {
        Corridor env = new Corridor(4, 10);
        assertEquals(0, env.reset());
        assertEquals(new Corridor.Step(0, -1, false), env.step(Corridor.LEFT));
        assertEquals(new Corridor.Step(1, -1, false), env.step(Corridor.RIGHT));
        assertEquals(new Corridor.Step(2, -1, false), env.step(Corridor.RIGHT));
        assertEquals(new Corridor.Step(3, 10, true), env.step(Corridor.RIGHT));
        assertThrows(IllegalStateException.class, () -> env.step(Corridor.RIGHT));
    }

    @Test
    void learnsToWalkRight() {
        Corridor env = new Corridor(8, 50);
        QLearning agent = new QLearning(8, 2, 0.5, 0.9, 0.1, 3);
        for (int e = 0; e < 200; e++) episode(env, agent, true);
        int[] policy = agent.policy();
        for (int s = 0; s < 7; s++) assertEquals(Corridor.RIGHT, policy[s], "state " + s);
        assertEquals(12 - 8, episode(env, agent, false), 1e-12);
    }

    /** The update against a hand computation. */
    @Test
    void updateMatchesHandComputation() {
        QLearning agent = new QLearning(3, 2, 0.5, 0.9, 0, 1);
        agent.learn(1, 1, 10, 2, true);                 // Q(1,1) = 0 + 0.5 (10 − 0) = 5
        assertEquals(5, agent.values()[1][1], 1e-12);
        agent.learn(0, 1, -1, 1, false);                // Q(0,1) = 0 + 0.5 (−1 + 0.9·5 − 0) = 1.75
        assertEquals(1.75, agent.values()[0][1], 1e-12);
        assertArrayEquals(new int[] {1, 1, 0}, agent.policy());
    }

    @Test
    void badInput() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Corridor(1, 5)).getMessage().contains("cells"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new QLearning(3, 2, 0, 0.9, 0.1, 1)).getMessage().contains("alpha"));
        QLearning agent = new QLearning(3, 2, 0.5, 0.9, 0.1, 1);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> agent.act(3)).getMessage().contains("state must be in 0..2, got 3"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> agent.learn(0, 2, 1, 1, false)).getMessage().contains("action"));
        Corridor env = new Corridor(3, 5);
        env.reset();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> env.step(2)).getMessage().contains("action"));
    }
}
