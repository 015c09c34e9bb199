package dl.reinforcement;

/**
 * An environment (환경): a corridor of cells 0 … n−1. The agent starts in cell 0; action 0 moves one cell
 * left (not past the wall at 0), action 1 one cell right. Every move costs reward −1; reaching the last
 * cell, the goal, gives +10 and ends the episode. An episode also ends after {@code maxSteps} moves.
 * The best policy, always right, earns 10 − (n − 2) = 12 − n per episode.
 */
public final class Corridor {
    public static final int LEFT = 0;
    public static final int RIGHT = 1;
    public static final double STEP_REWARD = -1;
    public static final double GOAL_REWARD = 10;

    /** What one action led to: the new state s', the reward r and whether the episode is over. */
    public record Step(int state, double reward, boolean done) {
    }

    private final int cells;
    private final int maxSteps;
    private int state;
    private int steps;

    /** A corridor of {@code cells} ≥ 2 cells whose episodes end after at most {@code maxSteps} ≥ 1 moves. */
    public Corridor(int cells, int maxSteps) {
        if (cells < 2) {
            throw new IllegalArgumentException("cells must be ≥ 2 (a start and a goal), got " + cells);
        }
        if (maxSteps < 1) {
            throw new IllegalArgumentException("maxSteps must be ≥ 1, got " + maxSteps);
        }
        this.cells = cells;
        this.maxSteps = maxSteps;
    }

    public int cells() {
        return cells;
    }

    /** The number of actions (2: left, right). */
    public int actions() {
        return 2;
    }

    /** Starts an episode; returns the start state 0. */
    public int reset() {
        state = 0;
        steps = 0;
        return state;
    }

    /** Applies {@code action} (0 left, 1 right) in the current state. */
    public Step step(int action) {
        if (action != LEFT && action != RIGHT) {
            throw new IllegalArgumentException("action must be 0 (left) or 1 (right), got " + action);
        }
        if (state == cells - 1 || steps >= maxSteps) {
            throw new IllegalStateException("the episode is over: call reset() first");
        }
        state = action == RIGHT ? state + 1 : Math.max(0, state - 1);
        steps++;
        boolean goal = state == cells - 1;
        return new Step(state, goal ? GOAL_REWARD : STEP_REWARD, goal || steps >= maxSteps);
    }
}
