package dl.activations;

/**
 * Step function (계단 함수) of the perceptron: f(x) = 1 if x &gt; 0, else 0.
 * Its derivative is 0 everywhere (undefined at 0; we return 0), which is why gradient
 * descent cannot train it.
 */
public final class Step implements Activation {
    @Override public double value(double x) { return x > 0 ? 1 : 0; }
    @Override public double derivative(double x) { return 0; }
    @Override public String toString() { return "Step"; }
}
