package dl.recurrent;

import dl.checks.Finite;
import dl.activations.Sigmoid;
import dl.fast.MatMul;
import dl.init.Init;
import dl.layers.Param;
import dl.checks.Checks;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;

/**
 * One time step of an LSTM (장단기 메모리, long short-term memory; Hochreiter &amp; Schmidhuber 1997),
 * in the form of DLFS 2 §6.3. With A = xₜ·Wx + hₜ₋₁·Wh + b (N × 4H) split into four N × H blocks:
 * <pre>
 *   f = σ(A_f)        forget gate (망각 게이트): how much of the old memory cell to keep
 *   g = tanh(A_g)     the new candidate memory
 *   i = σ(A_i)        input gate (입력 게이트): how much of g to write
 *   o = σ(A_o)        output gate (출력 게이트): how much of the memory to show
 *   cₜ = f ⊙ cₜ₋₁ + i ⊙ g
 *   hₜ = o ⊙ tanh(cₜ)
 * </pre>
 * Wx is D × 4H, Wh is H × 4H, b is 1 × 4H, blocks in the order f, g, i, o. The forget-gate biases
 * start at {@code forgetBias} (1 by default, as in Keras and Jozefowicz et al. 2015), the others at 0.
 *
 * <p>Backward for one step, with ds = dcₜ + dhₜ ⊙ o ⊙ (1 − tanh²cₜ):
 * dcₜ₋₁ = ds ⊙ f; dA_f = ds ⊙ cₜ₋₁ ⊙ f(1 − f); dA_g = ds ⊙ i ⊙ (1 − g²); dA_i = ds ⊙ g ⊙ i(1 − i);
 * dA_o = dhₜ ⊙ tanh cₜ ⊙ o(1 − o); then ∂L/∂Wx += xₜᵀ·dA, ∂L/∂Wh += hₜ₋₁ᵀ·dA, ∂L/∂b += Σ_rows dA,
 * ∂L/∂xₜ = dA·Wxᵀ, ∂L/∂hₜ₋₁ = dA·Whᵀ. The memory path cₜ₋₁ → cₜ is multiplied only by f, not by a
 * weight matrix and a tanh' at every step: that is why gradients survive many more steps than in
 * the plain {@link RnnCell}.
 *
 * <p>tanh is {@link StrictTanh#tanh}: the bits of {@link StrictMath#tanh} (which {@link Math#tanh} returns on
 * Java 17 to 23), computed in Java instead of by a native call three times as slow, and on whole vectors ({@link VectorTanh})
 * where the JVM has the Vector API.
 */
public final class LstmCell {
    /** Default initial bias of the forget gate. */
    public static final double DEFAULT_FORGET_BIAS = 1.0;

    /** The gates' blocks of A, Wx, Wh and b, each H columns wide: block k holds columns k·H … k·H + H − 1. */
    static final int F = 0, G = 1, I = 2, O = 3;

    /** Whether {@link VectorTanh} can run (the JVM has the module jdk.incubator.vector). */
    private static final boolean VECTOR_TANH = MatMul.vectorAvailable();

    private final int d;
    private final int hidden;
    private final DMatrixRMaj wx, wh, b, dWx, dWh, db;
    private final DMatrixRMaj a = new DMatrixRMaj(1, 1);
    private final DMatrixRMaj tmp = new DMatrixRMaj(1, 1);
    private final DMatrixRMaj tmpW = new DMatrixRMaj(1, 1);

    /** The cached values of one step. */
    public static final class Step {
        final DMatrixRMaj x = new DMatrixRMaj(1, 1);
        final DMatrixRMaj hPrev = new DMatrixRMaj(1, 1);
        final DMatrixRMaj cPrev = new DMatrixRMaj(1, 1);
        final DMatrixRMaj f = new DMatrixRMaj(1, 1);
        final DMatrixRMaj g = new DMatrixRMaj(1, 1);
        final DMatrixRMaj i = new DMatrixRMaj(1, 1);
        final DMatrixRMaj o = new DMatrixRMaj(1, 1);
        final DMatrixRMaj c = new DMatrixRMaj(1, 1);
        final DMatrixRMaj tanhC = new DMatrixRMaj(1, 1);
        final DMatrixRMaj h = new DMatrixRMaj(1, 1);
        final DMatrixRMaj dx = new DMatrixRMaj(1, 1);
        final DMatrixRMaj dhPrev = new DMatrixRMaj(1, 1);
        final DMatrixRMaj dcPrev = new DMatrixRMaj(1, 1);
        boolean forwarded;

