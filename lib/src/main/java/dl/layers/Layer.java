package dl.layers;

import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * A layer (층) of a network: {@code forward} computes its output from an N × D input (one sample
 * per row), {@code backward} receives ∂L/∂output and returns ∂L/∂input (back-propagation, 역전파,
 * is the chain rule applied layer by layer), storing the gradients of its own parameters.
 *
 * <p>For speed, the matrices returned by {@code forward} and {@code backward} belong to the layer
 * and are overwritten by its next call: copy one ({@code m.copy()}) to keep it.
 */
public interface Layer {

    /**
     * The output for input {@code x}. {@code training} selects the training behaviour of layers that
     * have one (dropout drops units, batch norm uses the batch statistics).
     */
    DMatrixRMaj forward(DMatrixRMaj x, boolean training);

    /** The output in inference mode: {@code forward(x, false)}. */
    default DMatrixRMaj forward(DMatrixRMaj x) {
        return forward(x, false);
    }

    /** ∂L/∂x from ∂L/∂y ({@code dout}) for the last forward pass; fills the parameter gradients. */
    DMatrixRMaj backward(DMatrixRMaj dout);

    /** The learned parameters with their gradients (empty for layers without parameters). */
    default List<Param> params() {
        return List.of();
    }

    /**
     * Whether {@code backward} must compute ∂L/∂x. The first layer of a network does not need it;
     * layers that can skip it then return {@code null} from backward. Default: needed.
     */
    default void setInputGradientNeeded(boolean needed) {
    }

    /**
     * Whether {@code forward} refuses a NaN or ±∞ that enters through its input (default: it does, in the
     * layers that check). A {@code Sequential} turns this off for its layers: it checks its input where it
     * enters, so a NaN or ∞ inside it was produced by the network (diverged weights) and must reach the
     * loss, where the trainer reports the divergence with its step and the learning rate.
     */
    default void setInputChecked(boolean checked) {
    }

    /**
     * The guard every backward pass starts with: {@code dout} (∂L/∂y) is not null, a forward pass came
     * first, and ∂L/∂y has the shape of that pass's output y. Errors name the layer and both shapes.
     *
     * @param layer     the layer, named in the messages
     * @param forwarded whether a forward pass came first
     * @param output    the output of the last forward pass (its shape is the one expected of dout;
     *                  read only when {@code forwarded})
     */
    static void checkUpstream(Object layer, DMatrixRMaj dout, boolean forwarded, DMatrixRMaj output) {
        java.util.Objects.requireNonNull(dout, "dout");
        if (!forwarded) {
            throw new IllegalStateException(layer + ": backward called before forward");
        }
        if (dout.numRows != output.numRows || dout.numCols != output.numCols) {
            throw new IllegalArgumentException(layer + ": upstream gradient is " + shape(dout) + ", expected "
                    + shape(output));
        }
    }

    /** "rows×cols" of a matrix, for error messages. */
    static String shape(DMatrixRMaj m) {
        java.util.Objects.requireNonNull(m, "m");
        return m.numRows + "×" + m.numCols;
    }
}
