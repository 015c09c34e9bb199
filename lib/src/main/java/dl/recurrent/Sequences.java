package dl.recurrent;

import dl.checks.Finite;
import dl.layers.Layer;
import dl.layers.Param;
import dl.checks.Checks;
import dl.tensors.Tensor;
import java.util.List;
import java.util.function.Function;
import org.ejml.data.DMatrixRMaj;

/** Moving time steps in and out of the N × (T·D) matrix view of a batch of sequences. */
final class Sequences {
    private Sequences() {
    }

    /** T = columns / D, with checks naming the layer (and, when {@code checked}, refusing a NaN or ±∞ in x). */
    static int steps(DMatrixRMaj x, int d, Object layer, boolean checked) {
        Checks.notNull(x, "x");
        if (x.numCols == 0 || x.numCols % d != 0) {
            throw new IllegalArgumentException(layer + ": input is " + Layer.shape(x) + ", expected N×(T·" + d
                    + ") — one sequence of T steps with " + d + " values each per row");
        }
        if (checked) {
            requireFinite(x, d, layer);
        }
        return x.numCols / d;
    }

    /**
     * Refuses a NaN or ±∞ in the sequences x (N × T·D), naming the sample, the time step and the feature (one
     * branch-free pass when all are finite).
     */
    static void requireFinite(DMatrixRMaj x, int d, Object layer) {
        int i = Finite.firstNonFinite(x.data, x.getNumElements());
        if (i >= 0) {
            int cols = Math.max(x.numCols, 1);
            int r = i / cols, c = i % cols;
            throw new IllegalArgumentException(layer + " input (" + x.numRows + "×" + x.numCols + ") has " + x.data[i]
                    + " at row " + r + ", column " + c + " (sample " + r + ", time step " + c / d + ", feature " + c % d
                    + "); data must be finite numbers");
        }
    }

    /** A per-step matrix a divergence report can name: "hidden state h" and how to read it from a step. */
    record Part<S>(String name, Function<S, DMatrixRMaj> of) {
    }

    /**
     * After a forward pass through time: when the output y (N × H or N × T·H) holds a NaN or ±∞ (one branch-free
     * pass), throws a {@link dl.descent.DivergenceException} naming the first time step, sample and unit whose
     * state is not finite and the cause: weights that an earlier update made non-finite, or finite weights and
     * inputs too large for doubles (blaming the data when its largest value is larger than the largest weight).
     * {@code pass}: the layer's training step.
     */
    static <S> void requireFiniteStates(Object layer, DMatrixRMaj y, List<S> steps, List<Part<S>> states,
                                        DMatrixRMaj x, List<Param> params, int pass) {
        if (Finite.firstNonFinite(y.data, y.getNumElements()) >= 0) {
            throw stateDivergence(layer, steps, states, x, params, pass);
        }
    }

    /** The report of the first non-finite state in time order (or of the output when no state is to blame). */
    private static <S> dl.descent.DivergenceException stateDivergence(Object layer, List<S> steps, List<Part<S>> states,
                                                                     DMatrixRMaj x, List<Param> params, int pass) {
        for (int s = 0; s < steps.size(); s++) {
            for (Part<S> part : states) {
                DMatrixRMaj m = part.of().apply(steps.get(s));
                int i = Finite.firstNonFinite(m.data, m.getNumElements());
                if (i >= 0) {
                    return new dl.descent.Divergence(pass, layer + ": " + part.name() + " at time step " + s + " (sample "
                            + i / m.numCols + ", unit " + i % m.numCols + ")", m.data[i],
                            "; " + forwardCause(x, params)).exception();
                }
            }
        }
        return new dl.descent.Divergence(pass, layer + ": output", Double.NaN, "; " + forwardCause(x, params)).exception();
    }

    /** Why a forward pass over finite inputs produced a NaN or ±∞: non-finite weights, or values too large. */
    private static String forwardCause(DMatrixRMaj x, List<Param> params) {
        String weights = nonFiniteWeight(params);
        if (weights != null) {
            return weights + ": an earlier update diverged; use a smaller learning rate or clip the gradients"
                    + " (GradientClipping.clipByGlobalNorm)";
        }
        double largestX = largest(x.data, x.getNumElements());
        double largestW = 0;
        String in = "";
        for (Param p : params) {
            double w = largest(p.value().data, p.value().getNumElements());
            if (w > largestW) {
                largestW = w;
                in = p.name();
            }
        }
        String sizes = "largest |x| = " + largestX + ", largest |weight| = " + largestW + " in " + in;
        return "every input and weight is finite but xₜ·Wx + hₜ₋₁·Wh + b overflows: " + (largestX > largestW
                ? "the data are too large (" + sizes + "); scale the data (e.g. with a Standardizer)"
                : "the weights have grown too large (" + sizes + "); use a smaller learning rate or clip the gradients"
                        + " (GradientClipping.clipByGlobalNorm)");
    }

