package dl.activations;

/** ReLU (Rectified Linear Unit): f(x) = max(0, x), f'(x) = 1 if x &gt; 0 else 0 (we take f'(0) = 0). */
public final class Relu implements Activation {
    @Override public double value(double x) { return x > 0 ? x : 0; }
    @Override public double derivative(double x) { return x > 0 ? 1 : 0; }

    @Override public void apply(double[] x, double[] y, int n) {
        for (int i = 0; i < n; i++) {
            y[i] = x[i] > 0 ? x[i] : 0;
        }
    }

    @Override public void backward(double[] x, double[] dout, double[] dx, int n) {
        for (int i = 0; i < n; i++) {
            dx[i] = x[i] > 0 ? dout[i] : 0;
        }
    }

    @Override public String toString() { return "ReLU"; }
}
