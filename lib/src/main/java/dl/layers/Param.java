package dl.layers;

import org.ejml.data.DMatrixRMaj;

/**
 * A learned parameter tensor and the gradient of the loss with respect to it, same shape.
 * An optimizer updates it in place: {@code opt.update(net.params())}.
 *
 * @param name   e.g. "W1", "b1", "gamma2"
 * @param value  the parameter (shared with its layer: updating it changes the layer)
 * @param grad   ∂L/∂value, filled by the layer's backward pass
 * @param decays whether weight decay applies (weights yes; biases, γ, β, α no)
 */
public record Param(String name, DMatrixRMaj value, DMatrixRMaj grad, boolean decays) {

    public Param {
        java.util.Objects.requireNonNull(name, "name");
        java.util.Objects.requireNonNull(value, "value");
        java.util.Objects.requireNonNull(grad, "grad");
        if (value.numRows != grad.numRows || value.numCols != grad.numCols) {
            throw new IllegalArgumentException("parameter " + name + " is " + Layer.shape(value)
                    + " but its gradient is " + Layer.shape(grad));
        }
        if (value.data.length != value.getNumElements() || grad.data.length != grad.getNumElements()) {
            throw new IllegalArgumentException("parameter " + name + " must own exactly rows×cols values");
        }
    }

    /** The same tensors under another name. */
    public Param withName(String newName) {
        return new Param(newName, value, grad, decays);
    }

    /** "rows×cols". */
    public String shape() {
        return Layer.shape(value);
    }

    @Override
    public String toString() {
        return name + " " + shape();
    }
}
