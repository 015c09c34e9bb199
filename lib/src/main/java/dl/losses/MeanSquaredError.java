package dl.losses;

/**
 * Mean squared error (평균 제곱 오차): L = (1/(N·K)) Σᵢₖ (yᵢₖ − tᵢₖ)², ∂L/∂y = 2(y − t)/(N·K).
 * (The mean over all N·K entries, as in Keras and PyTorch; DLFS uses ½Σ(y − t)² per sample.)
 */
public final class MeanSquaredError extends EntrywiseLoss {
    /** ℓ = (y − t)². */
    @Override
    protected double term(double y, double t) {
        double e = y - t;
        return e * e;
    }

    /** ℓ' = 2(y − t). */
    @Override
    protected double termDerivative(double y, double t) {
        return 2 * (y - t);
    }

    @Override
    public String toString() { return "MSE"; }
}
