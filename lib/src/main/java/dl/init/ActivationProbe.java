package dl.init;

import dl.checks.Finite;
import dl.activations.Activation;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Pushes a batch through a stack of fresh, untrained layers and keeps every layer's activations,
 * to see how the weight initialization (가중치 초기화) shapes them: for layer ℓ = 1 … L,
 * a⁽ˡ⁾ = f(a⁽ˡ⁻¹⁾·W⁽ˡ⁾) with a⁽⁰⁾ = x, W⁽ˡ⁾ of shape D × D drawn by {@code init}, no bias.
 * (DLFS's weight_init_activation_histogram.)
 */
public final class ActivationProbe {
    private ActivationProbe() {
    }

    /**
     * The activations of each of {@code layers} layers (each as a flat array of N·D values), for
     * input {@code x} (N × D) and weights drawn from {@code new Random(seed)}.
     */
    public static List<double[]> layerOutputs(DMatrixRMaj x, int layers, Init init, Activation f, long seed) {
        java.util.Objects.requireNonNull(x, "x");
        java.util.Objects.requireNonNull(init, "init");
        java.util.Objects.requireNonNull(f, "f");
        Finite.require(x, "input x");
        if (layers <= 0) {
            throw new IllegalArgumentException("layers must be positive, got " + layers);
        }
        Random rng = new Random(seed);
        int d = x.numCols;
        List<double[]> out = new ArrayList<>();
        DMatrixRMaj a = x;
        for (int l = 0; l < layers; l++) {
            DMatrixRMaj w = init.weights(d, d, rng);
            DMatrixRMaj z = new DMatrixRMaj(a.numRows, d);
            CommonOps_DDRM.mult(a, w, z);
            DMatrixRMaj next = new DMatrixRMaj(a.numRows, d);
            f.apply(z.data, next.data, z.getNumElements());
            out.add(next.data.clone());
            a = next;
        }
        return out;
    }

    /** N × D standard-normal input drawn from {@code new Random(seed)} (DLFS: np.random.randn(1000, 100)). */
    public static DMatrixRMaj gaussianInput(int n, int d, long seed) {
        if (n <= 0 || d <= 0) {
            throw new IllegalArgumentException("input shape must be positive, got " + n + "×" + d);
        }
        Random rng = new Random(seed);
        DMatrixRMaj x = new DMatrixRMaj(n, d);
        for (int i = 0; i < x.data.length; i++) {
            x.data[i] = rng.nextGaussian();
        }
        return x;
    }
}
