package dl.recurrent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dl.init.Init;
import dl.tensors.Tensor;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * {@link Lstm} and {@link LstmCell} against {@link LstmReference}, today's arithmetic before issue 28's speed work:
 * the outputs, cell states, gates, ∂L/∂x and the parameter gradients must be the same bits (delta 0), on odd
 * batch sizes, input and hidden sizes, both outputs, and over a few training steps, with weights from small to
 * saturating (pre-activations beyond ±22, where tanh is ±1, and near 0).
 */
class LstmEquivalenceTest {
    private static DMatrixRMaj random(int rows, int cols, double scale, Random r) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < m.data.length; i++) {
            m.data[i] = i % 11 == 5 ? 0.0 : scale * r.nextGaussian();
        }
        return m;
    }

    private static void same(String what, DMatrixRMaj want, DMatrixRMaj got) {
        assertArrayEquals(new int[] {want.numRows, want.numCols}, new int[] {got.numRows, got.numCols}, what + " shape");
        assertArrayEquals(java.util.Arrays.copyOf(want.data, want.getNumElements()),
                java.util.Arrays.copyOf(got.data, got.getNumElements()), 0.0, what);
    }

    /** Per-step N × H matrices of the reference stacked as the layer's N × T × H tensors. */
    private static void sameStates(String what, LstmReference ref, int t, java.util.function.Function<LstmReference.Step,
            DMatrixRMaj> part, Tensor got) {
        DMatrixRMaj first = part.apply(ref.steps.get(0));
        int n = first.numRows, h = first.numCols;
        double[] want = new double[n * t * h];
        for (int s = 0; s < t; s++) {
            DMatrixRMaj m = part.apply(ref.steps.get(s));
            for (int r = 0; r < n; r++) {
                System.arraycopy(m.data, r * h, want, (r * t + s) * h, h);
            }
        }
        assertArrayEquals(want, got.toArray(), 0.0, what);
    }

    /** {@code iterations} forward and backward passes with SGD steps between them, compared after each. */
    private static void compare(int n, int d, int hidden, int steps, double weightScale, SequenceOutput output,
                                long seed) {
        Random r = new Random(seed);
        LstmCell cell = new LstmCell(d, hidden, Init.normal(weightScale), seed, 0.7);
        Lstm lstm = new Lstm(cell, output);
        LstmReference ref = new LstmReference(cell);
        String shape = "N=" + n + " D=" + d + " H=" + hidden + " T=" + steps + " weights×" + weightScale + " " + output;
        for (int it = 0; it < 3; it++) {
            String at = shape + ", iteration " + it + ": ";
            DMatrixRMaj x = random(n, steps * d, 2.0, r);
            DMatrixRMaj y = lstm.forward(x, true);
            same(at + "output", ref.forward(x, output), y);
            sameStates(at + "cell states", ref, steps, s -> s.c, lstm.cellStates());
            sameStates(at + "forget gates", ref, steps, s -> s.f, lstm.forgetGates());
            sameStates(at + "input gates", ref, steps, s -> s.i, lstm.inputGates());
            sameStates(at + "output gates", ref, steps, s -> s.o, lstm.outputGates());
            sameStates(at + "hidden states", ref, steps, s -> s.h, lstm.hiddenStates());
            DMatrixRMaj dout = random(y.numRows, y.numCols, 1.0, r);
            same(at + "∂L/∂x", ref.backward(dout, output), lstm.backward(dout));
            same(at + "∂L/∂Wx", ref.dWx, cell.params().get(0).grad());
            same(at + "∂L/∂Wh", ref.dWh, cell.params().get(1).grad());
            same(at + "∂L/∂b", ref.db, cell.params().get(2).grad());
            DMatrixRMaj[] mine = {cell.wx(), cell.wh(), cell.bias()}, theirs = {ref.wx, ref.wh, ref.b};
            DMatrixRMaj[] grads = {ref.dWx, ref.dWh, ref.db};
            for (int p = 0; p < 3; p++) { // the same SGD step on both copies of the weights
                for (int k = 0; k < mine[p].data.length; k++) {
                    mine[p].data[k] -= 0.05 * grads[p].data[k];
                    theirs[p].data[k] -= 0.05 * grads[p].data[k];
                }
            }
        }
    }

    @Test
    void benchmarkShapeBatch64Hidden64ThirtySteps() {
        compare(64, 1, 64, 30, 0.2, SequenceOutput.LAST_STATE, 1);
    }

    @Test
    void oddBatchesAndSizes() {
        long seed = 10;
        for (int n : new int[] {1, 3, 7}) {
            for (int[] dh : new int[][] {{1, 1}, {3, 5}, {1, 8}, {2, 13}, {5, 64}}) {
                for (SequenceOutput output : SequenceOutput.values()) {
                    compare(n, dh[0], dh[1], 1 + (int) (seed % 5), 0.6, output, seed++);
                }
            }
        }
    }

    @Test
    void saturatingAndTinyPreActivations() {
        compare(7, 3, 9, 6, 12.0, SequenceOutput.ALL_STATES, 3); // |A| up to ~100: tanh and σ saturate
        compare(5, 2, 17, 4, 1e-9, SequenceOutput.LAST_STATE, 4); // A ≈ b and tiny: tanh's x·(1 + x) branch
        compare(3, 1, 40, 8, 3.0, SequenceOutput.ALL_STATES, 5);
    }

    @Test
    void cellStepOnItsOwn() {
        Random r = new Random(6);
        LstmCell cell = new LstmCell(3, 11, Init.normal(1.5), 6);
        LstmReference ref = new LstmReference(cell);
        for (int n : new int[] {1, 3, 7}) {
            DMatrixRMaj x = random(n, 3, 2.0, r), h = random(n, 11, 1.0, r), c = random(n, 11, 3.0, r);
            LstmCell.Step s = new LstmCell.Step();
            LstmReference.Step rs = new LstmReference.Step();
            same("h, N=" + n, ref.stepForward(x, h, c, rs), cell.forward(x, h, c, s));
            same("c, N=" + n, rs.c, s.c());
            DMatrixRMaj dh = random(n, 11, 1.0, r), dc = random(n, 11, 1.0, r);
            cell.zeroGradients();
            java.util.Arrays.fill(ref.dWx.data, 0);
            java.util.Arrays.fill(ref.dWh.data, 0);
            java.util.Arrays.fill(ref.db.data, 0);
            cell.backward(dh, dc, s);
            ref.stepBackward(dh, dc, rs);
            same("dx, N=" + n, rs.dx, s.dx);
            same("dhPrev, N=" + n, rs.dhPrev, s.dhPrev);
            same("dcPrev, N=" + n, rs.dcPrev, s.dcPrev);
            same("∂L/∂Wh, N=" + n, ref.dWh, cell.params().get(1).grad());
        }
    }
}
