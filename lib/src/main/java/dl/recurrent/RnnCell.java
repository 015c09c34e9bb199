package dl.recurrent;

import dl.checks.Finite;
import dl.fast.MatMul;
import dl.init.Init;
import dl.layers.Param;
import dl.checks.Checks;
import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;

/**
 * One time step of a layer of recurrent neurons (순환 뉴런): the new hidden state (은닉 상태) mixes the
 * input of this step with the state of the previous one,
 * <pre>
 *   hₜ = tanh(xₜ·Wx + hₜ₋₁·Wh + b)
 * </pre>
 * with Wx of shape D × H, Wh of shape H × H and b of shape 1 × H, the same for every step.
 *
 * <p>Backward for one step, with da = dhₜ ⊙ (1 − hₜ²):
 * ∂L/∂Wx += xₜᵀ·da, ∂L/∂Wh += hₜ₋₁ᵀ·da, ∂L/∂b += Σ_rows da, ∂L/∂xₜ = da·Wxᵀ, ∂L/∂hₜ₋₁ = da·Whᵀ.
 * The gradients add up over the steps because the steps share the parameters (back-propagation
 * through time, BPTT). Products go through {@link MatMul#best()}.
 */
public final class RnnCell {
    private final int d;
    private final int hidden;
    private final DMatrixRMaj wx, wh, b, dWx, dWh, db;
    private final DMatrixRMaj tmp = new DMatrixRMaj(1, 1);
    private final DMatrixRMaj tmpW = new DMatrixRMaj(1, 1);

    /** The cached values of one step: its input, the previous state and the new state. */
    public static final class Step {
        final DMatrixRMaj x = new DMatrixRMaj(1, 1);
        final DMatrixRMaj hPrev = new DMatrixRMaj(1, 1);
        final DMatrixRMaj h = new DMatrixRMaj(1, 1);
        final DMatrixRMaj dx = new DMatrixRMaj(1, 1);
        final DMatrixRMaj dhPrev = new DMatrixRMaj(1, 1);
        boolean forwarded;

        /** hₜ (N × H), owned by the step. */
        public DMatrixRMaj h() { return h; }

        /** ∂L/∂xₜ of the last backward (N × D). */
        public DMatrixRMaj dx() { return dx; }

        /** ∂L/∂hₜ₋₁ of the last backward (N × H). */
        public DMatrixRMaj dhPrev() { return dhPrev; }
    }

    /** Wx and Wh drawn by {@code init} (fan-in D and H) from {@code new Random(seed)}, zero bias. */
    public RnnCell(int inputSize, int hiddenSize, Init init, long seed) {
        Checks.notNull(init, "init");
        this.d = Checks.atLeast(inputSize, 1, "input size");
        this.hidden = Checks.atLeast(hiddenSize, 1, "hidden size");
        Random rng = new Random(seed);
        this.wx = init.weights(d, hidden, rng);
        this.wh = init.weights(hidden, hidden, rng);
        this.b = new DMatrixRMaj(1, hidden);
        this.dWx = new DMatrixRMaj(d, hidden);
        this.dWh = new DMatrixRMaj(hidden, hidden);
        this.db = new DMatrixRMaj(1, hidden);
    }

    private RnnCell(DMatrixRMaj wx, DMatrixRMaj wh, DMatrixRMaj b) {
        this.d = wx.numRows;
        this.hidden = wh.numRows;
        this.wx = wx.copy();
        this.wh = wh.copy();
        this.b = b.copy();
        this.dWx = new DMatrixRMaj(d, hidden);
        this.dWh = new DMatrixRMaj(hidden, hidden);
        this.db = new DMatrixRMaj(1, hidden);
    }

    /** A cell with the given weights (copied): Wx D × H, Wh H × H, b 1 × H — e.g. a trained cell's. */
    public static RnnCell of(DMatrixRMaj wx, DMatrixRMaj wh, DMatrixRMaj b) {
        Checks.notNull(wx, "wx");
        Checks.notNull(wh, "wh");
        Checks.notNull(b, "b");
        int h = wh.numRows;
        if (h < 1 || wx.numRows < 1 || wx.numCols != h || wh.numCols != h || b.numRows != 1 || b.numCols != h) {
            throw new IllegalArgumentException("RnnCell.of: Wx is " + wx.numRows + "×" + wx.numCols + ", Wh is "
                    + wh.numRows + "×" + wh.numCols + ", b is " + b.numRows + "×" + b.numCols
                    + "; expected D×H, H×H and 1×H with H = Wh's rows (" + h + ")");
        }
        Finite.require(wx, "RnnCell.of: Wx");
        Finite.require(wh, "RnnCell.of: Wh");
        Finite.require(b, "RnnCell.of: b");
        return new RnnCell(wx, wh, b);
    }

    public int inputSize() { return d; }

    public int hiddenSize() { return hidden; }

    public DMatrixRMaj wx() { return wx; }

    public DMatrixRMaj wh() { return wh; }

    public DMatrixRMaj bias() { return b; }