    /**
     * After back-propagation through time: when ∂L/∂x or a parameter gradient is not finite (one branch-free pass
     * over each), throws a {@link dl.descent.DivergenceException} naming the cause — a non-finite state of the
     * forward pass, a non-finite upstream gradient ∂L/∂y, or else the time step (going back from T − 1) whose
     * back-propagated {@code gradients} first overflowed, with the largest recurrent weight.
     */
    static <S> void requireFiniteGradients(Object layer, DMatrixRMaj dx, DMatrixRMaj dout, List<S> steps,
                                           List<Part<S>> states, List<Part<S>> gradients, DMatrixRMaj x,
                                           List<Param> params, int pass) {
        boolean finite = Finite.firstNonFinite(dx.data, dx.getNumElements()) < 0;
        for (Param p : params) {
            finite &= Finite.firstNonFinite(p.grad().data, p.grad().getNumElements()) < 0;
        }
        if (finite) {
            return;
        }
        for (S step : steps) {
            for (Part<S> part : states) {
                DMatrixRMaj m = part.of().apply(step);
                if (Finite.firstNonFinite(m.data, m.getNumElements()) >= 0) {
                    throw stateDivergence(layer, steps, states, x, params, pass);
                }
            }
        }
        int i = Finite.firstNonFinite(dout.data, dout.getNumElements());
        if (i >= 0) {
            throw new dl.descent.Divergence(pass, layer + ": upstream gradient ∂L/∂y at row " + i / dout.numCols
                    + ", column " + i % dout.numCols, dout.data[i], "; it came from the layers or the loss above this"
                    + " one, not from back-propagation through time").exception();
        }
        String weights = nonFiniteWeight(params);
        Param wh = params.get(1);
        String cause = weights != null
                ? "; " + weights + ": an earlier update diverged; use a smaller learning rate or clip the gradients"
                        + " (GradientClipping.clipByGlobalNorm)"
                : "; back-propagation through time exploded: the gradient is multiplied by Whᵀ at every step back"
                        + " (largest |Wh| = " + largest(wh.value().data, wh.value().getNumElements()) + ", " + steps.size()
                        + " steps); clip the gradients (GradientClipping.clipByGlobalNorm), use a smaller learning rate"
                        + " or shorter sequences";
        for (int s = steps.size() - 1; s >= 0; s--) {
            for (Part<S> part : gradients) {
                DMatrixRMaj m = part.of().apply(steps.get(s));
                int j = Finite.firstNonFinite(m.data, m.getNumElements());
                if (j >= 0) {
                    throw diverged(pass, layer + ": " + part.name() + " going back from time step " + s + " (sample "
                            + j / m.numCols + ", unit " + j % m.numCols + ")", m.data[j], cause);
                }
            }
        }
        for (Param p : params) {
            DMatrixRMaj g = p.grad();
            int j = Finite.firstNonFinite(g.data, g.getNumElements());
            if (j >= 0) {
                throw diverged(pass, layer + ": the gradient of " + p.name() + " (" + p.shape() + ") at row "
                        + j / g.numCols + ", column " + j % g.numCols, g.data[j], cause);
            }
        }
        int j = Finite.firstNonFinite(dx.data, dx.getNumElements());
        throw diverged(pass, layer + ": ∂L/∂x at row " + j / dx.numCols + ", column " + j % dx.numCols, dx.data[j], cause);
    }

    private static dl.descent.DivergenceException diverged(int pass, String quantity, double value, String detail) {
        return new dl.descent.Divergence(pass, quantity, value, detail).exception();
    }

    /** "Wh (16×16) has NaN at row 3, column 0" for the first non-finite weight, or null when all are finite. */
    private static String nonFiniteWeight(List<Param> params) {
        for (Param p : params) {
            DMatrixRMaj w = p.value();
            int i = Finite.firstNonFinite(w.data, w.getNumElements());
            if (i >= 0) {
                return "the weights are not finite: " + p.name() + " (" + p.shape() + ") has " + w.data[i] + " at row "
                        + i / w.numCols + ", column " + i % w.numCols;
            }
        }
        return null;
    }

    private static double largest(double[] v, int n) {
        double m = 0;
        for (int i = 0; i < n; i++) {
            m = Math.max(m, Math.abs(v[i]));
        }
        return m;
    }

    /** out (N × D) = columns s·D … s·D + D − 1 of x. */
    static void column(DMatrixRMaj x, int s, int d, DMatrixRMaj out) {
        int n = x.numRows;
        out.reshape(n, d);
        for (int r = 0; r < n; r++) {
            System.arraycopy(x.data, r * x.numCols + s * d, out.data, r * d, d);
        }
    }

    /** Columns s·K … of y (N × T·K) = v (N × K). */
    static void putColumn(DMatrixRMaj v, int s, DMatrixRMaj y) {
        int n = v.numRows, k = v.numCols;
        for (int r = 0; r < n; r++) {
            System.arraycopy(v.data, r * k, y.data, r * y.numCols + s * k, k);
        }
    }

    /** dh += the part of dout that belongs to step s (all of it for the last step of LAST_STATE). */
    static void addUpstream(DMatrixRMaj dout, SequenceOutput output, int s, int steps, int hs, DMatrixRMaj dh) {
        int n = dh.numRows;
        if (output == SequenceOutput.LAST_STATE) {
            if (s == steps - 1) {
                for (int i = 0; i < n * hs; i++) {
                    dh.data[i] += dout.data[i];
                }
            }
            return;
        }
        for (int r = 0; r < n; r++) {
            int src = r * dout.numCols + s * hs;
            for (int j = 0; j < hs; j++) {
                dh.data[r * hs + j] += dout.data[src + j];
            }
        }
    }

    /** An N × T × H tensor from per-step N × H matrices. */
    static <S> Tensor stack(List<S> steps, Function<S, DMatrixRMaj> part) {
        DMatrixRMaj first = part.apply(steps.get(0));
        int n = first.numRows, h = first.numCols, t = steps.size();
        double[] v = new double[n * t * h];
        for (int s = 0; s < t; s++) {
            DMatrixRMaj m = part.apply(steps.get(s));
            for (int r = 0; r < n; r++) {
                System.arraycopy(m.data, r * h, v, (r * t + s) * h, h);
            }
        }
        return Tensor.of(v, n, t, h);
    }
}
