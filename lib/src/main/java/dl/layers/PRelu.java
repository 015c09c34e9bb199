package dl.layers;

import java.util.Arrays;
import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * Parametric ReLU (He et al. 2015): yᵢⱼ = xᵢⱼ if xᵢⱼ &gt; 0 else αⱼ·xᵢⱼ, with one learned slope αⱼ per
 * feature (column).
 *
 * <p>Backward: ∂L/∂xᵢⱼ = dYᵢⱼ·(1 if xᵢⱼ &gt; 0 else αⱼ), ∂L/∂αⱼ = Σᵢ dYᵢⱼ·(0 if xᵢⱼ &gt; 0 else xᵢⱼ).
 */
public final class PRelu implements Layer {
    private final DMatrixRMaj alpha;
    private final DMatrixRMaj dAlpha;
    private final DMatrixRMaj y = new DMatrixRMaj(1, 1);
    private final DMatrixRMaj dx = new DMatrixRMaj(1, 1);
    private DMatrixRMaj x;

    /** α starts at 0.25 for every feature (the paper's and PyTorch's choice). */
    public PRelu(int features) {
        this(features, 0.25);
    }

    public PRelu(int features, double initialAlpha) {
        if (features <= 0) {
            throw new IllegalArgumentException("features must be positive, got " + features);
        }
        if (!Double.isFinite(initialAlpha)) {
            throw new IllegalArgumentException("initialAlpha must be finite, got " + initialAlpha);
        }
        alpha = new DMatrixRMaj(1, features);
        Arrays.fill(alpha.data, initialAlpha);
        dAlpha = new DMatrixRMaj(1, features);
    }

    /** The slopes α (1 × D). */
    public DMatrixRMaj alpha() { return alpha; }

    @Override
    public DMatrixRMaj forward(DMatrixRMaj x, boolean training) {
        java.util.Objects.requireNonNull(x, "x");
        int d = alpha.numCols;
        if (x.numCols != d) {
            throw new IllegalArgumentException(this + ": input is " + Layer.shape(x) + ", expected " + x.numRows + "×" + d);
        }
        this.x = x;
        y.reshape(x.numRows, d);
        for (int i = 0; i < x.getNumElements(); i++) {
            double v = x.data[i];
            y.data[i] = v > 0 ? v : alpha.data[i % d] * v;
        }
        return y;
    }

    @Override
    public DMatrixRMaj backward(DMatrixRMaj dout) {
        Layer.checkUpstream(this, dout, x != null, y);
        int d = alpha.numCols;
        dx.reshape(x.numRows, d);
        Arrays.fill(dAlpha.data, 0);
        for (int i = 0; i < x.getNumElements(); i++) {
            double v = x.data[i];
            int j = i % d;
            if (v > 0) {
                dx.data[i] = dout.data[i];
            } else {
                dx.data[i] = alpha.data[j] * dout.data[i];
                dAlpha.data[j] += dout.data[i] * v;
            }
        }
        return dx;
    }

    @Override
    public List<Param> params() {
        return List.of(new Param("alpha", alpha, dAlpha, false));
    }

    @Override
    public String toString() {
        return "PReLU(" + alpha.numCols + ")";
    }
}
