package dl.descent;

/**
 * Why and at which step a gradient-descent run stopped, with the sentence that says so. Shared by
 * {@link Path1D} and {@link PathND}; {@link GradientDescent} makes one with the factory for each
 * {@link StopReason}. {@code offendingValue} is the number that ended a diverged run (NaN otherwise).
 */
record Stop(StopReason reason, int step, String message, double offendingValue) {

    /** ‖∇f(xₖ)‖ ≤ tolerance at step k; {@code gradientNorm} is how the norm is written, e.g. "|f'(x)|". */
    static Stop smallGradient(int k, String gradientNorm, double value, double tolerance) {
        return converged(StopReason.SMALL_GRADIENT, k, gradientNorm, value, tolerance);
    }

    /** ‖xₖ₊₁ − xₖ‖ ≤ tolerance at step k+1; {@code stepNorm} is how the length is written, e.g. "|x_3 − x_2|". */
    static Stop smallStep(int step, String stepNorm, double value, double tolerance) {
        return converged(StopReason.SMALL_STEP, step, stepNorm, value, tolerance);
    }

    /** maxIterations updates made without meeting the tolerance. */
    static Stop maxIterations(int maxIterations, String gradientNorm, double value, double tolerance) {
        return new Stop(StopReason.MAX_ITERATIONS, maxIterations,
                "not converged: stopped after maxIterations = " + maxIterations
                        + " steps (" + gradientNorm + " = " + value + ", tolerance " + tolerance + ")",
                Double.NaN);
    }

    /** The update of {@code step} produced a bad number; {@code problem} names it, e.g. "x = NaN". */
    static Stop diverged(int step, String problem, double offendingValue) {
        return new Stop(StopReason.DIVERGED, step, "diverged at step " + step + ": " + problem, offendingValue);
    }

    private static Stop converged(StopReason reason, int step, String quantity, double value, double tolerance) {
        return new Stop(reason, step,
                "converged at step " + step + ": " + quantity + " = " + value + " ≤ tolerance " + tolerance,
                Double.NaN);
    }

    boolean converged() {
        return reason.converged();
    }

    boolean diverged() {
        return reason == StopReason.DIVERGED;
    }

    /** @throws DivergenceException if the run diverged (the message names the step and value) */
    void requireNotDiverged() {
        if (diverged()) {
            throw new DivergenceException(message, step, offendingValue);
        }
    }

    /**
     * @throws DivergenceException   if the run diverged
     * @throws IllegalStateException if it used up maxIterations without converging
     */
    void requireConverged() {
        requireNotDiverged();
        if (!converged()) {
            throw new IllegalStateException(message);
        }
    }
}
