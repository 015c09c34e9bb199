package dl.network;

/**
 * Loss and accuracy measured after {@code epoch} epochs ({@code iteration} parameter updates) in
 * inference mode. The test values are NaN when there is no test set.
 */
public record Evaluation(int epoch, int iteration, double trainLoss, double trainAccuracy, double testLoss,
                         double testAccuracy) {
}
