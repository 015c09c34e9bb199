package dl.init;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dl.activations.Activation;
import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class ActivationProbeTest {

    @Test
    void firstLayerIsTheActivationOfXTimesW() {
        DMatrixRMaj x = new DMatrixRMaj(new double[][] {{1, 2}, {-1, 0.5}, {0, 3}});
        List<double[]> a = ActivationProbe.layerOutputs(x, 2, Init.normal(1), Activation.tanh(), 7);
        // the probe draws W1 then W2 from new Random(7), row-major, each entry std·N(0,1)
        Random rng = new Random(7);
        double[][] w = new double[2][2];
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                w[i][j] = rng.nextGaussian();
            }
        }
        double[] expected = new double[6];
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 2; c++) {
                expected[r * 2 + c] = Math.tanh(x.get(r, 0) * w[0][c] + x.get(r, 1) * w[1][c]);
            }
        }
        assertEquals(2, a.size());
        assertArrayEquals(expected, a.get(0), 1e-12);
    }

    @Test
    void smallWeightsMakeSigmoidOutputsCollapseToOneHalf() {
        DMatrixRMaj x = ActivationProbe.gaussianInput(200, 50, 1);
        List<double[]> a = ActivationProbe.layerOutputs(x, 5, Init.normal(0.01), Activation.sigmoid(), 2);
        for (double v : a.get(4)) {
            assertEquals(0.5, v, 0.05);
        }
    }

    @Test
    void unitStdWeightsSaturateTheSigmoid() {
        DMatrixRMaj x = ActivationProbe.gaussianInput(200, 100, 1);
        double[] last = ActivationProbe.layerOutputs(x, 5, Init.normal(1), Activation.sigmoid(), 3).get(4);
        int saturated = 0;
        for (double v : last) {
            if (v < 0.1 || v > 0.9) {
                saturated++;
            }
        }
        assertTrue(saturated > 0.6 * last.length, saturated + " of " + last.length + " saturated");
    }

    @Test
    void sameSeedSameActivationsAndGaussianInputHasUnitScale() {
        DMatrixRMaj x = ActivationProbe.gaussianInput(1000, 100, 5);
        double s = 0;
        for (double v : x.data) {
            s += v * v;
        }
        assertEquals(1.0, s / x.data.length, 0.02);
        assertArrayEquals(ActivationProbe.layerOutputs(x, 3, Init.he(), Activation.relu(), 9).get(2),
                ActivationProbe.layerOutputs(x, 3, Init.he(), Activation.relu(), 9).get(2));
    }

    @Test
    void rejectsBadArguments() {
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> ActivationProbe.layerOutputs(new DMatrixRMaj(2, 2), 0, Init.he(), Activation.relu(), 1))
                .getMessage().contains("layers"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ActivationProbe.gaussianInput(0, 3, 1))
                .getMessage().contains("0×3"));
    }
}
