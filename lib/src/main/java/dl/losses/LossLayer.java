package dl.losses;

import org.ejml.data.DMatrixRMaj;

/**
 * The last step of a classification network: turns its output scores and the class labels into
 * one number, the mean loss over the batch, and starts back-propagation with ∂L/∂scores.
 */
public interface LossLayer {

    /** The mean loss of {@code scores} (N × K) against {@code labels} (length N, values 0..K−1). */
    double forward(DMatrixRMaj scores, int[] labels);

    /** ∂L/∂scores for the last forward (owned by the layer; overwritten by the next call). */
    DMatrixRMaj backward();

    /**
     * Whether {@code forward} refuses NaN or ±∞ scores (default: it does, in the loss layers that check). A
     * {@code Sequential} turns this off: its scores come from its own layers, and a non-finite loss is how the
     * trainer sees (and reports) a diverged network.
     */
    default void setInputChecked(boolean checked) {
    }

    /** Throws an IllegalArgumentException unless there is at least one row: the mean loss of no samples is undefined. */
    static void requireNonEmpty(Object layer, DMatrixRMaj scores) {
        if (scores.numRows == 0 || scores.numCols == 0) {
            throw new IllegalArgumentException(layer + ": the batch is empty (" + scores.numRows + "×" + scores.numCols
                    + " scores); the mean loss needs at least one sample with at least one score");
        }
    }

    /** The guard of {@code backward}: a forward pass must come first (the message names the loss layer). */
    static void checkForwarded(Object layer, boolean forwarded) {
        if (!forwarded) {
            throw new IllegalStateException(layer + ": backward called before forward");
        }
    }

    /** The predicted class of each row: the arg-max of the scores. A row with a NaN score is refused. */
    default int[] predictClasses(DMatrixRMaj scores) {
        java.util.Objects.requireNonNull(scores, "scores");
        int k = scores.numCols;
        int[] classes = new int[scores.numRows];
        for (int r = 0; r < scores.numRows; r++) {
            int best = 0;
            for (int c = 0; c < k; c++) {
                if (Double.isNaN(scores.data[r * k + c])) {
                    throw new IllegalArgumentException("the scores of row " + r + " contain NaN (column " + c
                            + "); they predict no class");
                }
            }
            for (int c = 1; c < k; c++) {
                if (scores.data[r * k + c] > scores.data[r * k + best]) {
                    best = c;
                }
            }
            classes[r] = best;
        }
        return classes;
    }

    /**
     * A loss on matrix targets used as a loss layer: labels become one-hot rows when the network has
     * K &gt; 1 outputs, or a 0/1 column when it has a single output (binary classification; a single
     * output predicts class 1 when it exceeds 0.5, or 0 for {@link BinaryCrossEntropy#fromLogits()}).
     */
    static LossLayer of(Loss loss) {
        java.util.Objects.requireNonNull(loss, "loss");
        return new TargetLoss(loss);
    }
}
