package dl.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class BatchNormTest {
    private static final double[] MEANS = {3, -1, 0.5};
    private static final double[] STDS = {2, 0.5, 1};

    private static DMatrixRMaj sample(int n, Random rng) {
        DMatrixRMaj x = new DMatrixRMaj(n, 3);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 3; j++) {
                x.set(i, j, MEANS[j] + STDS[j] * rng.nextGaussian());
            }
        }
        return x;
    }

    @Test
    void trainingOutputHasZeroMeanAndUnitVariancePerFeature() {
        BatchNorm bn = new BatchNorm(3);
        DMatrixRMaj y = bn.forward(sample(50, new Random(1)), true);
        for (int j = 0; j < 3; j++) {
            double mean = 0;
            double sq = 0;
            for (int i = 0; i < 50; i++) {
                mean += y.get(i, j) / 50;
                sq += y.get(i, j) * y.get(i, j) / 50;
            }
            assertEquals(0, mean, 1e-12);
            assertEquals(1, sq - mean * mean, 1e-4); // ε makes it slightly below 1
        }
    }

    @Test
    void runningStatisticsConvergeToTheDataStatistics() {
        BatchNorm bn = new BatchNorm(3);
        Random rng = new Random(2);
        for (int step = 0; step < 300; step++) {
            bn.forward(sample(100, rng), true);
        }
        for (int j = 0; j < 3; j++) {
            assertEquals(MEANS[j], bn.runningMean()[j], 0.1 * STDS[j]);
            assertEquals(STDS[j] * STDS[j], bn.runningVariance()[j], 0.1 * STDS[j] * STDS[j]);
        }
    }

    @Test
    void inferenceIsDeterministicAndIndependentOfTheBatch() {
        BatchNorm bn = new BatchNorm(3);
        Random rng = new Random(3);
        for (int step = 0; step < 50; step++) {
            bn.forward(sample(32, rng), true);
        }
        DMatrixRMaj batch = sample(10, rng);
        DMatrixRMaj all = bn.forward(batch, false).copy();
        DMatrixRMaj again = bn.forward(batch, false).copy();
        DMatrixRMaj firstRow = new DMatrixRMaj(1, 3);
        System.arraycopy(batch.data, 0, firstRow.data, 0, 3);
        DMatrixRMaj single = bn.forward(firstRow, false);
        for (int j = 0; j < 3; j++) {
            assertEquals(all.get(0, j), again.get(0, j));
            assertEquals(all.get(0, j), single.get(0, j), 1e-15);
            double expected = (batch.get(0, j) - bn.runningMean()[j]) / Math.sqrt(bn.runningVariance()[j] + bn.epsilon());
            assertEquals(expected, single.get(0, j), 1e-12);
        }
        // in training mode the same row is normalised differently in a different batch
        DMatrixRMaj trainAll = bn.forward(batch, true).copy();
        DMatrixRMaj other = sample(10, rng);
        System.arraycopy(batch.data, 0, other.data, 0, 3);
        assertNotEquals(trainAll.get(0, 0), bn.forward(other, true).get(0, 0));
    }

    @Test
    void backwardNeedsATrainingForward() {
        BatchNorm bn = new BatchNorm(3);
        bn.forward(new DMatrixRMaj(4, 3), false);
        assertThrows(IllegalStateException.class, () -> bn.backward(new DMatrixRMaj(4, 3)));
    }
}