    /** Wx, Wh, b with their gradients. */
    public List<Param> params() {
        return List.of(new Param("Wx", wx, dWx, true), new Param("Wh", wh, dWh, true), new Param("b", b, db, false));
    }

    /** Sets the three gradients to zero (before a backward pass through time). */
    public void zeroGradients() {
        java.util.Arrays.fill(dWx.data, 0);
        java.util.Arrays.fill(dWh.data, 0);
        java.util.Arrays.fill(db.data, 0);
    }

    /**
     * hₜ = tanh(xₜ·Wx + hₜ₋₁·Wh + b), keeping copies of xₜ and hₜ₋₁ in {@code s}. A NaN or ±∞ in x or in the
     * previous state is refused, naming which, its row (sample) and column.
     */
    public DMatrixRMaj forward(DMatrixRMaj x, DMatrixRMaj hPrev, Step s) {
        return forward(x, hPrev, s, true);
    }

    /** The step forward; {@code check}: refuse non-finite x and hPrev (off inside an {@link Rnn}, which checks x once). */
    DMatrixRMaj forward(DMatrixRMaj x, DMatrixRMaj hPrev, Step s, boolean check) {
        Checks.notNull(x, "x");
        Checks.notNull(hPrev, "hPrev");
        Checks.notNull(s, "s (step)");
        int n = x.numRows;
        if (x.numCols != d || hPrev.numRows != n || hPrev.numCols != hidden) {
            throw new IllegalArgumentException(this + ": x is " + x.numRows + "×" + x.numCols + " and h is "
                    + hPrev.numRows + "×" + hPrev.numCols + ", expected N×" + d + " and N×" + hidden);
        }
        if (check) {
            Finite.require(x, this + ": input x");
            Finite.require(hPrev, this + ": previous state hPrev");
        }
        s.x.setTo(x);
        s.hPrev.setTo(hPrev);
        s.h.reshape(n, hidden);
        tmp.reshape(n, hidden);
        MatMul.best().mult(x, wx, s.h);
        MatMul.best().mult(hPrev, wh, tmp);
        double[] hd = s.h.data;
        for (int r = 0, i = 0; r < n; r++) {
            for (int j = 0; j < hidden; j++, i++) {
                hd[i] = Math.tanh(hd[i] + tmp.data[i] + b.data[j]);
            }
        }
        s.forwarded = true;
        return s.h;
    }

    /**
     * One step back: from ∂L/∂hₜ fills s.dx() and s.dhPrev() and adds this step's parameter gradients. ∂L/∂hₜ
     * must have the shape N × H of the step's hₜ; a step that never went forward is refused.
     */
    public void backward(DMatrixRMaj dh, Step s) {
        Checks.notNull(dh, "dh");
        Checks.notNull(s, "s (step)");
        requireStep(this, s.forwarded, dh, s.h, "dh (∂L/∂hₜ)");
        int n = s.h.numRows;
        tmp.reshape(n, hidden);
        for (int r = 0, i = 0; r < n; r++) {
            for (int j = 0; j < hidden; j++, i++) {
                double h = s.h.data[i];
                double da = dh.data[i] * (1 - h * h);
                tmp.data[i] = da;
                db.data[j] += da;
            }
        }
        accumulate(MatMul.best(), s.x, tmp, dWx);
        accumulate(MatMul.best(), s.hPrev, tmp, dWh);
        s.dx.reshape(n, d);
        MatMul.best().multTransB(tmp, wx, s.dx);
        s.dhPrev.reshape(n, hidden);
        MatMul.best().multTransB(tmp, wh, s.dhPrev);
    }

    /**
     * The guard of a step's backward: the step went forward, and the upstream gradient has the shape of that
     * step's state (rows = samples, columns = hidden units) and an array that long. Names both shapes.
     */
    static void requireStep(Object cell, boolean forwarded, DMatrixRMaj upstream, DMatrixRMaj state, String name) {
        if (!forwarded) {
            throw new IllegalStateException(cell + ": backward called on a step that never went forward; call forward"
                    + " with this step first");
        }
        if (upstream.numRows != state.numRows || upstream.numCols != state.numCols) {
            throw new IllegalArgumentException(cell + ": " + name + " is " + upstream.numRows + "×" + upstream.numCols
                    + " but the step's state is " + state.numRows + "×" + state.numCols + " (samples × hidden units):"
                    + " pass one gradient row per sample of the forward pass");
        }
        Checks.minLength(upstream.data, (long) state.numRows * state.numCols, name + ".data",
                "a " + state.numRows + "×" + state.numCols + " gradient");
    }

    /** g += aᵀ·da. */
    private void accumulate(MatMul mm, DMatrixRMaj a, DMatrixRMaj da, DMatrixRMaj g) {
        tmpW.reshape(g.numRows, g.numCols);
        mm.multTransA(a, da, tmpW);
        for (int i = 0; i < g.getNumElements(); i++) {
            g.data[i] += tmpW.data[i];
        }
    }

    @Override
    public String toString() {
        return "RnnCell(" + d + "→" + hidden + ")";
    }
}
