package dl.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.ejml.data.DMatrixRMaj;

/**
 * Layers built from {@link Value}s, one sample per row as in {@code dl.layers}: the Affine node
 * (DLFS's name for the fully connected layer, 완전 연결 계층) Y = X·W + b, element-wise ReLU and sigmoid, and
 * softmax-with-loss L = −(1/N) Σᵢ ln softmax(zᵢ)_tᵢ. Their gradients come from the chain rule over the
 * recorded operations alone, so they check the hand-written backward passes of {@code dl.layers} and
 * {@code dl.losses}.
 */
public final class Values {
    private Values() {
    }

    /** A matrix of inputs named name[i][j]. */
    public static Value[][] matrix(DMatrixRMaj m, String name) {
        Objects.requireNonNull(m, "m");
        Objects.requireNonNull(name, "name");
        Value[][] v = new Value[m.numRows][m.numCols];
        for (int i = 0; i < m.numRows; i++) {
            for (int j = 0; j < m.numCols; j++) {
                v[i][j] = Value.of(m.get(i, j), name + "[" + i + "][" + j + "]");
            }
        }
        return v;
    }

    /** Y = X·W + b: yᵢⱼ = Σₖ xᵢₖ·wₖⱼ + bⱼ, one Σ node per entry. */
    public static Value[][] affine(Value[][] x, Value[][] w, Value[][] b) {
        int n = rows(x, "x"), k = cols(x, "x"), kw = rows(w, "w"), m = cols(w, "w");
        if (kw != k) {
            throw new IllegalArgumentException("x is " + n + "×" + k + " but W is " + kw + "×" + m + ": W needs " + k + " rows");
        }
        if (rows(b, "b") != 1 || cols(b, "b") != m) {
            throw new IllegalArgumentException("W is " + kw + "×" + m + " so b must be 1×" + m + ", but b is "
                    + b.length + "×" + b[0].length);
        }
        Value[][] y = new Value[n][m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                List<Value> terms = new ArrayList<>();
                for (int q = 0; q < k; q++) terms.add(x[i][q].mul(w[q][j]));
                terms.add(b[0][j]);
                y[i][j] = Value.sum(terms);
            }
        }
        return y;
    }

    /** ReLU of every entry. */
    public static Value[][] relu(Value[][] x) {
        return map(x, "x", Value::relu);
    }

    /** σ of every entry. */
    public static Value[][] sigmoid(Value[][] x) {
        return map(x, "x", Value::sigmoid);
    }

    /**
     * Softmax-with-loss (DLFS's SoftmaxWithLoss) from exp, log, Σ, − and ÷ nodes:
     * L = (1/N) Σᵢ (ln Σⱼ e^(zᵢⱼ − mᵢ) − (zᵢ,tᵢ − mᵢ)) with mᵢ = maxⱼ zᵢⱼ, a constant that keeps e^(·) ≤ 1
     * and changes neither L nor its gradient.
     */
    public static Value softmaxCrossEntropy(Value[][] z, int[] labels) {
        int n = rows(z, "z"), k = cols(z, "z");
        Objects.requireNonNull(labels, "labels");
        if (labels.length != n) {
            throw new IllegalArgumentException(n + " rows of logits but " + labels.length + " labels");
        }
        List<Value> rowLosses = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (labels[i] < 0 || labels[i] >= k) {
                throw new IllegalArgumentException("label " + labels[i] + " of row " + i + " is not a class 0.." + (k - 1));
            }
            double m = Double.NEGATIVE_INFINITY;
            for (Value v : z[i]) m = Math.max(m, v.value());
            List<Value> exps = new ArrayList<>();
            for (Value v : z[i]) exps.add(v.sub(m).exp());
            rowLosses.add(Value.sum(exps).log().sub(z[i][labels[i]].sub(m)));
        }
        return Value.sum(rowLosses).div(n).named("loss");
    }

    /** The forward values as a matrix. */
    public static DMatrixRMaj values(Value[][] v) {
        DMatrixRMaj m = new DMatrixRMaj(rows(v, "v"), cols(v, "v"));
        for (int i = 0; i < m.numRows; i++) for (int j = 0; j < m.numCols; j++) m.set(i, j, v[i][j].value());
        return m;
    }

    /** The gradients as a matrix (after a backward pass that reached every entry). */
    public static DMatrixRMaj grads(Value[][] v) {
        DMatrixRMaj m = new DMatrixRMaj(rows(v, "v"), cols(v, "v"));
        for (int i = 0; i < m.numRows; i++) for (int j = 0; j < m.numCols; j++) m.set(i, j, v[i][j].grad());
        return m;
    }

    /**
     * Back-propagation from a matrix of outputs y with the upstream gradient dY = ∂L/∂y of the same shape
     * (how a layer's backward receives its gradient).
     */
    public static void backward(Value[][] y, DMatrixRMaj dY) {
        int n = rows(y, "y"), m = cols(y, "y");
        Objects.requireNonNull(dY, "dY");
        if (dY.numRows != n || dY.numCols != m) {
            throw new IllegalArgumentException("y is " + n + "×" + m + " but the upstream gradient dY is "
                    + dY.numRows + "×" + dY.numCols);
        }
        List<Value> outs = new ArrayList<>();
        double[] seeds = new double[n * m];
        for (int i = 0; i < n; i++) for (int j = 0; j < m; j++) {
            outs.add(y[i][j]);
            seeds[i * m + j] = dY.get(i, j);
        }
        Value.backward(outs, seeds);
    }

    /**
     * Back-propagation from a 1×1 matrix. A larger y is not a single number: backward needs its upstream gradient,
     * {@link #backward(Value[][], DMatrixRMaj)}, or a loss that reduces it to one number.
     */
    public static void backward(Value[][] y) {
        int n = rows(y, "y"), m = cols(y, "y");
        if (n != 1 || m != 1) {
            throw new IllegalArgumentException("backward() needs a single number (a loss), but y is " + n + "×" + m
                    + ": pass the upstream gradient dY (backward(y, dY)) or reduce y to a loss first");
        }
        y[0][0].backward();
    }

    private static Value[][] map(Value[][] x, String name, java.util.function.UnaryOperator<Value> f) {
        int n = rows(x, name), m = cols(x, name);
        Value[][] y = new Value[n][m];
        for (int i = 0; i < n; i++) for (int j = 0; j < m; j++) y[i][j] = f.apply(x[i][j]);
        return y;
    }

    private static int rows(Value[][] v, String name) {
        Objects.requireNonNull(v, name);
        if (v.length == 0) throw new IllegalArgumentException(name + " has no rows");
        return v.length;
    }

    private static int cols(Value[][] v, String name) {
        int m = Objects.requireNonNull(v[0], name + "[0]").length;
        if (m == 0) throw new IllegalArgumentException(name + " has no columns");
        for (int i = 0; i < v.length; i++) {
            Objects.requireNonNull(v[i], name + "[" + i + "]");
            if (v[i].length != m) {
                throw new IllegalArgumentException(name + " is ragged: row 0 has " + m + " entries, row " + i + " has " + v[i].length);
            }
            for (int j = 0; j < m; j++) Objects.requireNonNull(v[i][j], name + "[" + i + "][" + j + "]");
        }
        return m;
    }
}
