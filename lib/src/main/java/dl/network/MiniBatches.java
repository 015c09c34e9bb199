package dl.network;

import dl.data.Datasets;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Random;

/**
 * The mini-batches (미니배치) a {@link Trainer} trains on, as arrays of sample indices, epoch by epoch:
 * <ul>
 *   <li>{@link Sampling#SHUFFLED_EPOCHS}: every epoch shuffles the sample order (Fisher–Yates, continuing
 *   from the previous epoch's order) and cuts it into ⌈N/B⌉ batches, the last one smaller when B does
 *   not divide N;</li>
 *   <li>{@link Sampling#WITH_REPLACEMENT}: every batch is B indices drawn uniformly with replacement
 *   (DLFS's {@code np.random.choice(N, B)}), max(⌊N/B⌋, 1) batches per epoch.</li>
 * </ul>
 * All randomness comes from one {@code new Random(seed)}: the same seed gives the same batches.
 */
final class MiniBatches {
    private final int n;
    private final int batchSize;
    private final Sampling sampling;
    private final Random rng;
    private final int[] order;

    MiniBatches(int n, int batchSize, Sampling sampling, long seed) {
        this.n = n;
        this.batchSize = batchSize;
        this.sampling = sampling;
        this.rng = new Random(seed);
        this.order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
    }

    /** Batches per epoch: ⌈N/B⌉ for shuffled epochs, max(⌊N/B⌋, 1) with replacement. */
    static int perEpoch(int n, int batchSize, Sampling sampling) {
        // ⌈N/B⌉ without N + B − 1, which overflows for a batch size near Integer.MAX_VALUE
        return sampling == Sampling.SHUFFLED_EPOCHS ? n / batchSize + (n % batchSize == 0 ? 0 : 1)
                : Math.max(n / batchSize, 1);
    }

    int perEpoch() {
        return perEpoch(n, batchSize, sampling);
    }

    /**
     * The batches of the next epoch, at most {@code limit} of them (fewer when training ends inside
     * the epoch). Each batch is drawn when the loop asks for it.
     */
    Iterable<int[]> nextEpoch(int limit) {
        if (sampling == Sampling.SHUFFLED_EPOCHS) {
            Datasets.shuffle(order, rng);
        }
        int count = Math.min(perEpoch(), limit);
        return () -> new Iterator<>() {
            private int b;

            @Override
            public boolean hasNext() {
                return b < count;
            }

            @Override
            public int[] next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return batch(b++);
            }
        };
    }

    /** Batch b of the current epoch. */
    private int[] batch(int b) {
        if (sampling == Sampling.SHUFFLED_EPOCHS) {
            int from = b * batchSize;
            return Arrays.copyOfRange(order, from, Math.min(from + batchSize, n));
        }
        int[] idx = new int[batchSize];
        for (int i = 0; i < batchSize; i++) {
            idx[i] = rng.nextInt(n);
        }
        return idx;
    }
}
