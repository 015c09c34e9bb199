package dl.network;

import dl.activations.Softmax;
import dl.data.Dataset;
import dl.checks.Finite;
import dl.layers.Layer;
import java.util.Objects;
import org.ejml.data.DMatrixRMaj;

/**
 * The decision boundary (결정 경계) of a classifier with two input features, as plain arrays to plot:
 * the predicted probability of one class over a grid of points, and the data points of each class.
 */
public final class DecisionBoundary {
    private static final int CHUNK = 10_000;

    private DecisionBoundary() {
    }

    /**
     * z[i][j] = P(class k | x = (xs[j], ys[i])), the k-th entry of softmax(scores) of {@code net} at the
     * grid point (the layout {@code dl.calculus.Grid.evaluate} uses). For a network with a single output
     * (k must be 0) the output itself is returned, e.g. a sigmoid probability.
     */
    public static double[][] probability(Sequential net, double[] xs, double[] ys, int k) {
        Objects.requireNonNull(net, "net");
        Objects.requireNonNull(xs, "xs");
        Objects.requireNonNull(ys, "ys");
        if (xs.length == 0 || ys.length == 0) {
            throw new IllegalArgumentException("the grid is empty: " + xs.length + " x values, " + ys.length + " y values");
        }
        Finite.require(xs, "xs");
        Finite.require(ys, "ys");
        double[][] z = new double[ys.length][xs.length];
        long total = (long) xs.length * ys.length;
        DMatrixRMaj grid = new DMatrixRMaj(1, 2);
        // the grid goes through the network in chunks of CHUNK points, so a fine grid does not need
        // memory for all its activations at once
        for (long from = 0; from < total; from += CHUNK) {
            int m = (int) Math.min(CHUNK, total - from);
            grid.reshape(m, 2);
            for (int r = 0; r < m; r++) {
                long point = from + r;
                grid.set(r, 0, xs[(int) (point % xs.length)]);
                grid.set(r, 1, ys[(int) (point / xs.length)]);
            }
            DMatrixRMaj scores = net.predict(grid);
            int classes = scores.numCols;
            if (k < 0 || k >= classes) {
                throw new IllegalArgumentException("class k = " + k + " but the network has " + classes + " output"
                        + (classes == 1 ? "" : "s") + " (scores " + Layer.shape(scores) + ")");
            }
            DMatrixRMaj p = classes == 1 ? Finite.require(scores, "network output") : Softmax.apply(scores);
            for (int r = 0; r < m; r++) {
                long point = from + r;
                z[(int) (point / xs.length)][(int) (point % xs.length)] = p.get(r, k);
            }
        }
        return z;
    }

    /** {x₁ values, x₂ values} of the samples of class k in a data set with two features. */
    public static double[][] points(Dataset data, int k) {
        Objects.requireNonNull(data, "data");
        if (data.numFeatures() != 2) {
            throw new IllegalArgumentException("points of a 2-D data set: this one has " + data.numFeatures() + " features");
        }
        int n = 0;
        for (int label : data.labels()) {
            if (label == k) {
                n++;
            }
        }
        double[][] xy = new double[2][n];
        for (int i = 0, m = 0; i < data.size(); i++) {
            if (data.labels()[i] == k) {
                xy[0][m] = data.features().get(i, 0);
                xy[1][m] = data.features().get(i, 1);
                m++;
            }
        }
        return xy;
    }
}
