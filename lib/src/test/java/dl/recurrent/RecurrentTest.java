package dl.recurrent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dl.init.Init;
import dl.layers.Layer;
import dl.network.GradientCheck;
import dl.tensors.Tensor;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class RecurrentTest {

    static DMatrixRMaj random(int rows, int cols, long seed) {
        Random rng = new Random(seed);
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < m.data.length; i++) {
            m.data[i] = rng.nextGaussian();
        }
        return m;
    }

    private static void assertGradients(Layer layer, DMatrixRMaj x) {
        GradientCheck.Result r = GradientCheck.checkLayer(layer, x, 9);
        assertEquals(4, r.rows().size(), r.toString()); // x, Wx, Wh, b
        assertTrue(r.maxRelativeError() < 1e-7, layer + "\n" + r);
    }

    @Test
    void rnnGradientsThroughSixStepsAllStates() {
        Rnn rnn = new Rnn(3, 4, Init.normal(0.8), 1, SequenceOutput.ALL_STATES);
        rnn.cell().bias().data[1] = 0.3;
        assertGradients(rnn, random(2, 6 * 3, 2));
    }

    @Test
    void rnnGradientsThroughEightStepsLastState() {
        Rnn rnn = new Rnn(2, 5, Init.xavier(), 3, SequenceOutput.LAST_STATE);
        assertGradients(rnn, random(3, 8 * 2, 4));
    }

    @Test
    void lstmGradientsThroughSixStepsAllStates() {
        Lstm lstm = new Lstm(3, 4, Init.normal(0.8), 5, SequenceOutput.ALL_STATES);
        assertGradients(lstm, random(2, 6 * 3, 6));
    }

    @Test
    void lstmGradientsThroughTenStepsLastState() {
        Lstm lstm = new Lstm(new LstmCell(2, 3, Init.xavier(), 7, 0.5), SequenceOutput.LAST_STATE);
        assertGradients(lstm, random(2, 10 * 2, 8));
    }

    @Test
    void rnnMatchesTheRecurrenceByHand() {
        // one neuron: h_t = tanh(wx·x_t + wh·h_{t−1} + b)
        Rnn rnn = new Rnn(1, 1, Init.normal(1), 1, SequenceOutput.ALL_STATES);
        rnn.cell().wx().data[0] = 0.5;
        rnn.cell().wh().data[0] = -0.9;
        rnn.cell().bias().data[0] = 0.1;
        double[] xs = {1, 2, -1};
        DMatrixRMaj y = rnn.forward(new DMatrixRMaj(new double[][] {xs}));
        double h = 0;
        for (int t = 0; t < 3; t++) {
            h = Math.tanh(0.5 * xs[t] - 0.9 * h + 0.1);
            assertEquals(h, y.get(0, t), 1e-15);
        }
        Tensor states = rnn.hiddenStates();
        assertArrayEquals(new int[] {1, 3, 1}, states.shape());
        assertEquals(h, states.get(0, 2, 0), 1e-15);
    }

    @Test
    void lstmMatchesTheGateEquationsByHand() {
        Lstm lstm = new Lstm(1, 1, Init.normal(0.5), 2, SequenceOutput.ALL_STATES);
        LstmCell cell = lstm.cell();
        double[] wx = cell.wx().data, wh = cell.wh().data, b = cell.bias().data;
        assertEquals(LstmCell.DEFAULT_FORGET_BIAS, b[0]);
        double[] xs = {0.5, -1.5, 2};
        DMatrixRMaj y = lstm.forward(new DMatrixRMaj(new double[][] {xs}));
        double h = 0, c = 0;
        for (int t = 0; t < 3; t++) {
            double f = sig(xs[t] * wx[0] + h * wh[0] + b[0]);
            double g = Math.tanh(xs[t] * wx[1] + h * wh[1] + b[1]);
            double i = sig(xs[t] * wx[2] + h * wh[2] + b[2]);
            double o = sig(xs[t] * wx[3] + h * wh[3] + b[3]);
            c = f * c + i * g;
            h = o * Math.tanh(c);
            assertEquals(h, y.get(0, t), 1e-15);
            assertEquals(f, lstm.forgetGates().get(0, t, 0), 1e-15);
            assertEquals(i, lstm.inputGates().get(0, t, 0), 1e-15);
            assertEquals(o, lstm.outputGates().get(0, t, 0), 1e-15);
            assertEquals(c, lstm.cellStates().get(0, t, 0), 1e-15);
        }
    }

    private static double sig(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    @Test
    void lstmKeepsGradientsLongerThanThePlainCell() {
        int t = 60;
        DMatrixRMaj x = random(8, t, 10);
        double[] rnnRatio = firstToLast(new Rnn(1, 16, Init.xavier(), 11, SequenceOutput.LAST_STATE), x, t);
        double[] lstmRatio = firstToLast(new Lstm(1, 16, Init.xavier(), 11, SequenceOutput.LAST_STATE), x, t);
        assertTrue(lstmRatio[0] / lstmRatio[1] > 100 * (rnnRatio[0] / rnnRatio[1]),
                "RNN first/last " + rnnRatio[0] / rnnRatio[1] + ", LSTM " + lstmRatio[0] / lstmRatio[1]);
    }

    /** {|∂h_T/∂x_1|, |∂h_T/∂x_T|} summed over the batch. */
    private static double[] firstToLast(Layer layer, DMatrixRMaj x, int t) {
        DMatrixRMaj y = layer.forward(x, true);
        DMatrixRMaj g = new DMatrixRMaj(y.numRows, y.numCols);
        java.util.Arrays.fill(g.data, 1);
        DMatrixRMaj dx = layer.backward(g);
        double first = 0, last = 0;
        for (int r = 0; r < x.numRows; r++) {
            first += Math.abs(dx.get(r, 0));
            last += Math.abs(dx.get(r, t - 1));
        }
        return new double[] {first, last};
    }

    @Test
    void badShapesAreNamed() {
        Rnn rnn = new Rnn(3, 4, Init.xavier(), 1, SequenceOutput.ALL_STATES);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> rnn.forward(new DMatrixRMaj(2, 10)));
        assertTrue(e.getMessage().contains("2×10") && e.getMessage().contains("T·3"), e.getMessage());
        rnn.forward(new DMatrixRMaj(2, 12));
        IllegalArgumentException up = assertThrows(IllegalArgumentException.class, () -> rnn.backward(new DMatrixRMaj(2, 4)));
        assertTrue(up.getMessage().contains("2×4") && up.getMessage().contains("2×16"), up.getMessage());
        Lstm lstm = new Lstm(2, 3, Init.xavier(), 1, SequenceOutput.LAST_STATE);
        assertThrows(IllegalStateException.class, lstm::forgetGates);
        DMatrixRMaj nan = new DMatrixRMaj(1, 4);
        nan.set(0, 3, Double.NaN);
        IllegalArgumentException n = assertThrows(IllegalArgumentException.class, () -> lstm.forward(nan));
        assertTrue(n.getMessage().contains("column 3"), n.getMessage());
        assertThrows(NullPointerException.class, () -> new Rnn(1, 1, null, 1, SequenceOutput.LAST_STATE));
        assertThrows(IllegalArgumentException.class, () -> new LstmCell(1, 1, Init.xavier(), 1, Double.NaN));
    }
}
