package dl.convolution;

import dl.fast.MaxPool;
import dl.layers.Layer;
import dl.checks.Checks;
import dl.tensors.Tensor;
import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;

/**
 * Max pooling (최대 풀링, DLFS §7.5): each channel separately, every PH × PW window (stride S) is
 * replaced by its largest value,
 * <pre>
 *   y[n, c, i, j] = max_{u &lt; PH, v &lt; PW} x[n, c, i·S + u, j·S + v]
 * </pre>
 * with OH = (H − PH)/S + 1, OW = (W − PW)/S + 1 (rounded down). No parameters.
 *
 * <p>A NaN anywhere in a window makes that output NaN (as in PyTorch): the first NaN of the window wins, so
 * a NaN input is never hidden behind a finite maximum.
 *
 * <p>Backward: the gradient flows only to the position that won the max, ∂L/∂x[argmax] += dY (the
 * other inputs of the window get 0). DLFS writes the same with im2col — one window per row, max over
 * the row, col2im back; here the windows are visited directly and the arg-max positions kept.
 *
 * <p>Rows are images as in {@link Convolution}: C × H × W values in, C × OH × OW values out.
 *
 * <p>The forward pass below visits every window and keeps the best position so far. For 2 × 2 windows with
 * stride 2 it hands the work to {@link MaxPool#twoByTwo} when the Vector API is there: the same maxima and
 * arg-max positions, compared without a branch per value (see there why that matters).
 */
public final class MaxPooling implements Layer {
    private final int c, h, w, ph, pw, stride, oh, ow;
    private final DMatrixRMaj y = new DMatrixRMaj(1, 1);
    private final DMatrixRMaj dx = new DMatrixRMaj(1, 1);
    private int[] argmax = new int[0];
    private int batch = -1;

    /** Square size × size windows with the given stride (2, 2 halves each side). */
    public MaxPooling(int channels, int height, int width, int size, int stride) {
        this.c = Checks.atLeast(channels, 1, "channels");
        this.h = Checks.atLeast(height, 1, "height");
        this.w = Checks.atLeast(width, 1, "width");
        this.ph = Checks.atLeast(size, 1, "pool size");
        this.pw = size;
        this.stride = Checks.atLeast(stride, 1, "stride");
        this.oh = Im2Col.outputSize(h, ph, stride, 0);
        this.ow = Im2Col.outputSize(w, pw, stride, 0);
        Checks.doubles(Checks.product(c, h, w), "one " + c + "×" + h + "×" + w + " input image");
    }

    /** Pools the output of {@code conv}: its feature maps FN × OH × OW are this layer's input. */
    public static MaxPooling after(Convolution conv, int size, int stride) {
        int[] s = Checks.notNull(conv, "conv").outputShape();
        return new MaxPooling(s[0], s[1], s[2], size, stride);
    }

    /** The output shape of one image: {C, OH, OW}. */
    public int[] outputShape() {
        return new int[] {c, oh, ow};
    }

    /** Values per output row, C·OH·OW. */
    public int outputSize() {
        return c * oh * ow;
    }

    /** The pooled maps of the last forward pass as an N × C × OH × OW tensor (a copy). */
    public Tensor pooledMaps() {
        if (batch < 0) {
            throw new IllegalStateException(this + ": no forward pass yet");
        }
        return Tensor.of(Arrays.copyOf(y.data, batch * outputSize()), batch, c, oh, ow);
    }

    @Override
    public DMatrixRMaj forward(DMatrixRMaj x, boolean training) {
        Im2Col.checkImages(x, c, h, w, this);
        int n = x.numRows;
        Checks.doubles(Checks.product(n, c, oh, ow), this + " output of " + n + " images");
        y.reshape(n, outputSize());
        if (argmax.length < n * outputSize()) {
            argmax = new int[n * outputSize()];
        }
        double[] xd = x.data, yd = y.data;
        batch = n;
        if (ph == 2 && pw == 2 && stride == 2 && MaxPool.available()) {
            MaxPool.twoByTwo(xd, n * c, h, w, yd, argmax);
            return y;
        }
        int o = 0;
        for (int img = 0; img < n; img++) {
            for (int ch = 0; ch < c; ch++) {
                int plane = (img * c + ch) * h * w;
                for (int i = 0; i < oh; i++) {
                    for (int j = 0; j < ow; j++, o++) {
                        int best = plane + i * stride * w + j * stride;
                        for (int u = 0; u < ph; u++) {
                            int rowStart = plane + (i * stride + u) * w + j * stride;
                            for (int v = 0; v < pw; v++) {
                                double xv = xd[rowStart + v];
                                // a NaN wins and stays: x != x only for NaN (a comparison with NaN is false)
                                if (xv > xd[best] || (xv != xv && xd[best] == xd[best])) {
                                    best = rowStart + v;
                                }
                            }
                        }
                        argmax[o] = best;
                        yd[o] = xd[best];
                    }
                }
            }
        }
        return y;
    }

    @Override
    public DMatrixRMaj backward(DMatrixRMaj dout) {
        Layer.checkUpstream(this, dout, batch >= 0, y);
        dx.reshape(batch, c * h * w);
        Arrays.fill(dx.data, 0, batch * c * h * w, 0.0);
        int n = batch * outputSize();
        for (int o = 0; o < n; o++) {
            dx.data[argmax[o]] += dout.data[o];
        }
        return dx;
    }

    @Override
    public String toString() {
        return "MaxPooling(" + c + "×" + h + "×" + w + " → " + c + "×" + oh + "×" + ow + ", window " + ph + "×" + pw
                + ", stride " + stride + ")";
    }
}
