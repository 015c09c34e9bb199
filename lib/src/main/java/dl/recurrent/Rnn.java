package dl.recurrent;

import dl.checks.Finite;
import dl.init.Init;
import dl.layers.Layer;
import dl.layers.Param;
import dl.checks.Checks;
import dl.tensors.Tensor;
import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * A recurrent layer (DLFS 2's TimeRNN): one {@link RnnCell} applied at every time
 * step t = 1 … T with the same parameters, h₀ = 0 unless {@link #initialState} gives it (to carry the state over
 * from one piece of a long sequence to the next: {@link #finalState()}),
 * <pre>
 *   hₜ = tanh(xₜ·Wx + hₜ₋₁·Wh + b)
 * </pre>
 * — the recurrent neuron unrolled in time.
 *
 * <p>Backward is back-propagation through time (BPTT): from t = T down to 1 the gradient reaching hₜ
 * is the one from the layer's output at step t plus the one coming back from step t + 1,
 * dhₜ = ∂L/∂yₜ + ∂L/∂hₜ₋₁|₍ₜ₊₁₎; each step adds its share to ∂L/∂Wx, ∂L/∂Wh, ∂L/∂b.
 *
 * <p>Input rows are sequences: an N × (T·D) matrix, x_t of sample n in columns t·D … t·D + D − 1
 * (the matrix view of an N × T × D tensor). Output: {@link SequenceOutput}.
 *
 * <p>Divergence is reported, not passed on: used on its own, a forward pass whose states become NaN or ±∞ throws a
 * {@link dl.descent.DivergenceException} naming the time step, sample, unit and cause (non-finite weights, or
 * data or weights too large); a backward pass whose gradients overflow names the time step where back-propagation
 * through time exploded (inside a {@code Sequential} too, where {@code Trainer} stops with that report).
 *
 * <p>Built from given weights: {@code new Rnn(RnnCell.of(wx, wh, b), output)}.
 */
public final class Rnn implements Layer {
    private final RnnCell cell;
    /** The per-step states and back-propagated gradients that a divergence report names. */
    private static final List<Sequences.Part<RnnCell.Step>> STATES = List.of(
            new Sequences.Part<>("hidden state h", RnnCell.Step::h));
    private static final List<Sequences.Part<RnnCell.Step>> GRADIENTS = List.of(
            new Sequences.Part<>("∂L/∂hₜ₋₁", RnnCell.Step::dhPrev));
    private final SequenceOutput output;
    private final List<RnnCell.Step> steps = new ArrayList<>();
    private final DMatrixRMaj xt = new DMatrixRMaj(1, 1);
    private final DMatrixRMaj h0 = new DMatrixRMaj(1, 1);
    private final DMatrixRMaj dh = new DMatrixRMaj(1, 1);
    private final DMatrixRMaj y = new DMatrixRMaj(1, 1);
    private final DMatrixRMaj dx = new DMatrixRMaj(1, 1);
    private int t = -1;
    private int passes; // training-mode forward passes: the step of a divergence report
    private boolean inputChecked = true;
    private DMatrixRMaj input; // the last forward's x, for a divergence report
    private DMatrixRMaj startH; // the initial state, when given (else zeros)
    private boolean backwardDone;

    /** Weights by {@code init} from seed {@code seed}; returns every step's state or only the last. */
    public Rnn(int inputSize, int hiddenSize, Init init, long seed, SequenceOutput output) {
        this(new RnnCell(inputSize, hiddenSize, init, seed), output);
    }

    /** A layer around a given cell. */
    public Rnn(RnnCell cell, SequenceOutput output) {
        this.cell = Checks.notNull(cell, "cell");
        this.output = Checks.notNull(output, "output");
    }

    public RnnCell cell() { return cell; }

    /**
     * The state h₀ (N × H, copied) that every following forward pass starts from, for batches of N rows;
     * {@code initialState(null)}: zeros again.
     */
    public Rnn initialState(DMatrixRMaj h0) {
        if (h0 != null) {
            if (h0.numCols != cell.hiddenSize()) {
                throw new IllegalArgumentException(this + ": h0 is " + h0.numRows + "×" + h0.numCols + "; expected N×"
                        + cell.hiddenSize());
            }
            Finite.require(h0, this + ": initial state h0");
        }
        startH = h0 == null ? null : h0.copy();
        return this;
    }

    /** h_T of the last forward pass, N × H (a copy): the initial state of a next piece. */
    public DMatrixRMaj finalState() { return steps().get(t - 1).h.copy(); }

    /** After a backward pass: ∂L/∂h₀, N × H (a copy). */
    public DMatrixRMaj initialStateGradient() {
        if (!backwardDone) {
            throw new IllegalStateException(this + ": no backward pass since the last forward pass");
        }
        return dh.copy();
    }

    /** The hidden states h₁ … h_T of the last forward pass, an N × T × H tensor (a copy). */
    public Tensor hiddenStates() {
        return Sequences.stack(steps(), RnnCell.Step::h);
    }

    private List<RnnCell.Step> steps() {
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
            this.steps.add(new RnnCell.Step());
        }
        h0.reshape(n, hs);
        if (startH == null) {
            java.util.Arrays.fill(h0.data, 0, n * hs, 0.0);
        } else if (startH.numRows != n) {
            throw new IllegalArgumentException(this + ": the initial state has " + startH.numRows + " rows, the batch "
                    + n + " (initialState(null) for zeros)");
        } else {
            h0.setTo(startH);
        }
        backwardDone = false;
        DMatrixRMaj h = h0;
        y.reshape(n, output == SequenceOutput.ALL_STATES ? steps * hs : hs);
        for (int s = 0; s < steps; s++) {
            Sequences.column(x, s, d, xt);
            h = cell.forward(xt, h, this.steps.get(s), false);
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
        java.util.Arrays.fill(dh.data, 0, n * hs, 0.0);
        for (int s = t - 1; s >= 0; s--) {
            Sequences.addUpstream(dout, output, s, t, hs, dh);
            RnnCell.Step step = steps.get(s);
            cell.backward(dh, step);
            Sequences.putColumn(step.dx, s, dx);
            dh.setTo(step.dhPrev);
        }
        // one pass over dx and the parameter gradients (small beside BPTT's products): an overflow is divergence
        Sequences.requireFiniteGradients(this, dx, dout, steps.subList(0, t), STATES, GRADIENTS, input, params(),
                passes);
        backwardDone = true; // dh now holds ∂L/∂h₀
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
        return "Rnn(" + cell.inputSize() + "→" + cell.hiddenSize() + ", " + output + ")";
    }
}
