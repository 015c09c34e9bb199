package dl.losses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class EntrywiseLossTest {

    @Test
    void aLossOnOneNumberIsTheLossOfAOneByOneBatch() {
        assertEquals(2.25, new MeanSquaredError().value(1.5, 0), 0.0);
        assertEquals(1.5, new MeanAbsoluteError().value(-1.5, 0), 0.0);
        assertEquals(-Math.log(0.8), new BinaryCrossEntropy().value(0.8, 1), 1e-15);
    }

    @Test
    void theMeanRunsOverAllEntriesAndTheShapeCheckNamesBothShapes() {
        DMatrixRMaj y = new DMatrixRMaj(new double[][] {{1, 2}, {3, 4}});
        DMatrixRMaj t = new DMatrixRMaj(2, 2);
        assertEquals((1 + 4 + 9 + 16) / 4.0, new MeanSquaredError().value(y, t), 0.0);
        assertEquals(2 * 4 / 4.0, new MeanSquaredError().gradient(y, t).get(1, 1), 0.0);
        assertEquals(0.25, new MeanAbsoluteError().gradient(y, t).get(0, 1), 0.0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new MeanAbsoluteError().value(y, new DMatrixRMaj(2, 3)));
        assertTrue(e.getMessage().contains("2×2") && e.getMessage().contains("2×3"), e.getMessage());
    }
}
