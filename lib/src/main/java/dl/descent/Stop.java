package dl.descent;

/**
 * Why and at which step a gradient-descent run stopped, with the sentence that says so;
 * {@link GradientDescent} makes one with the factory for each {@link StopReason}.
 * {@code divergence} is the report of a diverged run (null otherwise).
 */
record Stop(StopReason reason, int step, String message, Divergence divergence) {

    /** ‖∇f(xₖ)‖ ≤ tolerance at step k; {@code gradientNorm} is how the norm is written, e.g. "|f'(x)|". */
    static Stop smallGradient(int k, String gradientNorm, double value, double tolerance) {
        return converged(StopReason.SMALL_GRADIENT, k, gradientNorm, value, tolerance);
    }

    /** ‖xₖ₊₁ − xₖ‖ ≤ tolerance at step k+1; {@code stepNorm} is how the length is written, e.g. "|x_3 − x_2|". */
    static Stop smallStep(int step, String stepNorm, double value, double tolerance) {
        return converged(StopReason.SMALL_STEP, step, stepNorm, value, tolerance);
    }

    /** maxIterations updates made (without meeting the tolerance, if one was set: NaN means none). */
    static Stop maxIterations(int maxIterations, String gradientNorm, double value, double tolerance) {
        String why = Double.isNaN(tolerance)
                ? "made all maxIterations = " + maxIterations + " steps (" + gradientNorm + " = " + value + ", no tolerance set)"
                : "not converged: stopped after maxIterations = " + maxIterations
                        + " steps (" + gradientNorm + " = " + value + ", tolerance " + tolerance + ")";
        return new Stop(StopReason.MAX_ITERATIONS, maxIterations, why, null);
    }

    /** The update of {@code d.step()} produced a bad number. */
    static Stop diverged(Divergence d) {
        return new Stop(StopReason.DIVERGED, d.step(), d.message(), d);
    }

    private static Stop converged(StopReason reason, int step, String quantity, double value, double tolerance) {
        return new Stop(reason, step,
                "converged at step " + step + ": " + quantity + " = " + value + " ≤ tolerance " + tolerance, null);
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
            throw divergence.exception();
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