        public DMatrixRMaj h() { return h; }

        public DMatrixRMaj c() { return c; }

        public DMatrixRMaj forgetGate() { return f; }

        public DMatrixRMaj inputGate() { return i; }

        public DMatrixRMaj outputGate() { return o; }

        public DMatrixRMaj candidate() { return g; }

        /** After {@link LstmCell#backward}: ∂L/∂xₜ, N × D. */
        public DMatrixRMaj dx() { return dx; }

        /** After {@link LstmCell#backward}: ∂L/∂hₜ₋₁, N × H (what step t − 1 receives from this one). */
        public DMatrixRMaj dhPrev() { return dhPrev; }

        /** After {@link LstmCell#backward}: ∂L/∂cₜ₋₁ = ds ⊙ f, N × H. */
        public DMatrixRMaj dcPrev() { return dcPrev; }
    }

    /** Wx and Wh drawn by {@code init} (fan-in D and H) from {@code new Random(seed)}; forget bias 1. */
    public LstmCell(int inputSize, int hiddenSize, Init init, long seed) {
        this(inputSize, hiddenSize, init, seed, DEFAULT_FORGET_BIAS);
    }

    /** As above with the forget-gate biases set to {@code forgetBias}. */
    public LstmCell(int inputSize, int hiddenSize, Init init, long seed, double forgetBias) {
        Checks.notNull(init, "init");
        if (!Double.isFinite(forgetBias)) {
            throw new IllegalArgumentException("forget bias must be finite, got " + forgetBias);
        }
        this.d = Checks.atLeast(inputSize, 1, "input size");
        this.hidden = Checks.atLeast(hiddenSize, 1, "hidden size");
        Random rng = new Random(seed);
        // fan-out H per gate: each of the four blocks is drawn as a D × H (H × H) matrix would be
        this.wx = blocks(init, d, rng);
        this.wh = blocks(init, hidden, rng);
        this.b = new DMatrixRMaj(1, 4 * hidden);
        Arrays.fill(b.data, F * hidden, (F + 1) * hidden, forgetBias);
        this.dWx = new DMatrixRMaj(d, 4 * hidden);
        this.dWh = new DMatrixRMaj(hidden, 4 * hidden);
        this.db = new DMatrixRMaj(1, 4 * hidden);
    }

    private LstmCell(DMatrixRMaj wx, DMatrixRMaj wh, DMatrixRMaj b) {
        this.d = wx.numRows;
        this.hidden = wh.numRows;
        this.wx = wx.copy();
        this.wh = wh.copy();
        this.b = b.copy();
        this.dWx = new DMatrixRMaj(d, 4 * hidden);
        this.dWh = new DMatrixRMaj(hidden, 4 * hidden);
        this.db = new DMatrixRMaj(1, 4 * hidden);
    }

    /**
     * A cell with the given weights (copied): Wx D × 4H, Wh H × 4H, b 1 × 4H, blocks f, g, i, o — e.g. a trained
     * cell's, or PyTorch's {@code weight_ih_l0}ᵀ etc. with its gate blocks i, f, g, o reordered.
     */
    public static LstmCell of(DMatrixRMaj wx, DMatrixRMaj wh, DMatrixRMaj b) {
        Checks.notNull(wx, "wx");
        Checks.notNull(wh, "wh");
        Checks.notNull(b, "b");
        int h = wh.numRows;
        if (h < 1 || wx.numRows < 1 || wx.numCols != 4 * h || wh.numCols != 4 * h || b.numRows != 1 || b.numCols != 4 * h) {
            throw new IllegalArgumentException("LstmCell.of: Wx is " + wx.numRows + "×" + wx.numCols + ", Wh is "
                    + wh.numRows + "×" + wh.numCols + ", b is " + b.numRows + "×" + b.numCols
                    + "; expected D×4H, H×4H and 1×4H with H = Wh's rows (" + h + ")");
        }
        Finite.require(wx, "LstmCell.of: Wx");
        Finite.require(wh, "LstmCell.of: Wh");
        Finite.require(b, "LstmCell.of: b");
        return new LstmCell(wx, wh, b);
    }

    private DMatrixRMaj blocks(Init init, int fanIn, Random rng) {
        double std = init.std(fanIn, hidden);
        DMatrixRMaj m = new DMatrixRMaj(fanIn, 4 * hidden);
        for (int k = 0; k < m.data.length; k++) {
            m.data[k] = std * rng.nextGaussian();
        }
        return m;
    }

