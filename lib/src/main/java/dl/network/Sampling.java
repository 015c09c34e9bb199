package dl.network;

/** How the {@link Trainer} draws mini-batches (미니배치). */
public enum Sampling {
    /**
     * Each epoch visits every sample once, in a new seeded random order, in ⌈N/B⌉ batches (the last
     * one smaller when B does not divide N). The default.
     */
    SHUFFLED_EPOCHS,
    /**
     * Each batch is B indices drawn uniformly <em>with replacement</em>, as DLFS does
     * ({@code np.random.choice(N, B)}); an "epoch" is then max(⌊N/B⌋, 1) iterations.
     */
    WITH_REPLACEMENT
}
