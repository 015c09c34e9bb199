package dl.optimizers;

/**
 * Stochastic gradient descent (확률적 경사하강법): θ ← θ − η·∇θ.
 *
 * <p>No state; "stochastic" refers to the gradient coming from a random mini-batch, not to the
 * update rule itself.
 */
public final class Sgd implements Optimizer {
    private final double learningRate;

    /** @param learningRate η &gt; 0 */
    public Sgd(double learningRate) {
        this.learningRate = HyperParameters.learningRate(learningRate);
    }

    public double learningRate() {
        return learningRate;
    }

    @Override
    public void update(double[] param, double[] grad) {
        HyperParameters.sameLength(param, grad);
        for (int i = 0; i < param.length; i++) {
            param[i] -= learningRate * grad[i];
        }
    }

    @Override
    public void reset() {
        // SGD has no state.
    }

    @Override
    public String toString() {
        return "SGD(lr=" + learningRate + ")";
    }
}
