package dl.minibatch;

import dl.data.Datasets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Splits N samples into mini-batches (미니배치) of size B, reshuffling every epoch (에폭):
 * each epoch is a random permutation of 0 … N−1 cut into ⌈N/B⌉ batches, the last one smaller
 * when B does not divide N, so every sample is used exactly once per epoch.
 *
 * <p>B = N is full-batch gradient descent, B = 1 is stochastic gradient descent. The shuffle is
 * drawn from {@code new Random(seed)} ({@link Datasets#permutation}): the same seed gives the same batches.
 */
public final class BatchSampler {
    private final int size;
    private final int batchSize;
    private final Random rng;

    /**
     * @param size      number of samples N ≥ 1
     * @param batchSize batch size B in [1, N]
     * @param seed      seed of the shuffle
     */
    public BatchSampler(int size, int batchSize, long seed) {
        batchesPerEpoch(size, batchSize); // validates
        this.size = size;
        this.batchSize = batchSize;
        this.rng = new Random(seed);
    }

    /** Number of mini-batches per epoch, ⌈N/B⌉. */
    public static int batchesPerEpoch(int n, int batchSize) {
        if (n < 1) {
            throw new IllegalArgumentException("number of samples must be >= 1, got " + n);
        }
        if (batchSize < 1 || batchSize > n) {
            throw new IllegalArgumentException("batch size must be in [1, " + n + "], got " + batchSize);
        }
        return (n + batchSize - 1) / batchSize;
    }

    public int size() {
        return size;
    }

    public int batchSize() {
        return batchSize;
    }

    /** ⌈N/B⌉. */
    public int batchesPerEpoch() {
        return batchesPerEpoch(size, batchSize);
    }

    /** The batches (arrays of sample indices) of the next epoch, freshly shuffled. */
    public List<int[]> nextEpoch() {
        int[] order = Datasets.permutation(size, rng);
        List<int[]> batches = new ArrayList<>(batchesPerEpoch());
        for (int start = 0; start < size; start += batchSize) {
            int end = Math.min(start + batchSize, size);
            int[] batch = new int[end - start];
            System.arraycopy(order, start, batch, 0, batch.length);
            batches.add(batch);
        }
        return batches;
    }
}
