package dl.activations;

/**
 * Mish (Misra 2019): f(x) = x·tanh(softplus(x)).
 * With t = tanh(softplus(x)): f'(x) = t + x·(1 − t²)·σ(x).
 */
public final class Mish implements Activation {
    @Override public double value(double x) { return x * Math.tanh(Softplus.softplus(x)); }

    @Override public double derivative(double x) {
        double t = Math.tanh(Softplus.softplus(x));
        return t + x * (1 - t * t) * Sigmoid.sigmoid(x);
    }

    @Override public String toString() { return "Mish"; }
}
