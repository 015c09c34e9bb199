package dl.convolution;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dl.network.GradientCheck;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class MaxPoolingTest {

    /** Distinct values 0.01 apart (shuffled): no window has a tie within a finite-difference step. */
    static DMatrixRMaj distinct(int rows, int cols, long seed) {
        List<Double> v = new ArrayList<>();
        for (int i = 0; i < rows * cols; i++) {
            v.add(0.01 * i - 1);
        }
        Collections.shuffle(v, new Random(seed));
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < m.data.length; i++) {
            m.data[i] = v.get(i);
        }
        return m;
    }

    @Test
    void handExample() {
        MaxPooling pool = new MaxPooling(1, 4, 4, 2, 2);
        DMatrixRMaj x = new DMatrixRMaj(new double[][] {{1, 2, 0, 1, 3, 4, 2, 0, 0, 5, 1, 1, 6, 0, 2, 7}});
        // rows of the image: [1 2 0 1] [3 4 2 0] [0 5 1 1] [6 0 2 7]
        assertArrayEquals(new double[] {4, 2, 6, 7}, pool.forward(x).data, 0);
        DMatrixRMaj dx = pool.backward(new DMatrixRMaj(new double[][] {{10, 20, 30, 40}}));
        assertArrayEquals(new double[] {0, 0, 0, 0, 0, 10, 20, 0, 0, 0, 0, 0, 30, 0, 0, 40}, dx.data, 0);
    }

    @Test
    void gradientsTwoByTwoStrideTwo() {
        MaxPooling pool = new MaxPooling(3, 6, 4, 2, 2);
        GradientCheck.Result r = GradientCheck.checkLayer(pool, distinct(2, 72, 1), 5);
        assertTrue(r.maxRelativeError() < 1e-7, r.toString());
    }

    @Test
    void gradientsOverlappingWindowsOddSize() {
        MaxPooling pool = new MaxPooling(2, 7, 5, 3, 2); // windows overlap: an input can win twice
        assertArrayEquals(new int[] {2, 3, 2}, pool.outputShape());
        GradientCheck.Result r = GradientCheck.checkLayer(pool, distinct(3, 70, 2), 6);
        assertTrue(r.maxRelativeError() < 1e-7, r.toString());
    }

    @Test
    void badShapesAreNamed() {
        MaxPooling pool = new MaxPooling(2, 4, 4, 2, 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> pool.forward(new DMatrixRMaj(3, 16)));
        assertTrue(e.getMessage().contains("3×16") && e.getMessage().contains("3×32"), e.getMessage());
        pool.forward(new DMatrixRMaj(3, 32));
        IllegalArgumentException up = assertThrows(IllegalArgumentException.class, () -> pool.backward(new DMatrixRMaj(3, 7)));
        assertTrue(up.getMessage().contains("3×7") && up.getMessage().contains("3×8"), up.getMessage());
        assertThrows(IllegalStateException.class, () -> new MaxPooling(1, 2, 2, 2, 2).backward(new DMatrixRMaj(1, 1)));
        assertEquals(8, pool.outputSize());
    }
}
