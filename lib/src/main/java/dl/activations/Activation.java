package dl.activations;

/**
 * An element-wise activation function (활성화 함수) a = f(z) with its derivative f'(z).
 *
 * <p>Both work on one scalar, so a notebook can plot them; the layer
 * {@link dl.layers.ActivationLayer} applies them to every element of a matrix.
 * Where f is not differentiable (a kink at 0) the derivative returns the right-hand
 * or the conventional value stated in each class.
 */
public interface Activation {

    /** f(x). */
    double value(double x);

    /** f'(x). */
    double derivative(double x);

    /** f applied to every element of {@code xs} (a new array), handy for plotting. */
    default double[] values(double[] xs) {
        java.util.Objects.requireNonNull(xs, "xs");
        double[] ys = new double[xs.length];
        for (int i = 0; i < xs.length; i++) {
            ys[i] = value(xs[i]);
        }
        return ys;
    }

    /** f' applied to every element of {@code xs} (a new array), handy for plotting. */
    default double[] derivatives(double[] xs) {
        java.util.Objects.requireNonNull(xs, "xs");
        double[] ys = new double[xs.length];
        for (int i = 0; i < xs.length; i++) {
            ys[i] = derivative(xs[i]);
        }
        return ys;
    }

    /** y[i] = f(x[i]) for the first {@code n} elements. Subclasses may override with a faster loop. */
    default void apply(double[] x, double[] y, int n) {
        for (int i = 0; i < n; i++) {
            y[i] = value(x[i]);
        }
    }

    /** dx[i] = dout[i]·f'(x[i]) for the first {@code n} elements (the chain rule for an element-wise f). */
    default void backward(double[] x, double[] dout, double[] dx, int n) {
        for (int i = 0; i < n; i++) {
            dx[i] = dout[i] * derivative(x[i]);
        }
    }

    static Activation identity() { return new Identity(); }

    static Activation step() { return new Step(); }

    static Activation sign() { return new Sign(); }

    static Activation sigmoid() { return new Sigmoid(); }

    static Activation tanh() { return new Tanh(); }

    static Activation relu() { return new Relu(); }

    /** Leaky ReLU with α = 0.01. */
    static Activation leakyRelu() { return new LeakyRelu(0.01); }

    static Activation leakyRelu(double alpha) { return new LeakyRelu(alpha); }

    /** ELU with α = 1. */
    static Activation elu() { return new Elu(1.0); }

    static Activation elu(double alpha) { return new Elu(alpha); }

    static Activation selu() { return new Selu(); }

    static Activation softplus() { return new Softplus(); }

    static Activation mish() { return new Mish(); }
}
