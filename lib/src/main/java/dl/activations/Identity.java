package dl.activations;

/** Identity: f(x) = x, f'(x) = 1. Used for a linear output. */
public final class Identity implements Activation {
    @Override public double value(double x) { return x; }
    @Override public double derivative(double x) { return 1; }
    @Override public String toString() { return "Identity"; }
}
