package dl.convolution;

import dl.checks.Finite;
import dl.fast.FilterProduct;
import dl.fast.MatMul;
import dl.init.Init;
import dl.layers.Layer;
import dl.layers.Param;
import dl.checks.Checks;
import dl.tensors.Tensor;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;

/**
 * Convolution layer (합성곱 계층) with FN filters (필터) of size C × FH × FW, stride S and zero padding P
 * (DLFS §7.4). Each filter sweeps the image and produces one feature map (특징 맵):
 * <pre>
 *   y[n, f, i, j] = b[f] + Σ_c Σ_u Σ_v W[f, c, u, v] · x_pad[n, c, i·S + u, j·S + v]
 * </pre>
 * with OH = (H + 2P − FH)/S + 1 rows and OW = (W + 2P − FW)/S + 1 columns.
 *
 * <p>Computed as DLFS does, with {@link Im2Col}: col = im2col(x) is (N·OH·OW) × (C·FH·FW), the
 * filters are the columns of the weight matrix W_col ((C·FH·FW) × FN), and Y = col · W_col + b.
 * Backward, with dY rearranged to (N·OH·OW) × FN:
 * ∂L/∂W_col = colᵀ · dY, ∂L/∂b = Σ_rows dY, ∂L/∂x = col2im(dY · W_colᵀ). The three products go through
 * {@link MatMul#best()}, the fast path of {@link dl.layers.Dense}.
 *
 * <p>Input and output are matrices with one image per row: an input row holds C × H × W values,
 * an output row FN × OH × OW values (feature map f, pixel (i, j) at column (f·OH + i)·OW + j), so a
 * dense layer can follow directly.
 *
 * <p>Fast path (same bits): where the products run on {@link MatMul}'s vector kernel, the forward pass stores
 * the column matrix transposed (colᵀ, {@code Im2Col.im2colTransposed}) and computes each image's block of the
 * output as W_colᵀ · colᵀ + b with {@link FilterProduct}: the rows of that product are the feature maps, so
 * the copy from out's rows to the feature-map layout is not needed. Backward, ∂L/∂W_col = colᵀ · dY is then a
 * plain product of the stored colᵀ.
 */
public final class Convolution implements Layer {
    private final int c, h, w, fn, fh, fw, stride, pad, oh, ow;
    private final DMatrixRMaj wCol;
    private final DMatrixRMaj b;
    private final DMatrixRMaj dW;
    private final DMatrixRMaj db;
    private final DMatrixRMaj col = new DMatrixRMaj(1, 1);
    private final DMatrixRMaj out = new DMatrixRMaj(1, 1);
    private final DMatrixRMaj y = new DMatrixRMaj(1, 1);
    private final DMatrixRMaj dOut = new DMatrixRMaj(1, 1);
    private final DMatrixRMaj dCol = new DMatrixRMaj(1, 1);
    private final DMatrixRMaj dx = new DMatrixRMaj(1, 1);
    private int batch = -1;
    private boolean inputGradientNeeded = true;
    /** Whether the last forward pass stored colᵀ (the fast path) in {@code col} instead of col. */
    private boolean colTransposed;

    /**
     * A layer for C × H × W images with {@code filters} square filters of side {@code size}; weights
     * drawn by {@code init} with fan-in C·FH·FW from {@code new Random(seed)}, zero biases.
     */
    public Convolution(int channels, int height, int width, int filters, int size, int stride, int pad, Init init,
                       long seed) {
        this(channels, height, width, filters, size, size, stride, pad,
                Checks.notNull(init, "init").weights(channels * size * size, filters, new Random(seed)),
                new DMatrixRMaj(1, filters));
    }

    /**
     * A layer with given filters: {@code weights} of shape FN × C × FH × FW (used as copies) and
     * {@code bias} of length FN, for input images of C × {@code height} × {@code width}.
     */
    public Convolution(Tensor weights, double[] bias, int height, int width, int stride, int pad) {
        this(dimOf(weights, 1), height, width, dimOf(weights, 0), dimOf(weights, 2), dimOf(weights, 3), stride, pad,
                filtersToColumns(weights), biasRow(bias, dimOf(weights, 0)));
    }

