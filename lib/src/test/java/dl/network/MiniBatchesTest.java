package dl.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dl.data.Datasets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MiniBatchesTest {

    private static List<int[]> epoch(MiniBatches b, int limit) {
        List<int[]> out = new ArrayList<>();
        b.nextEpoch(limit).forEach(out::add);
        return out;
    }

    @Test
    void shuffledEpochsVisitEverySampleOnceAndReshuffleTheOrderInPlace() {
        MiniBatches b = new MiniBatches(10, 4, Sampling.SHUFFLED_EPOCHS, 7);
        assertEquals(3, b.perEpoch());
        Random rng = new Random(7);
        int[] order = IntStream.range(0, 10).toArray();
        for (int e = 0; e < 3; e++) {
            List<int[]> batches = epoch(b, Integer.MAX_VALUE);
            assertEquals(List.of(4, 4, 2), batches.stream().map(a -> a.length).toList());
            Datasets.shuffle(order, rng);   // the order continues from the previous epoch's
            assertArrayEquals(order, batches.stream().flatMapToInt(Arrays::stream).toArray());
        }
    }

    @Test
    void withReplacementDrawsBIndicesPerBatchAndStopsAtTheLimit() {
        MiniBatches b = new MiniBatches(10, 4, Sampling.WITH_REPLACEMENT, 3);
        assertEquals(2, b.perEpoch()); // ⌊10/4⌋
        List<int[]> batches = epoch(b, 1);
        assertEquals(1, batches.size());
        Random rng = new Random(3);
        int[] expected = IntStream.range(0, 4).map(i -> rng.nextInt(10)).toArray();
        assertArrayEquals(expected, batches.get(0));
        assertEquals(2, epoch(b, 5).size());
        assertEquals(1, new MiniBatches(3, 5, Sampling.WITH_REPLACEMENT, 1).perEpoch()); // max(⌊N/B⌋, 1)
    }

    @Test
    void historyGivesTheAxesOfItsCurves() {
        History h = new Trainer(new dl.optimizers.Sgd(0.1)).batchSize(2).epochs(3).seed(1)
                .fit(Mlp.of(2, 3, 2).seed(1).build(), new dl.data.Dataset(new org.ejml.data.DMatrixRMaj(
                        new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}}), new int[] {0, 1, 1, 0}));
        assertArrayEquals(new double[] {0, 1, 2, 3}, h.epochAxis());
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, h.iterationAxis());
        assertEquals(h.iterationLoss().length, h.iterationAxis().length);
        assertNotEquals(h.iterationLoss()[0], h.iterationLoss()[5]);
        assertTrue(h.table().rowCount() == h.epochAxis().length);
    }
}
