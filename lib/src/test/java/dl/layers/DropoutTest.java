package dl.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class DropoutTest {

    private static DMatrixRMaj ones(int rows, int cols) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        Arrays.fill(m.data, 1);
        return m;
    }

    @Test
    void inferenceIsTheIdentity() {
        Dropout dropout = new Dropout(0.5, 1);
        DMatrixRMaj x = LayerGradientTest.awayFromZero(4, 6, 1);
        assertArrayEquals(x.data, dropout.forward(x, false).data);
        DMatrixRMaj dout = LayerGradientTest.awayFromZero(4, 6, 2);
        assertArrayEquals(dout.data, dropout.backward(dout).data);
    }

    @Test
    void trainingDropsAboutPOfTheUnitsAndPreservesTheExpectation() {
        double p = 0.3;
        Dropout dropout = new Dropout(p, 2);
        DMatrixRMaj y = dropout.forward(ones(1000, 100), true);
        long zeros = Arrays.stream(y.data).filter(v -> v == 0).count();
        assertEquals(p, zeros / 100_000.0, 0.01);
        for (double v : y.data) {
            if (v != 0) {
                assertEquals(1 / (1 - p), v, 1e-15); // inverted scaling
            }
        }
        assertEquals(1, Arrays.stream(y.data).average().orElseThrow(), 0.01);
    }

    @Test
    void backwardUsesTheSameMask() {
        Dropout dropout = new Dropout(0.5, 3);
        DMatrixRMaj y = dropout.forward(ones(5, 8), true).copy();
        DMatrixRMaj dx = dropout.backward(ones(5, 8));
        assertArrayEquals(y.data, dx.data);
    }

    @Test
    void masksAreSeeded() {
        DMatrixRMaj x = ones(10, 10);
        double[] a = new Dropout(0.5, 4).forward(x, true).data.clone();
        double[] b = new Dropout(0.5, 4).forward(x, true).data.clone();
        double[] c = new Dropout(0.5, 5).forward(x, true).data.clone();
        assertArrayEquals(a, b);
        assertFalse(Arrays.equals(a, c));
    }

    @Test
    void badRateIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Dropout(1, 1));
        assertEquals("dropout rate p must be in [0, 1), got 1.0", e.getMessage());
    }
}
