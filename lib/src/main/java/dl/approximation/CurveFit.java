package dl.approximation;

import dl.checks.Finite;
import dl.losses.MeanSquaredError;
import dl.network.Sequential;
import dl.optimizers.Optimizer;
import java.util.Objects;
import org.ejml.data.DMatrixRMaj;

/**
 * Fits a network with one input and one output to samples (xᵢ, yᵢ) of a function y = f(x) by full-batch
 * gradient descent on the mean squared error L = (1/N) Σᵢ (net(xᵢ) − yᵢ)².
 *
 * <pre>{@code
 * Sequential net = Mlp.of(1, 8, 1).activation(Activation.tanh()).init(Init.xavier()).seed(1).build();
 * CurveFit fit = CurveFit.fit(net, xs, ys, new Adam(0.01), 2000);
 * double[] approx = fit.predict(xs);
 * }</pre>
 */
public final class CurveFit {
    private final Sequential net;
    private final double[] losses;

    private CurveFit(Sequential net, double[] losses) {
        this.net = net;
        this.losses = losses;
    }

    /** Runs {@code iterations} optimizer steps on all samples at once; records the loss before each step. */
    public static CurveFit fit(Sequential net, double[] xs, double[] ys, Optimizer optimizer, int iterations) {
        Objects.requireNonNull(net, "net");
        Objects.requireNonNull(xs, "xs");
        Objects.requireNonNull(ys, "ys");
        Objects.requireNonNull(optimizer, "optimizer");
        if (xs.length != ys.length) {
            throw new IllegalArgumentException("xs has " + xs.length + " values but ys has " + ys.length);
        }
        if (xs.length == 0) {
            throw new IllegalArgumentException("xs and ys are empty: need at least one sample");
        }
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be ≥ 1, got " + iterations);
        }
        DMatrixRMaj x = column(xs);
        DMatrixRMaj t = column(ys);
        MeanSquaredError mse = new MeanSquaredError();
        double[] losses = new double[iterations];
        Finite.require(xs, "xs");
        Finite.require(ys, "ys");
        requireModerate(xs, ys);
        for (int k = 0; k < iterations; k++) {
            losses[k] = net.gradients(x, t, mse);
            if (!Double.isFinite(losses[k])) {
                throw new dl.descent.Divergence(k, "mean squared error", losses[k], blame(k, xs, ys, optimizer)).exception();
            }
            optimizer.update(net.params());
        }
        return new CurveFit(net, losses);
    }

    /** Values from which on a curve fit cannot work in doubles: their squares overflow (√Double.MAX_VALUE ≈ 1.3e154). */
    static final double HUGE = 1e150;

    /**
     * Refuses samples of |value| ≥ {@link #HUGE}, naming the largest: with them the squared error overflows, or
     * (inputs to tanh or sigmoid units) every unit saturates, its gradient is 0 and the fit learns nothing without
     * a word. The data's scale is to blame, not the learning rate.
     */
    private static void requireModerate(double[] xs, double[] ys) {
        double[][] data = {xs, ys};
        int[] place = largest(data);
        int which = place[0], at = place[1];
        if (Math.abs(data[which][at]) >= HUGE) {
            throw new IllegalArgumentException("CurveFit: " + NAMES[which] + "[" + at + "] = " + data[which][at]
                    + " is too large to fit (|value| ≥ " + HUGE + "): its square overflows, and as an input it saturates"
                    + " every tanh or sigmoid unit so that nothing is learned; the data's scale is to blame, not the"
                    + " learning rate: scale xs and ys (e.g. to [−1, 1]) before fitting");
        }
    }

    /**
     * Why the loss of step k is not finite: before any update, the starting weights or the data's scale (huge data
     * are refused before fitting); otherwise the learning rate.
     */
    private static String blame(int k, double[] xs, double[] ys, Optimizer optimizer) {
        double[][] data = {xs, ys};
        int[] place = largest(data);
        int which = place[0], at = place[1];
        double largest = data[which][at];
        if (k == 0) {
            return " (before any update, so no learning rate is to blame): the network's starting weights or the data"
                    + " are too large (the largest sample is " + NAMES[which] + "[" + at + "] = " + largest + "); start"
                    + " from a freshly initialised network and scale xs and ys (e.g. to [−1, 1]) before fitting";
        }
        return "; the data are moderate (largest |value| " + Math.abs(largest) + "), so try a smaller learning rate than "
                + optimizer;
    }

    private static final String[] NAMES = {"xs", "ys"};

    /** {which array, index} of the largest |value| in data[0] and data[1]. */
    private static int[] largest(double[][] data) {
        int which = 0, at = 0;
        for (int d = 0; d < 2; d++) {
            for (int i = 0; i < data[d].length; i++) {
                if (Math.abs(data[d][i]) > Math.abs(data[which][at])) {
                    which = d;
                    at = i;
                }
            }
        }
        return new int[] {which, at};
    }

    /** The network's output at each x. */
    public double[] predict(double[] xs) {
        Objects.requireNonNull(xs, "xs");
        DMatrixRMaj y = net.predict(column(xs));
        if (y.numCols != 1) {
            throw new IllegalArgumentException("the network has " + y.numCols + " outputs; a curve fit needs 1");
        }
        return y.data.clone();
    }

    /** The mean squared error before each step (a copy). */
    public double[] losses() {
        return losses.clone();
    }

    /** The mean squared error of the fitted network on the samples (xs, ys). */
    public double error(double[] xs, double[] ys) {
        Objects.requireNonNull(ys, "ys");
        double[] y = predict(xs);
        if (y.length != ys.length) {
            throw new IllegalArgumentException("xs has " + xs.length + " values but ys has " + ys.length);
        }
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            s += (y[i] - ys[i]) * (y[i] - ys[i]);
        }
        return s / y.length;
    }

    public Sequential net() {
        return net;
    }

    private static DMatrixRMaj column(double[] v) {
        return new DMatrixRMaj(v.length, 1, true, v);
    }
}
