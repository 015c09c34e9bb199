package dl.layers;

import dl.checks.Finite;
import dl.fast.MatMul;
import dl.init.Init;
import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Fully connected layer (affine, 완전 연결 계층): Y = X·W + b, with W of shape n_in × n_out and b of shape
 * 1 × n_out added to every row.
 *
 * <p>Backward: ∂L/∂W = Xᵀ·dY, ∂L/∂b = Σ_rows dY, ∂L/∂X = dY·Wᵀ.
 *
 * <p>Used on its own, {@code forward} refuses a NaN or ±∞ in x (naming its row and column), in W or b, or an
 * overflow of the product (naming the largest input); inside a {@code Sequential}, which checks its input where
 * it enters, a non-finite value is left to reach the loss (see {@link Layer#setInputChecked}).
 *
 * <p>The three products go through {@link MatMul#best()} (a SIMD kernel when the JVM has the Vector
 * API module, EJML otherwise).
 */
public final class Dense implements Layer {
    private static final String[] OPERANDS = {"input x", "weights W", "bias b"};
    private final int in;
    private final int out;
    private final DMatrixRMaj w;
    private final DMatrixRMaj b;
    private final DMatrixRMaj dW;
    private final DMatrixRMaj db;
    private final DMatrixRMaj y = new DMatrixRMaj(1, 1);
    private final DMatrixRMaj dx = new DMatrixRMaj(1, 1);
    private DMatrixRMaj x;
    private boolean inputGradientNeeded = true;
    private boolean inputChecked = true;

    /** Weights drawn by {@code init} from {@code new Random(seed)}, zero biases. */
    public Dense(int in, int out, Init init, long seed) {
        this(in, out, init, new Random(seed));
    }

    /** Weights drawn by {@code init} from {@code rng}, zero biases. */
    public Dense(int in, int out, Init init, Random rng) {
        this(java.util.Objects.requireNonNull(init, "init").weights(in, out, rng), new DMatrixRMaj(1, out));
    }

    /** A layer using the given W (n_in × n_out) and b (1 × n_out) themselves, not copies. */
    public Dense(DMatrixRMaj w, DMatrixRMaj b) {
        java.util.Objects.requireNonNull(w, "w");
        java.util.Objects.requireNonNull(b, "b");
        Finite.require(w, "W");
        Finite.require(b, "b");
        if (b.numRows != 1 || b.numCols != w.numCols) {
            throw new IllegalArgumentException("W is " + Layer.shape(w) + " so b must be 1×" + w.numCols
                    + ", but b is " + Layer.shape(b));
        }
        this.in = w.numRows;
        this.out = w.numCols;
        this.w = w;
        this.b = b;
        this.dW = new DMatrixRMaj(in, out);
        this.db = new DMatrixRMaj(1, out);
    }

    public DMatrixRMaj weights() { return w; }

    public DMatrixRMaj bias() { return b; }

    public DMatrixRMaj weightGradient() { return dW; }

    public DMatrixRMaj biasGradient() { return db; }

    public int inputSize() { return in; }

    public int outputSize() { return out; }

    @Override
    public DMatrixRMaj forward(DMatrixRMaj x, boolean training) {
        java.util.Objects.requireNonNull(x, "x");
        if (x.numCols != in) {
            throw new IllegalArgumentException(this + ": input is " + Layer.shape(x) + ", expected " + x.numRows + "×" + in);
        }
        this.x = x;
        y.reshape(x.numRows, out);
        MatMul.best().mult(x, w, y);
        double[] yd = y.data;
        double[] bd = b.data;
        for (int r = 0, i = 0; r < x.numRows; r++) {
            for (int c = 0; c < out; c++, i++) {
                yd[i] += bd[c];
            }
        }
        if (inputChecked) {
            // one branch-free pass over the output (N × n_out, small beside the product): a NaN or ∞ anywhere
            // in x, W or b, or an overflow, shows there; only then are the inputs searched for the culprit
            Finite.requireResult(toString(), y, OPERANDS, x, w, b);
        }
        return y;
    }

    @Override
    public DMatrixRMaj backward(DMatrixRMaj dout) {
        Layer.checkUpstream(this, dout, x != null, y);
        MatMul.best().multTransA(x, dout, dW);     // ∂L/∂W = Xᵀ·dY
        CommonOps_DDRM.sumCols(dout, db);          // ∂L/∂b = Σ_rows dY (the sum of each column)
        if (!inputGradientNeeded) {
            return null;
        }
        dx.reshape(dout.numRows, in);
        MatMul.best().multTransB(dout, w, dx);     // ∂L/∂X = dY·Wᵀ
        return dx;
    }

    @Override
    public List<Param> params() {
        return List.of(new Param("W", w, dW, true), new Param("b", b, db, false));
    }

    @Override
    public void setInputGradientNeeded(boolean needed) {
        this.inputGradientNeeded = needed;
    }

    @Override
    public void setInputChecked(boolean checked) {
        this.inputChecked = checked;
    }

    @Override
    public String toString() {
        return "Dense(" + in + "→" + out + ")";
    }
}
