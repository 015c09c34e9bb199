package dl.minibatch;

/**
 * A loss that is an average over N samples, so it can be evaluated on a mini-batch (미니배치) of
 * sample indices: L_B(w) = (1/|B|) Σ_{i∈B} ℓᵢ(w) and its gradient ∇L_B(w).
 */
public interface BatchObjective {

    /** Number of samples N. */
    int size();

    /** Number of parameters (length of w). */
    int dimension();

    /** Mean loss over the samples in {@code batch}. */
    double loss(double[] w, int[] batch);

    /** Gradient of the mean loss over the samples in {@code batch}. */
    double[] gradient(double[] w, int[] batch);
}
