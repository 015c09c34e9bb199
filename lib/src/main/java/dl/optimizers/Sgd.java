package dl.optimizers;

/** Stochastic gradient descent (확률적 경사하강법): θ ← θ − η·∇θ. */
public final class Sgd implements Optimizer {
    private final double learningRate;

    /** @param learningRate η &gt; 0 */
    public Sgd(double learningRate) {
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be a positive finite number, got " + learningRate);
        }
        this.learningRate = learningRate;
    }

    public double learningRate() {
        return learningRate;
    }

    @Override
    public void update(double[] param, double[] grad) {
        if (param.length != grad.length) {
            throw new IllegalArgumentException("parameter has " + param.length + " values but gradient has " + grad.length);
        }
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
