package dl.recurrent;

import dl.checks.Finite;
import dl.init.Init;
import dl.layers.Layer;
import dl.layers.Param;
import dl.checks.Checks;
import dl.tensors.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * An LSTM layer (DLFS 2's TimeLSTM): one {@link LstmCell} applied at every time step with the same
 * parameters, h₀ = c₀ = 0 unless {@link #initialState} gives them (to carry the state over from one piece of a long
 * sequence to the next: {@link #finalState()}, {@link #finalCellState()}).
 *
 * <p>Backward through time: from t = T down to 1, dhₜ = ∂L/∂yₜ + (dhₜ from step t + 1) and
 * dcₜ = (dcₜ from step t + 1), with dh_T and dc_T starting from the output gradient and 0.
 *
 * <p>Input rows are sequences, N × (T·D) as for {@link Rnn}; output per {@link SequenceOutput}.
 * After a forward pass {@link #forgetGates()}, {@link #inputGates()}, {@link #outputGates()} and
 * {@link #cellStates()} give the gate activations and memory cells of every step.
 *
 * <p>Divergence is reported, not passed on: used on its own, a forward pass whose states become NaN or ±∞ throws a
 * {@link dl.descent.DivergenceException} naming the time step, sample, unit and cause (non-finite weights, or
 * data or weights too large); a backward pass whose gradients overflow names the time step where back-propagation
 * through time exploded (inside a {@code Sequential} too, where {@code Trainer} stops with that report).
 *
 * <p>Built from given weights: {@code new Lstm(LstmCell.of(wx, wh, b), output)}.
 */
public final class Lstm implements Layer {
    private final LstmCell cell;

    /** The per-step states and back-propagated gradients that a divergence report names. */
    private static final List<Sequences.Part<LstmCell.Step>> STATES = List.of(
            new Sequences.Part<>("hidden state h", LstmCell.Step::h),
            new Sequences.Part<>("cell state c", LstmCell.Step::c));
    private static final List<Sequences.Part<LstmCell.Step>> GRADIENTS = List.of(
            new Sequences.Part<LstmCell.Step>("∂L/∂hₜ₋₁", s -> s.dhPrev),
            new Sequences.Part<LstmCell.Step>("∂L/∂cₜ₋₁", s -> s.dcPrev));
    private final SequenceOutput output;
    private final List<LstmCell.Step> steps = new ArrayList<>();
    private final DMatrixRMaj xt = new DMatrixRMaj(1, 1);
    private final DMatrixRMaj h0 = new DMatrixRMaj(1, 1);
    private final DMatrixRMaj c0 = new DMatrixRMaj(1, 1);
    private final DMatrixRMaj dh = new DMatrixRMaj(1, 1);
    private final DMatrixRMaj dc = new DMatrixRMaj(1, 1);
    private final DMatrixRMaj y = new DMatrixRMaj(1, 1);
    private final DMatrixRMaj dx = new DMatrixRMaj(1, 1);
    private final DMatrixRMaj whT = new DMatrixRMaj(1, 1); // Whᵀ for one backward pass
    private int t = -1;
    private boolean backwardDone;
    private int passes; // training-mode forward passes: the step of a divergence report
    private boolean inputChecked = true;
    private DMatrixRMaj input; // the last forward's x, for a divergence report
    private DMatrixRMaj startH, startC; // the initial state, when given (else zeros)

    /** Weights by {@code init} from seed {@code seed}, forget-gate bias 1. */
    public Lstm(int inputSize, int hiddenSize, Init init, long seed, SequenceOutput output) {
        this(new LstmCell(inputSize, hiddenSize, init, seed), output);
    }

    /** A layer around a given cell. */
    public Lstm(LstmCell cell, SequenceOutput output) {
        this.cell = Checks.notNull(cell, "cell");
        this.output = Checks.notNull(output, "output");
    }

    public LstmCell cell() { return cell; }

    /**
     * The state h₀, c₀ (both N × H, copied) that every following forward pass starts from, for batches of N rows;
     * {@code initialState(null, null)}: zeros again.
     */
    public Lstm initialState(DMatrixRMaj h0, DMatrixRMaj c0) {
        if ((h0 == null) != (c0 == null)) {
            throw new IllegalArgumentException(this + ": give both h0 and c0, or neither (null, null: zeros)");
        }
        if (h0 != null) {
            int hs = cell.hiddenSize();
            if (h0.numCols != hs || c0.numCols != hs || h0.numRows != c0.numRows) {
                throw new IllegalArgumentException(this + ": h0 is " + h0.numRows + "×" + h0.numCols + " and c0 is "
                        + c0.numRows + "×" + c0.numCols + "; expected both N×" + hs);
            }
            Finite.require(h0, this + ": initial state h0");
            Finite.require(c0, this + ": initial cell state c0");
        }
        startH = h0 == null ? null : h0.copy();
        startC = c0 == null ? null : c0.copy();
        return this;
    }

    /** h_T of the last forward pass, N × H (a copy): the initial state of a next piece. */
    public DMatrixRMaj finalState() { return steps().get(t - 1).h.copy(); }

    /** c_T of the last forward pass, N × H (a copy). */
    public DMatrixRMaj finalCellState() { return steps().get(t - 1).c.copy(); }

    /** After a backward pass: ∂L/∂h₀, N × H (a copy). */
    public DMatrixRMaj initialStateGradient() { return afterBackward(dh); }

    /** After a backward pass: ∂L/∂c₀, N × H (a copy). */
    public DMatrixRMaj initialCellStateGradient() { return afterBackward(dc); }

    private DMatrixRMaj afterBackward(DMatrixRMaj g) {
        if (!backwardDone) {
            throw new IllegalStateException(this + ": no backward pass since the last forward pass");
        }
        return g.copy();
    }

    /** h₁ … h_T of the last forward pass, N × T × H (a copy). */
    public Tensor hiddenStates() { return Sequences.stack(steps(), LstmCell.Step::h); }

    /** c₁ … c_T, N × T × H. */
    public Tensor cellStates() { return Sequences.stack(steps(), LstmCell.Step::c); }

    /** The forget gate f at every step, N × T × H. */
    public Tensor forgetGates() { return Sequences.stack(steps(), LstmCell.Step::forgetGate); }

    /** The input gate i at every step, N × T × H. */
    public Tensor inputGates() { return Sequences.stack(steps(), LstmCell.Step::inputGate); }

    /** The output gate o at every step, N × T × H. */
    public Tensor outputGates() { return Sequences.stack(steps(), LstmCell.Step::outputGate); }

    private List<LstmCell.Step> steps() {
        if (t < 0) {
            throw new IllegalStateException(this + ": no forward pass yet");
        }
        return steps.subList(0, t);
    }

    @Override
    public DMatrixRMaj forward(DMatrixRMaj x, boolean training) {
        int d = cell.inputSize(), hs = cell.hiddenSize();
        int steps = Sequences.steps(x, d, this, inputChecked);
        if (training) {
            passes++;
        }
        int n = x.numRows;
        while (this.steps.size() < steps) {
            this.steps.add(new LstmCell.Step());
        }
        h0.reshape(n, hs);
        c0.reshape(n, hs);
        if (startH == null) {
            Arrays.fill(h0.data, 0, n * hs, 0.0);
            Arrays.fill(c0.data, 0, n * hs, 0.0);
        } else if (startH.numRows != n) {
            throw new IllegalArgumentException(this + ": the initial state has " + startH.numRows + " rows, the batch "
                    + n + " (initialState(null, null) for zeros)");
        } else {
            h0.setTo(startH);
            c0.setTo(startC);
        }
        backwardDone = false;
        DMatrixRMaj h = h0, c = c0;
        y.reshape(n, output == SequenceOutput.ALL_STATES ? steps * hs : hs);
        for (int s = 0; s < steps; s++) {
            LstmCell.Step step = this.steps.get(s);
            Sequences.column(x, s, d, xt);
            h = cell.forward(xt, h, c, step, false);
            c = step.c;
            if (output == SequenceOutput.ALL_STATES) {
                Sequences.putColumn(h, s, y);
            }
        }
        if (output == SequenceOutput.LAST_STATE) {
            System.arraycopy(h.data, 0, y.data, 0, n * hs);
        }
        t = steps;
        input = x;
        if (inputChecked) { // one pass over y; a Sequential leaves a NaN to its loss, where the trainer reports it
            Sequences.requireFiniteStates(this, y, this.steps.subList(0, steps), STATES, x, params(), passes);
        }
        return y;
    }

    @Override
    public DMatrixRMaj backward(DMatrixRMaj dout) {
        Layer.checkUpstream(this, dout, t >= 0, y);
        int n = steps.get(0).h.numRows, hs = cell.hiddenSize(), d = cell.inputSize();
        cell.zeroGradients();
        dx.reshape(n, t * d);
        dh.reshape(n, hs);
        dc.reshape(n, hs);
        Arrays.fill(dh.data, 0, n * hs, 0.0);
        Arrays.fill(dc.data, 0, n * hs, 0.0);
        whT.reshape(4 * hs, hs);
        CommonOps_DDRM.transpose(cell.wh(), whT); // once for all T steps' ∂L/∂hₜ₋₁ = dA·Whᵀ
        for (int s = t - 1; s >= 0; s--) {
            Sequences.addUpstream(dout, output, s, t, hs, dh);
            LstmCell.Step step = steps.get(s);
            cell.backward(dh, dc, step, whT);
            Sequences.putColumn(step.dx, s, dx);
            dh.setTo(step.dhPrev);
            dc.setTo(step.dcPrev);
        }
        // one pass over dx and the parameter gradients (small beside BPTT's products): an overflow is divergence
        Sequences.requireFiniteGradients(this, dx, dout, steps.subList(0, t), STATES, GRADIENTS, input, params(),
                passes);
        backwardDone = true; // dh, dc now hold ∂L/∂h₀, ∂L/∂c₀
        return dx;
    }

    /**
     * Whether {@code forward} refuses a NaN or ±∞ in its input and reports a non-finite hidden state as divergence
     * (on by default; a {@code Sequential} turns it off, see {@link Layer#setInputChecked}). Backward always reports
     * a non-finite gradient as divergence, with the time step and the cause.
     */
    @Override
    public void setInputChecked(boolean checked) {
        this.inputChecked = checked;
    }

    @Override
    public List<Param> params() {
        return cell.params();
    }

    @Override
    public String toString() {
        return "Lstm(" + cell.inputSize() + "→" + cell.hiddenSize() + ", " + output + ")";
    }
}
