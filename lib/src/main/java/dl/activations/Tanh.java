package dl.activations;

/** Hyperbolic tangent (하이퍼볼릭 탄젠트): tanh(x), tanh'(x) = 1 − tanh²(x). Zero-centred, range (−1, 1). */
public final class Tanh implements Activation {
    @Override public double value(double x) { return Math.tanh(x); }

    @Override public double derivative(double x) {
        double t = Math.tanh(x);
        return 1 - t * t;
    }

    @Override public String toString() { return "Tanh"; }
}