    public int inputSize() { return d; }

    public int hiddenSize() { return hidden; }

    public DMatrixRMaj wx() { return wx; }

    public DMatrixRMaj wh() { return wh; }

    public DMatrixRMaj bias() { return b; }

    public List<Param> params() {
        return List.of(new Param("Wx", wx, dWx, true), new Param("Wh", wh, dWh, true), new Param("b", b, db, false));
    }

    public void zeroGradients() {
        Arrays.fill(dWx.data, 0);
        Arrays.fill(dWh.data, 0);
        Arrays.fill(db.data, 0);
    }

    /**
     * One step forward; returns hₜ (cₜ is {@code s.c()}). A NaN or ±∞ in x, the previous state or the previous
     * cell state is refused, naming which, its row (sample) and column.
     */
    public DMatrixRMaj forward(DMatrixRMaj x, DMatrixRMaj hPrev, DMatrixRMaj cPrev, Step s) {
        return forward(x, hPrev, cPrev, s, true);
    }

    /** The step forward; {@code check}: refuse non-finite inputs (off inside an {@link Lstm}, which checks x once). */
    DMatrixRMaj forward(DMatrixRMaj x, DMatrixRMaj hPrev, DMatrixRMaj cPrev, Step s, boolean check) {
        Checks.notNull(x, "x");
        Checks.notNull(hPrev, "hPrev");
        Checks.notNull(cPrev, "cPrev");
        Checks.notNull(s, "s (step)");
        int n = x.numRows;
        if (x.numCols != d || hPrev.numRows != n || hPrev.numCols != hidden || cPrev.numRows != n
                || cPrev.numCols != hidden) {
            throw new IllegalArgumentException(this + ": x is " + x.numRows + "×" + x.numCols + ", h is " + hPrev.numRows
                    + "×" + hPrev.numCols + ", c is " + cPrev.numRows + "×" + cPrev.numCols + ", expected N×" + d
                    + ", N×" + hidden + ", N×" + hidden);
        }
        if (check) {
            Finite.require(x, this + ": input x");
            Finite.require(hPrev, this + ": previous state hPrev");
            Finite.require(cPrev, this + ": previous cell state cPrev");
        }
        s.x.setTo(x);
        s.hPrev.setTo(hPrev);
        s.cPrev.setTo(cPrev);
        int h4 = 4 * hidden;
        a.reshape(n, h4);
        tmp.reshape(n, h4);
        MatMul.best().mult(x, wx, a);
        MatMul.best().mult(hPrev, wh, tmp);
        for (DMatrixRMaj m : new DMatrixRMaj[] {s.f, s.g, s.i, s.o, s.c, s.tanhC, s.h}) {
            m.reshape(n, hidden);
        }
        // The gate math of each sample r, one pass per quantity (so that tanh runs on whole vectors); the plain
        // version, per unit j with e = r·H + j:
        //   f = σ(A_f[j]), g = tanh(A_g[j]), i = σ(A_i[j]), o = σ(A_o[j]); c[e] = f·cPrev[e] + i·g;
        //   h[e] = o·tanh(c[e])
        double[] pre = a.data; // A = xₜ·Wx + hₜ₋₁·Wh + b, in place
        for (int r = 0; r < n; r++) {
            int row = r * h4, e0 = r * hidden;
            for (int j = 0; j < h4; j++) {
                pre[row + j] = pre[row + j] + tmp.data[row + j] + b.data[j];
            }
            tanh(pre, row + G * hidden, s.g.data, e0, hidden);
            for (int j = 0; j < hidden; j++) {
                int e = e0 + j;
                double f = Sigmoid.sigmoid(pre[row + F * hidden + j]), i = Sigmoid.sigmoid(pre[row + I * hidden + j]);
                s.f.data[e] = f;
                s.i.data[e] = i;
                s.o.data[e] = Sigmoid.sigmoid(pre[row + O * hidden + j]);
                s.c.data[e] = f * cPrev.data[e] + i * s.g.data[e];
            }
        }
        tanh(s.c.data, 0, s.tanhC.data, 0, n * hidden);
        for (int e = 0; e < n * hidden; e++) {
            s.h.data[e] = s.o.data[e] * s.tanhC.data[e];
        }
        s.forwarded = true;
        return s.h;
    }

