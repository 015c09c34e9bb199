package dl.activations;

/**
 * Sign function (부호 함수): f(x) = +1 if x &gt; 0, −1 if x &lt; 0, 0 at 0.
 * Its derivative is 0 everywhere except at 0 (undefined; we return 0).
 */
public final class Sign implements Activation {
    @Override public double value(double x) { return Math.signum(x); }
    @Override public double derivative(double x) { return 0; }
    @Override public String toString() { return "Sign"; }
}
