package dl.activations;

/**
 * Sigmoid (시그모이드): σ(x) = 1 / (1 + e^(−x)), σ'(x) = σ(x)(1 − σ(x)).
 * Computed without overflow for large |x| (uses e^x/(1+e^x) for x &lt; 0).
 */
public final class Sigmoid implements Activation {

    /** σ(x), stable for any x. */
    public static double sigmoid(double x) {
        if (x >= 0) {
            return 1 / (1 + Math.exp(-x));
        }
        double e = Math.exp(x);
        return e / (1 + e);
    }

    @Override public double value(double x) { return sigmoid(x); }

    @Override public double derivative(double x) {
        double s = sigmoid(x);
        return s * (1 - s);
    }

    @Override public String toString() { return "Sigmoid"; }
}
