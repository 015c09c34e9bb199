package dl.recurrent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dl.init.Init;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** Initial and final states, gradients of the initial state, cells from given weights, BPTT from outside. */
class RecurrentStateTest {
    private static final int N = 3, D = 2, H = 4, T = 6;

    private static DMatrixRMaj random(int rows, int cols, long seed) {
        Random r = new Random(seed);
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < m.data.length; i++) {
            m.data[i] = r.nextGaussian();
        }
        return m;
    }

    /** Columns [from, to) of every row: steps from … to − 1 of N × (T·D) sequences. */
    private static DMatrixRMaj steps(DMatrixRMaj x, int from, int to) {
        DMatrixRMaj out = new DMatrixRMaj(x.numRows, (to - from) * D);
        for (int r = 0; r < x.numRows; r++) {
            System.arraycopy(x.data, r * x.numCols + from * D, out.data, r * out.numCols, (to - from) * D);
        }
        return out;
    }

    @Test
    void anLstmRunInTwoPiecesWithItsStateCarriedOverEqualsOneRunBitForBit() {
        DMatrixRMaj x = random(N, T * D, 1);
        Lstm whole = new Lstm(D, H, Init.xavier(), 7, SequenceOutput.LAST_STATE);
        DMatrixRMaj y = whole.forward(x, false).copy();
        Lstm pieces = new Lstm(D, H, Init.xavier(), 7, SequenceOutput.LAST_STATE);
        pieces.forward(steps(x, 0, 4), false);
        pieces.initialState(pieces.finalState(), pieces.finalCellState());
        DMatrixRMaj y2 = pieces.forward(steps(x, 4, T), false);
        assertArrayEquals(y.data, y2.data, 0.0);
        assertArrayEquals(whole.finalCellState().data, pieces.finalCellState().data, 0.0);
        pieces.initialState(null, null);   // zeros again: the first piece's output again
        assertArrayEquals(new Lstm(D, H, Init.xavier(), 7, SequenceOutput.LAST_STATE).forward(steps(x, 0, 4), false).data,
                pieces.forward(steps(x, 0, 4), false).data, 0.0);
    }

    @Test
    void anRnnRunInTwoPiecesWithItsStateCarriedOverEqualsOneRunBitForBit() {
        DMatrixRMaj x = random(N, T * D, 2);
        Rnn whole = new Rnn(D, H, Init.xavier(), 5, SequenceOutput.LAST_STATE);
        DMatrixRMaj y = whole.forward(x, false).copy();
        Rnn pieces = new Rnn(D, H, Init.xavier(), 5, SequenceOutput.LAST_STATE);
        pieces.forward(steps(x, 0, 2), false);
        pieces.initialState(pieces.finalState());
        assertArrayEquals(y.data, pieces.forward(steps(x, 2, T), false).data, 0.0);
    }

    /** L = Σ y ⊙ w for a fixed random w: dL/dy = w. */
    private static double loss(DMatrixRMaj y, DMatrixRMaj w) {
        double s = 0;
        for (int i = 0; i < y.data.length; i++) {
            s += y.data[i] * w.data[i];
        }
        return s;
    }

    @Test
    void theGradientsOfTheInitialStateMatchCentralDifferences() {
        DMatrixRMaj x = random(N, T * D, 3), h0 = random(N, H, 4), c0 = random(N, H, 5), w = random(N, H, 6);
        Lstm lstm = new Lstm(D, H, Init.xavier(), 9, SequenceOutput.LAST_STATE);
        lstm.initialState(h0, c0).forward(x, true);
        lstm.backward(w);
        DMatrixRMaj dh0 = lstm.initialStateGradient(), dc0 = lstm.initialCellStateGradient();
        double eps = 1e-6;
        for (int which = 0; which < 2; which++) {
            DMatrixRMaj target = which == 0 ? h0 : c0, analytic = which == 0 ? dh0 : dc0;
            for (int k = 0; k < target.data.length; k++) {
                double keep = target.data[k];
                target.data[k] = keep + eps;
                double up = loss(lstm.initialState(h0, c0).forward(x, false), w);
                target.data[k] = keep - eps;
                double down = loss(lstm.initialState(h0, c0).forward(x, false), w);
                target.data[k] = keep;
                double numeric = (up - down) / (2 * eps);
                assertEquals(numeric, analytic.data[k], 1e-7 * Math.max(1, Math.abs(numeric)),
                        (which == 0 ? "dL/dh0" : "dL/dc0") + " element " + k);
            }
        }
        Rnn rnn = new Rnn(D, H, Init.xavier(), 9, SequenceOutput.LAST_STATE);
        rnn.initialState(h0).forward(x, true);
        rnn.backward(w);
        DMatrixRMaj rdh0 = rnn.initialStateGradient();
        for (int k = 0; k < h0.data.length; k++) {
            double keep = h0.data[k];
            h0.data[k] = keep + eps;
            double up = loss(rnn.initialState(h0).forward(x, false), w);
            h0.data[k] = keep - eps;
            double down = loss(rnn.initialState(h0).forward(x, false), w);
            h0.data[k] = keep;
            assertEquals((up - down) / (2 * eps), rdh0.data[k], 1e-7, "Rnn dL/dh0 element " + k);
        }
    }

    @Test
    void aCellBuiltFromAnotherCellsWeightsComputesTheSameAndBpttRunsFromOutside() {
        LstmCell trained = new LstmCell(D, H, Init.xavier(), 11);
        LstmCell copy = LstmCell.of(trained.wx(), trained.wh(), trained.bias());
        DMatrixRMaj x = random(N, T * D, 12), w = random(N, H, 13);
        Lstm layer = new Lstm(copy, SequenceOutput.LAST_STATE);
        DMatrixRMaj y = layer.forward(x, true).copy();
        assertArrayEquals(new Lstm(trained, SequenceOutput.LAST_STATE).forward(x, false).data, y.data, 0.0);
        DMatrixRMaj dx = layer.backward(w).copy();

        // the same BPTT written with the cell's public steps: forward t = 1 … T, backward T … 1
        LstmCell cell = LstmCell.of(trained.wx(), trained.wh(), trained.bias());
        LstmCell.Step[] s = new LstmCell.Step[T];
        DMatrixRMaj h = new DMatrixRMaj(N, H), c = new DMatrixRMaj(N, H);
        for (int t = 0; t < T; t++) {
            s[t] = new LstmCell.Step();
            h = cell.forward(steps(x, t, t + 1), h, c, s[t]);
            c = s[t].c();
        }
        assertArrayEquals(y.data, h.data, 0.0);
        DMatrixRMaj dh = w.copy(), dc = new DMatrixRMaj(N, H), ownDx = new DMatrixRMaj(N, T * D);
        cell.zeroGradients();
        for (int t = T - 1; t >= 0; t--) {
            cell.backward(dh, dc, s[t]);
            for (int r = 0; r < N; r++) {
                System.arraycopy(s[t].dx().data, r * D, ownDx.data, r * T * D + t * D, D);
            }
            dh = s[t].dhPrev().copy();
            dc = s[t].dcPrev().copy();
        }
        assertArrayEquals(dx.data, ownDx.data, 1e-12);
        assertArrayEquals(layer.initialStateGradient().data, dh.data, 1e-12);
        assertArrayEquals(copy.params().get(0).grad().data, cell.params().get(0).grad().data, 1e-12);
    }

    @Test
    void badShapesAndMissingPassesAreNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LstmCell.of(new DMatrixRMaj(2, 16), new DMatrixRMaj(4, 12), new DMatrixRMaj(1, 16)));
        assertTrue(e.getMessage().contains("Wh is 4×12") && e.getMessage().contains("H×4H"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> RnnCell.of(new DMatrixRMaj(2, 4), new DMatrixRMaj(4, 4), new DMatrixRMaj(1, 3)));
        assertTrue(e.getMessage().contains("b is 1×3"), e.getMessage());
        Lstm lstm = new Lstm(D, H, Init.xavier(), 1, SequenceOutput.LAST_STATE);
        e = assertThrows(IllegalArgumentException.class, () -> lstm.initialState(new DMatrixRMaj(N, H), null));
        assertTrue(e.getMessage().contains("both h0 and c0"), e.getMessage());
        lstm.initialState(new DMatrixRMaj(N + 1, H), new DMatrixRMaj(N + 1, H));
        e = assertThrows(IllegalArgumentException.class, () -> lstm.forward(random(N, T * D, 1), false));
        assertTrue(e.getMessage().contains("4 rows, the batch 3"), e.getMessage());
        assertThrows(IllegalStateException.class, lstm::initialStateGradient);
        DMatrixRMaj nan = new DMatrixRMaj(N, H);
        nan.data[5] = Double.NaN;
        e = assertThrows(IllegalArgumentException.class, () -> new Rnn(D, H, Init.xavier(), 1, SequenceOutput.LAST_STATE)
                .initialState(nan));
        assertTrue(e.getMessage().contains("initial state h0"), e.getMessage());
    }
}
