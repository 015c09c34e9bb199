package dl.convolution;

import dl.layers.Layer;
import dl.checks.Checks;
import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;

/**
 * im2col and col2im (DLFS §7.4): a convolution becomes one matrix product by copying every
 * receptive field (수용 영역) — the FH × FW patch of every channel under the filter at one output
 * position — into one row of a matrix.
 *
 * <p>For N images of C × H × W, filter FH × FW, stride S and zero padding P, the output has
 * <pre>
 *   OH = (H + 2P − FH) / S + 1,   OW = (W + 2P − FW) / S + 1
 * </pre>
 * positions (rounded down). {@code im2col} fills the (N·OH·OW) × (C·FH·FW) matrix
 * <pre>
 *   col[(n·OH + i)·OW + j, (c·FH + u)·FW + v] = x_pad[n, c, i·S + u, j·S + v]
 * </pre>
 * where x_pad is x surrounded by P zeros. {@code col2im} is its transpose: it adds every entry of a
 * column matrix back onto the pixel it was copied from (overlapping patches add up), which is
 * exactly the backward pass of im2col.
 *
 * <p>Images are the rows of a matrix: image n, channel c, pixel (y, x) is at
 * {@code x[n·C·H·W + (c·H + y)·W + x]} (row-major N × C × H × W).
 */
public final class Im2Col {
    private Im2Col() {
    }

    /**
     * The output length (H + 2P − F) / S + 1 along one axis, rounded down; an error if the filter does
     * not fit.
     */
    public static int outputSize(int in, int filter, int stride, int pad) {
        if (in <= 0 || filter <= 0 || stride <= 0 || pad < 0) {
            throw new IllegalArgumentException("input " + in + ", filter " + filter + " and stride " + stride
                    + " must be positive and padding " + pad + " ≥ 0");
        }
        long padded = in + 2L * pad; // a long: an int sum overflows for a huge image or padding
        if (padded < filter) {
            throw new IllegalArgumentException("a filter of " + filter + " does not fit an input of " + in
                    + " with padding " + pad + " (" + padded + " after padding)");
        }
        long size = (padded - filter) / stride + 1;
        if (size > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("input " + in + " with padding " + pad + ", filter " + filter + " and stride "
                    + stride + " gives an output length of " + size + ", more than an int holds: use a smaller input or"
                    + " padding, or a larger stride");
        }
        return (int) size;
    }

    /**
     * The (N·OH·OW) × (C·FH·FW) size of the column matrix, checked before anything is allocated: an error saying how
     * much memory it needs when it cannot exist (instead of an int overflow or a bare OutOfMemoryError).
     */
    static int columnSize(int n, int c, int h, int w, int fh, int fw, int stride, int pad) {
        long oh = outputSize(h, fh, stride, pad), ow = outputSize(w, fw, stride, pad);
        return Checks.doubles(Checks.product(n, oh, ow, c, fh, fw), "im2col of " + n + " images of " + c + "×" + h + "×"
                + w + " with a " + fh + "×" + fw + " filter (a " + Checks.product(n, oh, ow) + " × "
                + Checks.product(c, fh, fw) + " column matrix)");
    }

    /** The array checks shared by im2col and col2im: image and column arrays long enough for the sizes. */
    private static void checkArrays(double[] x, String xName, int n, int c, int h, int w, int fh, int fw, int stride,
                                    int pad, double[] col, String colName) {
        Checks.atLeast(n, 0, "n (images)");
        Checks.atLeast(c, 1, "c (channels)");
        Checks.atLeast(fh, 1, "fh (filter height)");
        Checks.atLeast(fw, 1, "fw (filter width)");
        int size = columnSize(n, c, h, w, fh, fw, stride, pad);
        Checks.minLength(x, Checks.product(n, c, h, w), xName, n + " images of " + c + "×" + h + "×" + w);
        Checks.minLength(col, size, colName, "the column matrix of N·OH·OW rows × C·FH·FW columns");
    }

    /** Fills {@code col} (length ≥ N·OH·OW·C·FH·FW) from the images {@code x} as described above. */
    public static void im2col(double[] x, int n, int c, int h, int w, int fh, int fw, int stride, int pad, double[] col) {
        checkArrays(x, "x", n, c, h, w, fh, fw, stride, pad, col, "col");
        int oh = outputSize(h, fh, stride, pad);
        int ow = outputSize(w, fw, stride, pad);
        int k = c * fh * fw;
        int row = 0;
        for (int img = 0; img < n; img++) {
            int base = img * c * h * w;
            for (int i = 0; i < oh; i++) {
                for (int j = 0; j < ow; j++, row++) {
                    int dst = row * k;
                    for (int ch = 0; ch < c; ch++) {
                        int plane = base + ch * h * w;
                        for (int u = 0; u < fh; u++) {
                            int y = i * stride + u - pad;
                            if (y < 0 || y >= h) {
                                Arrays.fill(col, dst, dst + fw, 0.0);
                                dst += fw;
                                continue;
                            }
                            // filter columns v0 … v1−1 fall inside the image, the others on the padding
                            int x0 = j * stride - pad;
                            int v0 = Math.max(0, -x0), v1 = Math.min(fw, w - x0);
                            int src = plane + y * w + x0;
                            for (int v = 0; v < v0; v++) {
                                col[dst + v] = 0.0;
                            }
                            for (int v = v0; v < v1; v++) {
                                col[dst + v] = x[src + v];
                            }
                            for (int v = Math.max(v1, v0); v < fw; v++) {
                                col[dst + v] = 0.0;
                            }
                            dst += fw;
                        }
                    }
                }
            }
        }
    }

