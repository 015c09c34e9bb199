package dl.layers;

import dl.activations.Activation;
import org.ejml.data.DMatrixRMaj;

/**
 * Applies an activation function f to every element: Y = f(X); backward dX = dY ⊙ f'(X)
 * (⊙ = element-wise product).
 */
public final class ActivationLayer implements Layer {
    private final Activation f;
    private final DMatrixRMaj y = new DMatrixRMaj(1, 1);
    private final DMatrixRMaj dx = new DMatrixRMaj(1, 1);
    private DMatrixRMaj x;

    public ActivationLayer(Activation f) {
        this.f = java.util.Objects.requireNonNull(f, "activation f");
    }

    public Activation activation() { return f; }

    @Override
    public DMatrixRMaj forward(DMatrixRMaj x, boolean training) {
        java.util.Objects.requireNonNull(x, "x");
        this.x = x;
        y.reshape(x.numRows, x.numCols);
        f.apply(x.data, y.data, x.getNumElements());
        return y;
    }

    @Override
    public DMatrixRMaj backward(DMatrixRMaj dout) {
        Layer.checkUpstream(this, dout, x != null, y);
        dx.reshape(x.numRows, x.numCols);
        f.backward(x.data, dout.data, dx.data, x.getNumElements());
        return dx;
    }

    @Override
    public String toString() {
        return f.toString();
    }
}
