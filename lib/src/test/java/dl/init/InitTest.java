package dl.init;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class InitTest {

    private static double sampleStd(DMatrixRMaj w) {
        double mean = Arrays.stream(w.data).average().orElseThrow();
        double var = Arrays.stream(w.data).map(v -> (v - mean) * (v - mean)).sum() / w.data.length;
        return Math.sqrt(var);
    }

    @Test
    void standardDeviationsFollowTheFormulas() {
        int in = 400;
        int out = 200;
        assertEquals(0.01, Init.normal(0.01).std(in, out));
        assertEquals(0.05, Init.xavier().std(in, out), 1e-15);
        assertEquals(Math.sqrt(2.0 / 600), Init.glorot().std(in, out), 1e-15);
        assertEquals(Math.sqrt(2.0 / 400), Init.he().std(in, out), 1e-15);
        for (Init init : new Init[] {Init.normal(1), Init.xavier(), Init.glorot(), Init.he()}) {
            double expected = init.std(in, out);
            DMatrixRMaj w = init.weights(in, out, 7);
            assertEquals(expected, sampleStd(w), 0.01 * expected, init.toString());
        }
    }

    @Test
    void seededAndReproducible() {
        assertArrayEquals(Init.he().weights(5, 3, 1).data, Init.he().weights(5, 3, 1).data);
        assertFalse(Arrays.equals(Init.he().weights(5, 3, 1).data, Init.he().weights(5, 3, 2).data));
    }

    @Test
    void badArgumentsAreNamed() {
        assertThrows(IllegalArgumentException.class, () -> Init.normal(-1));
        assertThrows(IllegalArgumentException.class, () -> Init.he().std(0, 3));
    }
}
