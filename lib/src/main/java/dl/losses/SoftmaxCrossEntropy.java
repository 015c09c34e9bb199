package dl.losses;

import dl.checks.Finite;
import dl.activations.Softmax;
import org.ejml.data.DMatrixRMaj;

/**
 * Softmax followed by cross-entropy, fused into one output layer (DLFS's SoftmaxWithLoss):
 * for logits z (N × K) and labels tᵢ, L = −(1/N) Σᵢ ln softmax(zᵢ)_tᵢ and ∂L/∂z = (y − t)/N, where
 * y = softmax(z) and t is the one-hot target.
 *
 * <p>Stable for any logits: ln softmax(z)ₖ = zₖ − logΣexp(z) is computed as zₖ − m − ln Σⱼ e^(zⱼ − m)
 * with m = maxⱼ zⱼ, so logits of ±1000 give a finite loss and gradient.
 *
 * <p>An empty batch is refused. Used on its own, NaN or ±∞ logits are refused (naming the row and column);
 * inside a {@code Sequential} they give a non-finite loss, which the trainer reports as divergence.
 */
public final class SoftmaxCrossEntropy implements LossLayer {
    private final DMatrixRMaj y = new DMatrixRMaj(1, 1);
    private final DMatrixRMaj dz = new DMatrixRMaj(1, 1);
    private int[] labels;
    private boolean inputChecked = true;

    @Override
    public double forward(DMatrixRMaj z, int[] labels) {
        Loss.requireLabels(z, labels);
        LossLayer.requireNonEmpty(this, z);
        if (inputChecked) {
            Finite.require(z, this + ": logits z");
        }
        this.labels = labels;
        int k = z.numCols;
        double s = 0;
        for (int i = 0; i < z.numRows; i++) {
            s += Softmax.logSumExp(z.data, i * k, k) - z.data[i * k + labels[i]];
        }
        if (!Double.isFinite(s)) {
            // non-finite logits (a diverged network): report the loss, there are no probabilities
            y.reshape(z.numRows, k);
            java.util.Arrays.fill(y.data, 0, y.getNumElements(), Double.NaN);
            return s / z.numRows;
        }
        Softmax.apply(z, y);
        return s / z.numRows;
    }

    @Override
    public DMatrixRMaj backward() {
        LossLayer.checkForwarded(this, labels != null);
        int n = y.numRows;
        int k = y.numCols;
        dz.reshape(n, k);
        for (int i = 0; i < y.getNumElements(); i++) {
            dz.data[i] = y.data[i] / n;
        }
        for (int i = 0; i < n; i++) {
            dz.data[i * k + labels[i]] -= 1.0 / n;
        }
        return dz;
    }

    @Override
    public void setInputChecked(boolean checked) {
        this.inputChecked = checked;
    }

    /** softmax(z) of the last forward (owned by the layer). */
    public DMatrixRMaj probabilities() {
        return y;
    }

    @Override
    public String toString() { return "SoftmaxCrossEntropy"; }
}
