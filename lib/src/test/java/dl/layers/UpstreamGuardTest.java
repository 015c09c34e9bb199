package dl.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dl.activations.Activation;
import dl.convolution.Convolution;
import dl.convolution.MaxPooling;
import dl.init.Init;
import dl.recurrent.Lstm;
import dl.recurrent.Rnn;
import dl.recurrent.SequenceOutput;
import java.util.List;
import java.util.function.Supplier;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** Every layer's backward pass starts with the one guard, Layer.checkUpstream, with the same messages. */
class UpstreamGuardTest {
    /** A fresh layer and an input it accepts (4 rows). */
    private record Case(Supplier<Layer> layer, int inputColumns) { }

    private static final List<Case> CASES = List.of(
            new Case(() -> new Dense(3, 2, Init.he(), 1), 3),
            new Case(() -> new ActivationLayer(Activation.relu()), 3),
            new Case(() -> new PRelu(3), 3),
            new Case(() -> new Dropout(0.5, 1), 3),
            new Case(() -> new Convolution(1, 4, 4, 2, 3, 1, 0, Init.he(), 1), 16),
            new Case(() -> new MaxPooling(1, 4, 4, 2, 2), 16),
            new Case(() -> new Rnn(1, 3, Init.xavier(), 1, SequenceOutput.LAST_STATE), 5),
            new Case(() -> new Lstm(1, 3, Init.xavier(), 1, SequenceOutput.ALL_STATES), 5));

    @Test
    void backwardBeforeForwardIsRefusedNamingTheLayer() {
        for (Case c : CASES) {
            Layer layer = c.layer().get();
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> layer.backward(new DMatrixRMaj(4, 2)));
            assertEquals(layer + ": backward called before forward", e.getMessage());
            NullPointerException npe = assertThrows(NullPointerException.class, () -> layer.backward(null));
            assertEquals("dout", npe.getMessage());
        }
    }

    @Test
    void anUpstreamGradientOfAnotherShapeNamesBothShapes() {
        for (Case c : CASES) {
            Layer layer = c.layer().get();
            DMatrixRMaj x = new DMatrixRMaj(4, c.inputColumns());
            for (int i = 0; i < x.data.length; i++) {
                x.data[i] = Math.sin(i);
            }
            DMatrixRMaj y = layer.forward(x, true);
            String expected = y.numRows + "×" + y.numCols;
            DMatrixRMaj wrong = new DMatrixRMaj(y.numRows + 1, y.numCols);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> layer.backward(wrong));
            assertEquals(layer + ": upstream gradient is " + (y.numRows + 1) + "×" + y.numCols + ", expected " + expected,
                    e.getMessage());
            layer.backward(new DMatrixRMaj(y.numRows, y.numCols)); // the right shape passes
        }
    }

    @Test
    void lossLayersRefuseBackwardBeforeForwardWithTheSameMessage() {
        for (dl.losses.LossLayer loss : List.of(new dl.losses.SoftmaxCrossEntropy(), new dl.losses.SparseCategoricalCrossEntropy(),
                dl.losses.LossLayer.of(new dl.losses.MeanSquaredError()))) {
            IllegalStateException e = assertThrows(IllegalStateException.class, loss::backward);
            assertEquals(loss + ": backward called before forward", e.getMessage());
        }
    }

    @Test
    void batchNormNeedsAForwardPassInTrainingMode() {
        BatchNorm bn = new BatchNorm(3);
        bn.forward(new DMatrixRMaj(new double[][] {{1, 2, 3}, {3, 2, 1}}), false);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> bn.backward(new DMatrixRMaj(2, 3)));
        assertEquals("BatchNorm(3): backward needs a forward pass in training mode", e.getMessage());
        bn.forward(new DMatrixRMaj(new double[][] {{1, 2, 3}, {3, 2, 1}}), true);
        IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class, () -> bn.backward(new DMatrixRMaj(3, 3)));
        assertEquals("BatchNorm(3): upstream gradient is 3×3, expected 2×3", wrong.getMessage());
    }
}
