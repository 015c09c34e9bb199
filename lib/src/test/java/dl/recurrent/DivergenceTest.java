package dl.recurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dl.data.Dataset;
import dl.descent.DivergenceException;
import dl.init.Init;
import dl.layers.Dense;
import dl.network.History;
import dl.network.Sequential;
import dl.network.Trainer;
import dl.optimizers.Sgd;
import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** Issue 29: an RNN whose hidden state or BPTT gradients overflow reports divergence with the step and the cause. */
class DivergenceTest {
    private static void assertMentions(Throwable e, String... parts) {
        for (String p : parts) {
            assertTrue(e.getMessage() != null && e.getMessage().contains(p), "expected '" + p + "' in: " + e.getMessage());
        }
    }

    private static DMatrixRMaj ones(int rows, int cols) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        Arrays.fill(m.data, 1);
        return m;
    }

    @Test
    void aNonFiniteWeightIsReportedAtTheFirstTimeStepItSpoils() {
        Rnn rnn = new Rnn(1, 4, Init.xavier(), 1, SequenceOutput.LAST_STATE);
        rnn.cell().wh().set(2, 1, Double.NaN);
        DivergenceException e = assertThrows(DivergenceException.class,
                () -> rnn.forward(new DMatrixRMaj(new double[][] {{1, -1, 1}}), true));
        assertEquals(1, e.step(), "the first training pass");
        assertMentions(e, "diverged at step 1", "Rnn(1→4, LAST_STATE): hidden state h at time step 0 (sample 0, unit 1) = NaN",
                "Wh (4×4) has NaN at row 2, column 1", "an earlier update diverged", "smaller learning rate");
    }

    @Test
    void hugeDataAreBlamedForAnOverflowingHiddenState() {
        Rnn rnn = new Rnn(2, 3, Init.xavier(), 1, SequenceOutput.ALL_STATES);
        Arrays.fill(rnn.cell().wx().data, 1e150);
        DMatrixRMaj x = new DMatrixRMaj(new double[][] {{0.5, 0.5, 1e200, -1e200}}); // step 1: 1e350 − 1e350 = NaN
        DivergenceException e = assertThrows(DivergenceException.class, () -> rnn.forward(x, false));
        assertMentions(e, "hidden state h at time step 1 (sample 0, unit 0) = NaN", "the data are too large",
                "largest |x| = 1.0E200", "scale the data");
    }

    @Test
    void anExplodingBackPropagationThroughTimeNamesTheTimeStepWhereTheGradientOverflows() {
        Rnn rnn = new Rnn(1, 4, Init.xavier(), 1, SequenceOutput.LAST_STATE);
        Arrays.fill(rnn.cell().wh().data, 1e100);
        rnn.forward(new DMatrixRMaj(1, 40), true); // x = 0: every h = 0, so |∂L/∂h| grows by 4e100 a step back
        DivergenceException e = assertThrows(DivergenceException.class, () -> rnn.backward(ones(1, 4)));
        assertMentions(e, "diverged at step 1", "∂L/∂hₜ₋₁ going back from time step 36", "= Infinity",
                "back-propagation through time exploded", "largest |Wh| = 1.0E100", "40 steps", "clip the gradients");
    }

    @Test
    void lstmReportsANonFiniteCellStateAndItsCause() {
        Lstm lstm = new Lstm(1, 2, Init.xavier(), 1, SequenceOutput.LAST_STATE);
        lstm.cell().bias().set(0, 3, Double.NaN);
        DivergenceException e = assertThrows(DivergenceException.class,
                () -> lstm.forward(new DMatrixRMaj(new double[][] {{1, 2}}), true));
        assertMentions(e, "Lstm(1→2, LAST_STATE): ", "at time step 0 (sample 0, unit", "b (1×8) has NaN at row 0, column 3");
    }

    @Test
    void aNonFiniteUpstreamGradientIsBlamedOnTheLayersAboveNotOnBackPropagationThroughTime() {
        Lstm lstm = new Lstm(1, 2, Init.xavier(), 1, SequenceOutput.ALL_STATES);
        lstm.forward(new DMatrixRMaj(new double[][] {{0.5, -0.5, 1}}), true);
        DMatrixRMaj dout = new DMatrixRMaj(1, 6);
        dout.set(0, 4, Double.NaN);
        DivergenceException e = assertThrows(DivergenceException.class, () -> lstm.backward(dout));
        assertMentions(e, "Lstm(1→2, ALL_STATES): upstream gradient ∂L/∂y at row 0, column 4 = NaN",
                "came from the layers or the loss above");
        lstm.backward(new DMatrixRMaj(1, 6)); // a finite gradient still goes through
    }

    @Test
    void aTrainerStopsAtTheStepWhoseBackPropagationThroughTimeOverflowed() {
        Rnn rnn = new Rnn(1, 4, Init.xavier(), 1, SequenceOutput.LAST_STATE);
        Arrays.fill(rnn.cell().wh().data, 1e100);
        Sequential net = new Sequential().add(rnn).add(new Dense(4, 2, Init.xavier(), 2));
        Dataset data = new Dataset(new DMatrixRMaj(4, 40), new int[] {0, 1, 0, 1});
        History h = new Trainer(new Sgd(0.1)).batchSize(4).epochs(1).fit(net, data);
        assertTrue(h.diverged());
        String m = h.divergence().orElseThrow().message();
        assertTrue(m.startsWith("diverged at step 1: Rnn(1→4, LAST_STATE): ∂L/∂hₜ₋₁ going back from time step"), m);
        assertMentions(new RuntimeException(m), "back-propagation through time exploded", "(epoch 1)");
    }
}
