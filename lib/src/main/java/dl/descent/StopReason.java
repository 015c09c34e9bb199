package dl.descent;

/** Why a gradient-descent run stopped. */
public enum StopReason {
    /** The gradient norm ‖∇f(xₖ)‖ fell to the tolerance: xₖ is (nearly) a stationary point. */
    SMALL_GRADIENT(true),
    /** The step ‖xₖ₊₁ − xₖ‖ fell to the tolerance: the iterates stopped moving. */
    SMALL_STEP(true),
    /** All maxIterations updates were made (without meeting the tolerance, if one was set). */
    MAX_ITERATIONS(false),
    /** An iterate, value or gradient became non-finite or exceeded the divergence bound (발산). */
    DIVERGED(false);

    private final boolean converged;

    StopReason(boolean converged) {
        this.converged = converged;
    }

    /** True for {@link #SMALL_GRADIENT} and {@link #SMALL_STEP}. */
    public boolean converged() {
        return converged;
    }
}