    /**
     * The same matrix as {@link #im2col}, stored transposed: {@code colT} (length ≥ C·FH·FW·N·OH·OW) gets the
     * (C·FH·FW) × (N·OH·OW) matrix colᵀ,
     * <pre>
     *   colT[(c·FH + u)·FW + v, (n·OH + i)·OW + j] = x_pad[n, c, i·S + u, j·S + v]
     * </pre>
     * one row per filter weight. A row holds, image after image, the pixels that this weight meets at
     * every output position; for stride 1 a run of OW of them is a run of one input row (one copy).
     * {@link Convolution} uses this layout for its fast path: each image's feature maps are then
     * W_colᵀ · (its OH·OW columns of colT), already in the output's layout.
     */
    static void im2colTransposed(double[] x, int n, int c, int h, int w, int fh, int fw, int stride, int pad,
                                 double[] colT) {
        checkArrays(x, "x", n, c, h, w, fh, fw, stride, pad, colT, "colT");
        int oh = outputSize(h, fh, stride, pad);
        int ow = outputSize(w, fw, stride, pad);
        int rows = n * oh * ow;
        for (int ch = 0; ch < c; ch++) {
            for (int u = 0; u < fh; u++) {
                for (int v = 0; v < fw; v++) {
                    int dst = ((ch * fh + u) * fw + v) * rows; // row (c·FH + u)·FW + v of colT
                    // output columns j0 … j1−1 read inside the image: 0 ≤ j·S + v − P < W
                    int j0 = Math.min(ow, Math.max(0, ceilDiv(pad - v, stride)));
                    int j1 = Math.max(j0, Math.min(ow, ceilDiv(w + pad - v, stride)));
                    for (int img = 0; img < n; img++) {
                        int plane = (img * c + ch) * h * w;
                        for (int i = 0; i < oh; i++, dst += ow) {
                            int y = i * stride + u - pad;
                            if (y < 0 || y >= h) {
                                Arrays.fill(colT, dst, dst + ow, 0.0);
                                continue;
                            }
                            Arrays.fill(colT, dst, dst + j0, 0.0);
                            int src = plane + y * w + j0 * stride + v - pad;
                            if (stride == 1) {
                                System.arraycopy(x, src, colT, dst + j0, j1 - j0);
                            } else {
                                for (int j = j0; j < j1; j++, src += stride) {
                                    colT[dst + j] = x[src];
                                }
                            }
                            Arrays.fill(colT, dst + j1, dst + ow, 0.0);
                        }
                    }
                }
            }
        }
    }

    /** ⌈a / b⌉ for b &gt; 0 and any sign of a. */
    private static int ceilDiv(int a, int b) {
        return -Math.floorDiv(-a, b);
    }

    /** The transpose of {@link #im2col}: x (overwritten, length ≥ N·C·H·W) = Σ of the col entries over each pixel. */
    public static void col2im(double[] col, int n, int c, int h, int w, int fh, int fw, int stride, int pad, double[] x) {
        checkArrays(x, "x", n, c, h, w, fh, fw, stride, pad, col, "col");
        int oh = outputSize(h, fh, stride, pad);
        int ow = outputSize(w, fw, stride, pad);
        int k = c * fh * fw;
        Arrays.fill(x, 0, n * c * h * w, 0.0);
        int row = 0;
        for (int img = 0; img < n; img++) {
            int base = img * c * h * w;
            for (int i = 0; i < oh; i++) {
                for (int j = 0; j < ow; j++, row++) {
                    int src = row * k;
                    for (int ch = 0; ch < c; ch++) {
                        int plane = base + ch * h * w;
                        for (int u = 0; u < fh; u++) {
                            int y = i * stride + u - pad;
                            if (y < 0 || y >= h) {
                                src += fw;
                                continue;
                            }
                            int dst = plane + y * w;
                            for (int v = 0; v < fw; v++, src++) {
                                int xx = j * stride + v - pad;
                                if (xx >= 0 && xx < w) {
                                    x[dst + xx] += col[src];
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /**
     * Checks that {@code x} holds one c × h × w image per row (the input of a convolution or pooling
     * layer), naming the layer and both shapes otherwise.
     */
    static void checkImages(DMatrixRMaj x, int c, int h, int w, Object layer) {
        Checks.notNull(x, "x");
        if (x.numCols != c * h * w) {
            throw new IllegalArgumentException(layer + ": input is " + Layer.shape(x) + ", expected " + x.numRows + "×"
                    + c * h * w + " (one " + c + "×" + h + "×" + w + " image per row)");
        }
    }
}