    /**
     * One step back from ∂L/∂hₜ and ∂L/∂cₜ: fills the step's dx, dhPrev and dcPrev and adds this step's
     * parameter gradients.
     */
    public void backward(DMatrixRMaj dh, DMatrixRMaj dc, Step s) {
        backward(dh, dc, s, null);
    }

    /**
     * The step back; {@code whT}: Whᵀ (4H × H), transposed once per pass by {@link Lstm#backward} so that every
     * step's ∂L/∂hₜ₋₁ = dA·Whᵀ reads it row by row instead of packing Wh's columns again (null: transpose in the
     * product, as {@link #backward(DMatrixRMaj, DMatrixRMaj, Step)} does).
     */
    void backward(DMatrixRMaj dh, DMatrixRMaj dc, Step s, DMatrixRMaj whT) {
        Checks.notNull(dh, "dh");
        Checks.notNull(dc, "dc");
        Checks.notNull(s, "s (step)");
        RnnCell.requireStep(this, s.forwarded, dh, s.h, "dh (∂L/∂hₜ)");
        RnnCell.requireStep(this, s.forwarded, dc, s.c, "dc (∂L/∂cₜ)");
        int n = s.h.numRows;
        int h4 = 4 * hidden;
        tmp.reshape(n, h4);
        s.dcPrev.reshape(n, hidden);
        for (int r = 0; r < n; r++) {
            int row = r * h4;
            for (int j = 0; j < hidden; j++) {
                int e = r * hidden + j;
                double f = s.f.data[e], g = s.g.data[e], i = s.i.data[e], o = s.o.data[e], tc = s.tanhC.data[e];
                double ds = dc.data[e] + dh.data[e] * o * (1 - tc * tc);
                s.dcPrev.data[e] = ds * f;
                double dAf = ds * s.cPrev.data[e] * f * (1 - f);
                double dAg = ds * i * (1 - g * g);
                double dAi = ds * g * i * (1 - i);
                double dAo = dh.data[e] * tc * o * (1 - o);
                tmp.data[row + F * hidden + j] = dAf;
                tmp.data[row + G * hidden + j] = dAg;
                tmp.data[row + I * hidden + j] = dAi;
                tmp.data[row + O * hidden + j] = dAo;
                db.data[F * hidden + j] += dAf;
                db.data[G * hidden + j] += dAg;
                db.data[I * hidden + j] += dAi;
                db.data[O * hidden + j] += dAo;
            }
        }
        accumulate(s.x, tmp, dWx);
        accumulate(s.hPrev, tmp, dWh);
        s.dx.reshape(n, d);
        MatMul.best().multTransB(tmp, wx, s.dx);
        s.dhPrev.reshape(n, hidden);
        if (whT != null && vectorProduct((long) n * h4 * hidden)) {
            MatMul.best().mult(tmp, whT, s.dhPrev); // the same sums in the same order as multTransB(tmp, wh, …)
        } else {
            MatMul.best().multTransB(tmp, wh, s.dhPrev);
        }
    }

    /**
     * Whether {@link MatMul#best()} computes a product of this many multiply-adds with its vector kernel, where
     * A·(Bᵀ stored) and A·Bᵀ pack the same panels of B and sum every element in the same order (EJML's mult and
     * multTransB may differ in the sign of a zero sum).
     */
    private static boolean vectorProduct(long multiplyAdds) {
        return MatMul.best() != MatMul.PLAIN && multiplyAdds >= MatMul.VECTOR_MIN;
    }

    private void accumulate(DMatrixRMaj x, DMatrixRMaj dA, DMatrixRMaj g) {
        tmpW.reshape(g.numRows, g.numCols);
        MatMul.best().multTransA(x, dA, tmpW);
        for (int k = 0; k < g.getNumElements(); k++) {
            g.data[k] += tmpW.data[k];
        }
    }

    /** out[to + j] = tanh(x[from + j]) for j &lt; n: {@link StrictTanh}, a vector at a time where the JVM can. */
    private static void tanh(double[] x, int from, double[] out, int to, int n) {
        if (VECTOR_TANH) {
            VectorTanh.tanh(x, from, out, to, n);
        } else {
            for (int j = 0; j < n; j++) {
                out[to + j] = StrictTanh.tanh(x[from + j]);
            }
        }
    }

    @Override
    public String toString() {
        return "LstmCell(" + d + "→" + hidden + ")";
    }
}