    private Convolution(int channels, int height, int width, int filters, int fh, int fw, int stride, int pad,
                        DMatrixRMaj wCol, DMatrixRMaj b) {
        this.c = Checks.atLeast(channels, 1, "channels");
        this.h = Checks.atLeast(height, 1, "height");
        this.w = Checks.atLeast(width, 1, "width");
        this.fn = Checks.atLeast(filters, 1, "filters");
        this.fh = Checks.atLeast(fh, 1, "filter height");
        this.fw = Checks.atLeast(fw, 1, "filter width");
        this.stride = Checks.atLeast(stride, 1, "stride");
        this.pad = Checks.atLeast(pad, 0, "pad");
        this.oh = Im2Col.outputSize(h, fh, stride, pad);
        this.ow = Im2Col.outputSize(w, fw, stride, pad);
        Checks.doubles(Checks.product(c, h, w), "one " + c + "×" + h + "×" + w + " input image");
        Checks.doubles(Checks.product(fn, oh, ow), "the output of one image (" + fn + " filters × " + oh + "×" + ow + ")");
        Im2Col.columnSize(1, c, h, w, fh, fw, stride, pad);
        Finite.require(wCol, "convolution weights");
        Finite.require(b, "convolution bias");
        this.wCol = wCol;
        this.b = b;
        this.dW = new DMatrixRMaj(wCol.numRows, wCol.numCols);
        this.db = new DMatrixRMaj(1, fn);
    }

    private static int dimOf(Tensor weights, int axis) {
        Checks.notNull(weights, "weights");
        if (weights.rank() != 4) {
            throw new IllegalArgumentException("weights must be FN×C×FH×FW (4-D), got " + weights.shapeString());
        }
        return weights.dim(axis);
    }

    /** W_col[(c·FH + u)·FW + v, f] = W[f, c, u, v]. */
    private static DMatrixRMaj filtersToColumns(Tensor weights) {
        int[] s = weights.shape();
        int k = s[1] * s[2] * s[3];
        double[] v = weights.toArray();
        DMatrixRMaj m = new DMatrixRMaj(k, s[0]);
        for (int f = 0; f < s[0]; f++) {
            for (int r = 0; r < k; r++) {
                m.data[r * s[0] + f] = v[f * k + r];
            }
        }
        return m;
    }

    private static DMatrixRMaj biasRow(double[] bias, int filters) {
        Checks.notNull(bias, "bias");
        if (bias.length != filters) {
            throw new IllegalArgumentException("there are " + filters + " filters but " + bias.length + " biases");
        }
        return DMatrixRMaj.wrap(1, filters, bias.clone());
    }

    /** The output shape of one image: {FN, OH, OW}. */
    public int[] outputShape() {
        return new int[] {fn, oh, ow};
    }

    /** The input shape of one image: {C, H, W}. */
    public int[] inputShape() {
        return new int[] {c, h, w};
    }

    /** Values per output row, FN·OH·OW. */
    public int outputSize() {
        return fn * oh * ow;
    }

    /** The filters as a new FN × C × FH × FW tensor. */
    public Tensor filters() {
        int k = c * fh * fw;
        double[] v = new double[fn * k];
        for (int f = 0; f < fn; f++) {
            for (int r = 0; r < k; r++) {
                v[f * k + r] = wCol.data[r * fn + f];
            }
        }
        return Tensor.of(v, fn, c, fh, fw);
    }

    /** The weights as the (C·FH·FW) × FN matrix W_col (the layer's own: changing it changes the layer). */
    public DMatrixRMaj weights() { return wCol; }

    public DMatrixRMaj bias() { return b; }

    public DMatrixRMaj weightGradient() { return dW; }

    public DMatrixRMaj biasGradient() { return db; }

