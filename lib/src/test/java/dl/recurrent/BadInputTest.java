package dl.recurrent;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dl.init.Init;
import dl.layers.Param;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** Issue 29: the recurrent cells name non-finite inputs and wrong gradient shapes. */
class BadInputTest {
    private static void assertMentions(Throwable e, String... parts) {
        for (String p : parts) {
            assertTrue(e.getMessage() != null && e.getMessage().contains(p), "expected '" + p + "' in: " + e.getMessage());
        }
    }

    private static DMatrixRMaj with(int rows, int cols, int r, int c, double v) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        m.set(r, c, v);
        return m;
    }

    @Test
    void rnnCellForwardNamesANonFiniteInputOrPreviousState() {
        RnnCell cell = new RnnCell(3, 4, Init.xavier(), 1);
        assertMentions(assertThrows(IllegalArgumentException.class,
                () -> cell.forward(with(2, 3, 1, 2, Double.NaN), new DMatrixRMaj(2, 4), new RnnCell.Step())),
                "RnnCell(3→4)", "input x", "NaN at row 1, column 2");
        assertMentions(assertThrows(IllegalArgumentException.class,
                () -> cell.forward(new DMatrixRMaj(2, 3), with(2, 4, 0, 3, Double.POSITIVE_INFINITY), new RnnCell.Step())),
                "RnnCell(3→4)", "previous state hPrev", "Infinity at row 0, column 3");
    }

    @Test
    void lstmCellForwardNamesANonFiniteCellState() {
        LstmCell cell = new LstmCell(2, 3, Init.xavier(), 1);
        assertMentions(assertThrows(IllegalArgumentException.class,
                () -> cell.forward(new DMatrixRMaj(1, 2), new DMatrixRMaj(1, 3), with(1, 3, 0, 1, Double.NaN),
                        new LstmCell.Step())), "LstmCell(2→3)", "previous cell state cPrev", "NaN at row 0, column 1");
        assertMentions(assertThrows(IllegalArgumentException.class,
                () -> cell.forward(with(1, 2, 0, 0, Double.NEGATIVE_INFINITY), new DMatrixRMaj(1, 3), new DMatrixRMaj(1, 3),
                        new LstmCell.Step())), "input x", "-Infinity at row 0, column 0");
    }

    @Test
    void rnnLayerNamesTheSampleTimeStepAndFeature() {
        Rnn rnn = new Rnn(2, 3, Init.xavier(), 1, SequenceOutput.LAST_STATE);
        assertMentions(assertThrows(IllegalArgumentException.class, () -> rnn.forward(with(2, 6, 1, 5, Double.NaN), false)),
                "Rnn(2→3", "row 1, column 5", "sample 1, time step 2, feature 1");
        Lstm lstm = new Lstm(2, 3, Init.xavier(), 1, SequenceOutput.LAST_STATE);
        assertMentions(assertThrows(IllegalArgumentException.class, () -> lstm.forward(with(1, 4, 0, 2, Double.NaN), false)),
                "Lstm(2→3", "sample 0, time step 1, feature 0");
    }

    @Test
    void rnnCellBackwardRefusesAGradientOfTheWrongShapeNamingBoth() {
        RnnCell cell = new RnnCell(3, 4, Init.xavier(), 1);
        RnnCell.Step s = new RnnCell.Step();
        cell.forward(new DMatrixRMaj(5, 3), new DMatrixRMaj(5, 4), s);
        assertMentions(assertThrows(IllegalArgumentException.class, () -> cell.backward(new DMatrixRMaj(2, 4), s)),
                "RnnCell(3→4)", "dh", "2×4", "5×4", "one gradient row per sample");
        assertMentions(assertThrows(IllegalArgumentException.class, () -> cell.backward(new DMatrixRMaj(5, 3), s)),
                "5×3", "5×4");
        // a matrix whose array is shorter than its shape claims
        DMatrixRMaj shortArray = DMatrixRMaj.wrap(5, 4, new double[19]);
        assertMentions(assertThrows(IllegalArgumentException.class, () -> cell.backward(shortArray, s)),
                "dh (∂L/∂hₜ).data has 19 values", "needs 20");
        cell.backward(new DMatrixRMaj(5, 4), s);
    }

    @Test
    void backwardOnAStepThatNeverWentForwardIsAnIllegalState() {
        assertMentions(assertThrows(IllegalStateException.class,
                () -> new RnnCell(3, 4, Init.xavier(), 1).backward(new DMatrixRMaj(1, 1), new RnnCell.Step())),
                "RnnCell(3→4)", "never went forward", "call forward");
        assertMentions(assertThrows(IllegalStateException.class,
                () -> new LstmCell(3, 4, Init.xavier(), 1).backward(new DMatrixRMaj(1, 1), new DMatrixRMaj(1, 1),
                        new LstmCell.Step())), "LstmCell(3→4)", "never went forward");
        assertMentions(assertThrows(IllegalStateException.class,
                () -> new Rnn(1, 2, Init.xavier(), 1, SequenceOutput.LAST_STATE).backward(new DMatrixRMaj(1, 2))),
                "backward called before forward");
    }

    private static Param param(String name, double... grad) {
        return new Param(name, new DMatrixRMaj(1, grad.length), new DMatrixRMaj(1, grad.length, true, grad), true);
    }

    @Test
    void clippingANonFiniteGradientNamesTheParameterAndTheEntry() {
        List<Param> ps = List.of(param("Wx1", 0.5, 1), param("Wh1", 2, Double.POSITIVE_INFINITY, 3));
        assertMentions(assertThrows(IllegalArgumentException.class, () -> GradientClipping.clipByGlobalNorm(ps, 1)),
                "gradient norm is Infinity", "the gradient of Wh1 (1×3) has Infinity at row 0, column 1",
                "clipping cannot repair", "smaller learning rate");
        List<Param> huge = List.of(param("Wx1", 1e200, 1), param("b1", 3e200));
        assertMentions(assertThrows(IllegalArgumentException.class, () -> GradientClipping.clipByGlobalNorm(huge, 1)),
                "finite but their squares overflow", "3.0E200", "gradient of b1");
    }
}
