package dl.layers;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;

/**
 * Dropout (드롭아웃, Srivastava et al. 2014), in its <em>inverted</em> form: in training each unit is
 * kept with probability 1 − p and the kept ones are scaled by 1/(1 − p), so the expected output
 * equals the input; at inference the layer is the identity.
 *
 * <p>Training: yᵢ = mᵢ·xᵢ/(1 − p) with mᵢ ~ Bernoulli(1 − p); backward dxᵢ = mᵢ·dyᵢ/(1 − p).
 * (DLFS uses the original, non-inverted form: no scaling in training and ×(1 − p) at test time.
 * Both give the same expected values; the inverted form leaves inference untouched.)
 */
public final class Dropout implements Layer {
    private final double p;
    private final Random rng;
    private double[] mask = new double[0];
    private final DMatrixRMaj y = new DMatrixRMaj(1, 1);
    private final DMatrixRMaj dx = new DMatrixRMaj(1, 1);
    private DMatrixRMaj x;
    private boolean lastTraining;

    /**
     * @param p    the drop rate, 0 ≤ p &lt; 1
     * @param seed seed of the random masks
     */
    public Dropout(double p, long seed) {
        if (!(p >= 0 && p < 1)) {
            throw new IllegalArgumentException("dropout rate p must be in [0, 1), got " + p);
        }
        this.p = p;
        this.rng = new Random(seed);
    }

    public double rate() { return p; }

    @Override
    public DMatrixRMaj forward(DMatrixRMaj x, boolean training) {
        java.util.Objects.requireNonNull(x, "x");
        this.x = x;
        this.lastTraining = training;
        if (!training) {
            return x;
        }
        int n = x.getNumElements();
        if (mask.length < n) {
            mask = new double[n];
        }
        double scale = 1 / (1 - p);
        y.reshape(x.numRows, x.numCols);
        for (int i = 0; i < n; i++) {
            mask[i] = rng.nextDouble() >= p ? scale : 0;
            y.data[i] = x.data[i] * mask[i];
        }
        return y;
    }

    @Override
    public DMatrixRMaj backward(DMatrixRMaj dout) {
        Layer.checkUpstream(this, dout, x != null, x); // x: in inference the output is x itself
        if (!lastTraining) {
            return dout;
        }
        dx.reshape(dout.numRows, dout.numCols);
        for (int i = 0; i < dout.getNumElements(); i++) {
            dx.data[i] = dout.data[i] * mask[i];
        }
        return dx;
    }

    @Override
    public String toString() {
        return "Dropout(p=" + p + ")";
    }
}
