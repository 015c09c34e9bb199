package dl.losses;

/**
 * Mean absolute error (평균 절대 오차): L = (1/(N·K)) Σᵢₖ |yᵢₖ − tᵢₖ|, ∂L/∂y = sign(y − t)/(N·K)
 * (0 where y = t, where |·| has a kink).
 */
public final class MeanAbsoluteError extends EntrywiseLoss {
    /** ℓ = |y − t|. */
    @Override
    protected double term(double y, double t) {
        return Math.abs(y - t);
    }

    /** ℓ' = sign(y − t). */
    @Override
    protected double termDerivative(double y, double t) {
        return Math.signum(y - t);
    }

    @Override
    public String toString() { return "MAE"; }
}
