package dl.activations;

/**
 * Softplus: f(x) = ln(1 + eˣ), a smooth ReLU; f'(x) = σ(x).
 * Computed as max(x, 0) + ln(1 + e^(−|x|)) so that large |x| does not overflow.
 */
public final class Softplus implements Activation {

    /** ln(1 + eˣ), stable for any x. */
    public static double softplus(double x) {
        return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
    }

    @Override public double value(double x) { return softplus(x); }
    @Override public double derivative(double x) { return Sigmoid.sigmoid(x); }
    @Override public String toString() { return "Softplus"; }
}
