package dl.losses;

import org.ejml.data.DMatrixRMaj;

/**
 * A loss that is the mean of one term per entry, over all N·K entries of y and t:
 * L = (1/(N·K)) Σᵢₖ ℓ(yᵢₖ, tᵢₖ), ∂L/∂yᵢₖ = ℓ'(yᵢₖ, tᵢₖ)/(N·K).
 *
 * <p>A subclass states only ℓ and ℓ' ({@link MeanSquaredError}, {@link MeanAbsoluteError},
 * {@link BinaryCrossEntropy}); the shape check and the loop over the entries live here.
 */
public abstract class EntrywiseLoss implements Loss {

    /** ℓ(y, t), the term of one entry. */
    protected abstract double term(double y, double t);

    /** ℓ'(y, t) = ∂ℓ/∂y. */
    protected abstract double termDerivative(double y, double t);

    /** Refuses y and t of different shapes and non-finite targets; a subclass may check more. */
    protected void check(DMatrixRMaj y, DMatrixRMaj t) {
        Loss.requireSameShape(y, t);
        Loss.requireFiniteTargets(t);
    }

    /** The checks of every entry point: the subclass's, then a non-empty batch (a mean over no entries is 0/0). */
    private void checkAll(DMatrixRMaj y, DMatrixRMaj t) {
        check(y, t);
        if (y.getNumElements() == 0) {
            throw new IllegalArgumentException(this + ": the batch is empty (prediction y is " + y.numRows + "×"
                    + y.numCols + "); the mean loss needs at least one sample with at least one value");
        }
    }

    /** Refuses a NaN or ±∞ prediction (naming its entry) and a loss that overflows although y and t are finite. */
    @Override
    public final double value(DMatrixRMaj y, DMatrixRMaj t) {
        checkAll(y, t);
        Loss.requireFinitePredictions(this, y);
        return Loss.requireFiniteResult(this, mean(y, t), y, t);
    }

    @Override
    public final double uncheckedValue(DMatrixRMaj y, DMatrixRMaj t) {
        checkAll(y, t);
        return mean(y, t);
    }

    private double mean(DMatrixRMaj y, DMatrixRMaj t) {
        int n = y.getNumElements();
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += term(y.data[i], t.data[i]);
        }
        return s / n;
    }

    /** Refuses a NaN or ±∞ prediction, naming its entry. */
    @Override
    public final DMatrixRMaj gradient(DMatrixRMaj y, DMatrixRMaj t) {
        checkAll(y, t);
        Loss.requireFinitePredictions(this, y);
        return uncheckedGradient(y, t);
    }

    @Override
    public final DMatrixRMaj uncheckedGradient(DMatrixRMaj y, DMatrixRMaj t) {
        checkAll(y, t);
        int n = y.getNumElements();
        DMatrixRMaj g = new DMatrixRMaj(y.numRows, y.numCols);
        for (int i = 0; i < n; i++) {
            g.data[i] = termDerivative(y.data[i], t.data[i]) / n;
        }
        return g;
    }
}
