package dl.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class ScalersTest {
    // columns: (1, 3) → μ 2, σ 1;  (4, 4) constant;  (−2, 6) → μ 2, σ 4
    private final DMatrixRMaj train = new DMatrixRMaj(new double[][] {{1, 4, -2}, {3, 4, 6}});
    private final DMatrixRMaj test = new DMatrixRMaj(new double[][] {{5, 7, 2}});

    @Test
    void standardizerUsesTrainingStatisticsOnTestData() {
        Standardizer s = Standardizer.fit(train);
        assertArrayEquals(new double[] {2, 4, 2}, s.mean(), 1e-15);
        assertArrayEquals(new double[] {1, 0, 4}, s.std(), 1e-15);
        assertArrayEquals(new double[] {-1, 0, -1, 1, 0, 1}, s.transform(train).data, 1e-15);
        // constant column is only centred: 7 − 4 = 3
        assertArrayEquals(new double[] {3, 3, 0}, s.transform(test).data, 1e-15);
        Dataset d = s.transform(new Dataset(test, new int[] {4}));
        assertArrayEquals(new int[] {4}, d.labels());
    }

    @Test
    void minMaxMapsTrainingRangeToUnitInterval() {
        MinMaxScaler m = MinMaxScaler.fit(train);
        assertArrayEquals(new double[] {0, 0, 0, 1, 0, 1}, m.transform(train).data, 1e-15);
        // test values may leave [0, 1]: (5 − 1)/2 = 2, constant → 0, (2 + 2)/8 = 0.5
        assertArrayEquals(new double[] {2, 0, 0.5}, m.transform(test).data, 1e-15);
        assertArrayEquals(new double[] {1, 4, -2}, m.min(), 0.0);
        assertArrayEquals(new double[] {3, 4, 6}, m.max(), 0.0);
    }

    @Test
    void featureCountMismatchNamesBothShapes() {
        DMatrixRMaj wrong = new DMatrixRMaj(5, 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Standardizer.fit(train).transform(wrong));
        assertEquals("Standardizer was fitted on 3 features but x is 5×2", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> MinMaxScaler.fit(train).transform(wrong));
        assertEquals("MinMaxScaler was fitted on 3 features but x is 5×2", e.getMessage());
    }

    @Test
    void nonFiniteTrainingDataIsRejected() {
        DMatrixRMaj bad = new DMatrixRMaj(new double[][] {{1, Double.NaN}});
        assertThrows(IllegalArgumentException.class, () -> Standardizer.fit(bad));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MinMaxScaler.fit(bad));
        assertEquals("x[0][1] is NaN; cannot fit a MinMaxScaler", e.getMessage());
    }
}
