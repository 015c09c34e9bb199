package dl.optimizers;

import dl.layers.Param;
import java.util.List;

/**
 * An optimizer (옵티마이저) updates parameters from their gradients: θ ← θ − Δ(∇θ).
 *
 * <p>One call updates one parameter tensor in place. Optimizers with memory (momentum,
 * squared-gradient averages, Adam's moments) keep that state per parameter array, keyed by
 * the array's identity, so the same optimizer serves a 2-D point and every weight matrix of a
 * network. {@link #reset()} forgets all state.
 */
public interface Optimizer {

    /**
     * Updates {@code param} in place from {@code grad} (same length). A NaN or ±∞ in {@code grad} is
     * refused with an IllegalArgumentException naming its index, before anything changes.
     */
    void update(double[] param, double[] grad);

    /**
     * One step over a network's parameters: θ ← θ − Δ(∂L/∂θ) for every parameter, each from its own
     * gradient (DLFS's {@code optimizer.update(params, grads)}), e.g. {@code opt.update(net.params())}.
     */
    default void update(List<Param> params) {
        java.util.Objects.requireNonNull(params, "params");
        for (Param p : params) {
            update(p.value().data, p.grad().data);
        }
    }

    /** Forgets all per-parameter state (velocities, moment estimates, step counts). */
    void reset();
}
