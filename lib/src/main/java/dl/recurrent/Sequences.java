package dl.recurrent;

import dl.data.Finite;
import dl.layers.Layer;
import dl.tensors.Checks;
import dl.tensors.Tensor;
import java.util.List;
import java.util.function.Function;
import org.ejml.data.DMatrixRMaj;

/** Moving time steps in and out of the N × (T·D) matrix view of a batch of sequences. */
final class Sequences {
    private Sequences() {
    }

    /** T = columns / D, with checks naming the layer. */
    static int steps(DMatrixRMaj x, int d, Object layer) {
        Checks.notNull(x, "x");
        if (x.numCols == 0 || x.numCols % d != 0) {
            throw new IllegalArgumentException(layer + ": input is " + Layer.shape(x) + ", expected N×(T·" + d
                    + ") — one sequence of T steps with " + d + " values each per row");
        }
        requireFinite(x, d, layer);
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