    /**
     * The feature maps of the last forward pass as an N × FN × OH × OW tensor (a copy).
     */
    public Tensor featureMaps() {
        if (batch < 0) {
            throw new IllegalStateException(this + ": no forward pass yet");
        }
        return Tensor.of(Arrays.copyOf(y.data, batch * outputSize()), batch, fn, oh, ow);
    }

    @Override
    public DMatrixRMaj forward(DMatrixRMaj x, boolean training) {
        Im2Col.checkImages(x, c, h, w, this);
        int n = x.numRows;
        Im2Col.columnSize(n, c, h, w, fh, fw, stride, pad); // a batch too big for one column matrix: say so first
        Checks.doubles(Checks.product(n, fn, oh, ow), this + " output of " + n + " images");
        Finite.require(x, this + " input");
        int rows = n * oh * ow;
        int k = c * fh * fw;
        int plane = oh * ow;
        y.reshape(n, fn * plane);
        batch = n;
        colTransposed = FilterProduct.applies((long) rows * k * fn);
        if (colTransposed) { // the same numbers without the copy below
            col.reshape(k, rows);
            Im2Col.im2colTransposed(x.data, n, c, h, w, fh, fw, stride, pad, col.data);
            FilterProduct.forward(wCol.data, b.data, k, fn, col.data, n, plane, y.data);
            return y;
        }
        col.reshape(rows, k);
        Im2Col.im2col(x.data, n, c, h, w, fh, fw, stride, pad, col.data);
        out.reshape(rows, fn);
        MatMul.best().mult(col, wCol, out);
        // out[(n·OH·OW + p), f] + b[f]  →  y[n, f·OH·OW + p]
        double[] od = out.data, yd = y.data, bd = b.data;
        for (int img = 0; img < n; img++) {
            int yBase = img * fn * plane;
            int oBase = img * plane * fn;
            for (int p = 0; p < plane; p++) {
                int o = oBase + p * fn;
                for (int f = 0; f < fn; f++) {
                    yd[yBase + f * plane + p] = od[o + f] + bd[f];
                }
            }
        }
        return y;
    }

    @Override
    public DMatrixRMaj backward(DMatrixRMaj dout) {
        Layer.checkUpstream(this, dout, batch >= 0, y);
        int plane = oh * ow;
        dOut.reshape(batch * plane, fn);
        double[] dd = dOut.data, gd = dout.data;
        Arrays.fill(db.data, 0.0);
        for (int img = 0; img < batch; img++) {
            int gBase = img * fn * plane;
            int dBase = img * plane * fn;
            for (int f = 0; f < fn; f++) {
                int g = gBase + f * plane;
                double s = 0;
                for (int p = 0; p < plane; p++) {
                    double v = gd[g + p];
                    dd[dBase + p * fn + f] = v;
                    s += v;
                }
                db.data[f] += s;
            }
        }
        if (colTransposed) {
            MatMul.best().mult(col, dOut, dW); // col holds colᵀ
        } else {
            MatMul.best().multTransA(col, dOut, dW);
        }
        if (!inputGradientNeeded) {
            return null;
        }
        dCol.reshape(batch * plane, c * fh * fw);
        MatMul.best().multTransB(dOut, wCol, dCol);
        dx.reshape(batch, c * h * w);
        Im2Col.col2im(dCol.data, batch, c, h, w, fh, fw, stride, pad, dx.data);
        return dx;
    }

    @Override
    public List<Param> params() {
        return List.of(new Param("W", wCol, dW, true), new Param("b", b, db, false));
    }

    @Override
    public void setInputGradientNeeded(boolean needed) {
        this.inputGradientNeeded = needed;
    }

    @Override
    public String toString() {
        return "Convolution(" + c + "×" + h + "×" + w + " → " + fn + "×" + oh + "×" + ow + ", filter " + fh + "×" + fw
                + ", stride " + stride + ", pad " + pad + ")";
    }
}
