package dl.minibatch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BatchSamplerTest {

    @Test
    void numberOfBatchesIsTheCeilingOfNOverB() {
        assertEquals(4, BatchSampler.batchesPerEpoch(10, 3)); // 3 + 3 + 3 + 1
        assertEquals(2, BatchSampler.batchesPerEpoch(10, 5));
        assertEquals(1, BatchSampler.batchesPerEpoch(10, 10)); // full batch
        assertEquals(10, BatchSampler.batchesPerEpoch(10, 1)); // SGD
        assertEquals(32, BatchSampler.batchesPerEpoch(1000, 32)); // 31.25 → 32
        assertEquals(600, BatchSampler.batchesPerEpoch(60000, 100));
        assertEquals(469, BatchSampler.batchesPerEpoch(60000, 128)); // 468.75 → 469
    }

    @Test
    void everySampleOncePerEpochLastBatchSmaller() {
        BatchSampler s = new BatchSampler(10, 3, 1);
        for (int epoch = 0; epoch < 5; epoch++) {
            List<int[]> batches = s.nextEpoch();
            assertEquals(4, batches.size());
            assertEquals(List.of(3, 3, 3, 1), batches.stream().map(b -> b.length).toList());
            int[] all = batches.stream().flatMapToInt(Arrays::stream).sorted().toArray();
            assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, all);
        }
        int[] seen = new int[1000];
        for (int[] b : new BatchSampler(1000, 32, 9).nextEpoch()) {
            for (int i : b) {
                seen[i]++;
            }
        }
        for (int count : seen) {
            assertEquals(1, count);
        }
    }

    @Test
    void sameSeedSameBatchesOtherSeedOthers() {
        BatchSampler a = new BatchSampler(50, 8, 123);
        BatchSampler b = new BatchSampler(50, 8, 123);
        BatchSampler c = new BatchSampler(50, 8, 124);
        int[] firstA = null;
        for (int epoch = 0; epoch < 3; epoch++) {
            int[] ea = flatten(a.nextEpoch());
            assertArrayEquals(ea, flatten(b.nextEpoch()));
            if (epoch == 0) {
                firstA = ea;
                assertFalse(Arrays.equals(ea, flatten(c.nextEpoch())), "another seed, another order");
            } else {
                assertFalse(Arrays.equals(firstA, ea), "each epoch is reshuffled");
            }
        }
    }

    @Test
    void shuffleIsAPermutation() {
        int[] p = dl.data.Datasets.permutation(100, new Random(3));
        assertArrayEquals(java.util.stream.IntStream.range(0, 100).toArray(), Arrays.stream(p).sorted().toArray());
        assertFalse(Arrays.equals(java.util.stream.IntStream.range(0, 100).toArray(), p));
    }

    @Test
    void badSizesAreNamed() {
        assertEquals("batch size must be in [1, 10], got 0",
                assertThrows(IllegalArgumentException.class, () -> new BatchSampler(10, 0, 1)).getMessage());
        assertEquals("batch size must be in [1, 10], got 11",
                assertThrows(IllegalArgumentException.class, () -> BatchSampler.batchesPerEpoch(10, 11)).getMessage());
        assertEquals("number of samples must be >= 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> BatchSampler.batchesPerEpoch(0, 1)).getMessage());
    }

    private static int[] flatten(List<int[]> batches) {
        return batches.stream().flatMapToInt(Arrays::stream).toArray();
    }
}
