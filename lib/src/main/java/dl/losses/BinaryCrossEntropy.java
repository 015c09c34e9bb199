package dl.losses;

import dl.activations.Sigmoid;
import org.ejml.data.DMatrixRMaj;

/**
 * Binary cross-entropy (이진 교차 엔트로피, log loss), averaged over all N·K entries, targets t ∈ [0, 1].
 *
 * <p>On probabilities p (the default, {@code new BinaryCrossEntropy()}):
 * L = −mean[t·ln p + (1 − t)·ln(1 − p)], with p clipped to [ε, 1 − ε], ε = 1e-7, so that p = 0 or 1
 * gives a large but finite loss; ∂L/∂p = (p − t)/(p(1 − p))/(N·K) inside the clip range and 0 outside
 * (the exact derivative of the clipped function).
 *
 * <p>On logits z ({@link #fromLogits()}, p = σ(z)), in the overflow-free form
 * L = mean[max(z, 0) − z·t + ln(1 + e^(−|z|))], with ∂L/∂z = (σ(z) − t)/(N·K).
 *
 * <p>Targets outside [0, 1] (a label 2 or −1) and, in the probability form, predictions outside
 * [0, 1] (1.7 is no probability) are refused, naming the entry. A NaN or ±∞ prediction gives a NaN loss and
 * gradient (never a finite one, which the clip would otherwise make of ±∞): training reports it as divergence,
 * and {@code LossLayer.of(loss).forward} used on its own refuses it, naming the entry.
 */
public final class BinaryCrossEntropy extends EntrywiseLoss {
    /** The clip ε of the probability form. */
    public static final double EPSILON = 1e-7;

    private final boolean logits;

    /** Binary cross-entropy of probabilities p ∈ [0, 1]. */
    public BinaryCrossEntropy() {
        this(false);
    }

    private BinaryCrossEntropy(boolean logits) {
        this.logits = logits;
    }

    /** Binary cross-entropy of logits z (p = σ(z)), stable for any z. */
    public static BinaryCrossEntropy fromLogits() {
        return new BinaryCrossEntropy(true);
    }

    /** Whether the inputs are logits (else probabilities). */
    public boolean isFromLogits() { return logits; }

    /** ℓ = max(z, 0) − z·t + ln(1 + e^(−|z|)) on logits, −[t·ln p + (1 − t)·ln(1 − p)] on clipped p. */
    @Override
    protected double term(double y, double t) {
        if (!Double.isFinite(y)) {
            return Double.NaN; // never a finite loss from a diverged prediction (the clip would hide ±∞)
        }
        if (logits) {
            return Math.max(y, 0) - y * t + Math.log1p(Math.exp(-Math.abs(y)));
        }
        double p = Math.min(Math.max(y, EPSILON), 1 - EPSILON);
        return -(t * Math.log(p) + (1 - t) * Math.log(1 - p));
    }

    /** ℓ' = σ(z) − t on logits, (p − t)/(p(1 − p)) on p inside the clip range and 0 outside. */
    @Override
    protected double termDerivative(double y, double t) {
        if (!Double.isFinite(y)) {
            return Double.NaN; // σ(±∞) − t and the clipped 0 would be a finite gradient from a diverged prediction
        }
        if (logits) {
            return Sigmoid.sigmoid(y) - t;
        }
        return y < EPSILON || y > 1 - EPSILON ? 0 : (y - t) / (y * (1 - y));
    }

    /** Same shapes, targets in [0, 1] and, on probabilities, predictions in [0, 1]. */
    @Override
    protected void check(DMatrixRMaj y, DMatrixRMaj t) {
        Loss.requireSameShape(y, t);
        Loss.requireUnitInterval(t, "binary cross-entropy targets t", false);
        if (!logits) {
            Loss.requireUnitInterval(y, "binary cross-entropy predictions p (probabilities; use fromLogits() for scores)", true);
        }
    }

    @Override
    public String toString() { return logits ? "BinaryCrossEntropy(logits)" : "BinaryCrossEntropy"; }
}
