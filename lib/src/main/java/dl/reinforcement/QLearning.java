package dl.reinforcement;

import java.util.Random;

/**
 * Tabular Q-learning (Q 학습): Q(s, a) estimates the total future reward of action a in state s. After each
 * step (s, a, r, s'):
 * <pre>
 *   Q(s, a) ← Q(s, a) + α (r + γ · max_a' Q(s', a') − Q(s, a))      (no max term when the episode ended)
 * </pre>
 * The agent acts ε-greedily: with probability ε a random action (explore), otherwise the action with the
 * largest Q (exploit; ties go to the lower action). Its policy (정책) is the greedy action in each state.
 */
public final class QLearning {
    private final double[][] q;
    private final double alpha;
    private final double gamma;
    private final double epsilon;
    private final Random random;

    /** An agent for {@code states} × {@code actions} with step size α ∈ (0, 1], discount γ ∈ [0, 1], exploration ε ∈ [0, 1]. */
    public QLearning(int states, int actions, double alpha, double gamma, double epsilon, long seed) {
        if (states < 1 || actions < 1) {
            throw new IllegalArgumentException("states and actions must be ≥ 1, got " + states + " states and " + actions + " actions");
        }
        if (!(alpha > 0 && alpha <= 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1], got " + alpha);
        }
        if (!(gamma >= 0 && gamma <= 1)) {
            throw new IllegalArgumentException("gamma must be in [0, 1], got " + gamma);
        }
        if (!(epsilon >= 0 && epsilon <= 1)) {
            throw new IllegalArgumentException("epsilon must be in [0, 1], got " + epsilon);
        }
        this.q = new double[states][actions];
        this.alpha = alpha;
        this.gamma = gamma;
        this.epsilon = epsilon;
        this.random = new Random(seed);
    }

    /** The ε-greedy action in state s. */
    public int act(int s) {
        checkState(s);
        if (random.nextDouble() < epsilon) {
            return random.nextInt(q[s].length);
        }
        return greedy(s);
    }

    /** The action with the largest Q(s, ·) (the lowest such action on a tie). */
    public int greedy(int s) {
        checkState(s);
        int best = 0;
        for (int a = 1; a < q[s].length; a++) {
            if (q[s][a] > q[s][best]) {
                best = a;
            }
        }
        return best;
    }

    /** The Q-learning update for the step (s, a, r, s'); {@code done} drops the future term. */
    public void learn(int s, int a, double r, int next, boolean done) {
        checkState(s);
        checkState(next);
        if (a < 0 || a >= q[s].length) {
            throw new IllegalArgumentException("action must be in 0.." + (q[s].length - 1) + ", got " + a);
        }
        if (!Double.isFinite(r)) {
            throw new IllegalArgumentException("reward r is " + r + "; it must be finite");
        }
        double future = done ? 0 : q[next][greedy(next)];
        double updated = q[s][a] + alpha * (r + gamma * future - q[s][a]);
        if (!Double.isFinite(updated)) {
            throw new IllegalArgumentException("the update of Q(" + s + ", " + a + ") overflows to " + updated
                    + " (reward r = " + r + ", γ·max Q(" + next + ", ·) = " + gamma * future + "): the rewards are too large"
                    + " for doubles; scale them down (Q(" + s + ", " + a + ") is left at " + q[s][a] + ")");
        }
        q[s][a] = updated;
    }

    /** The greedy policy: the chosen action in each state. */
    public int[] policy() {
        int[] p = new int[q.length];
        for (int s = 0; s < q.length; s++) {
            p[s] = greedy(s);
        }
        return p;
    }

    /** Q(s, a), a copy. */
    public double[][] values() {
        double[][] copy = new double[q.length][];
        for (int s = 0; s < q.length; s++) {
            copy[s] = q[s].clone();
        }
        return copy;
    }

    private void checkState(int s) {
        if (s < 0 || s >= q.length) {
            throw new IllegalArgumentException("state must be in 0.." + (q.length - 1) + ", got " + s);
        }
    }

    @Override
    public String toString() {
        return "QLearning[α = " + alpha + ", γ = " + gamma + ", ε = " + epsilon + "]";
    }
}
