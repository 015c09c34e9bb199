package dl.fast;

/**
 * The fast path of {@link dl.convolution.Convolution}'s forward pass: every image's feature maps as one product
 * with the filters, written straight into the layer's output layout, bias included,
 * <pre>
 *   y[n, f, p] = b[f] + Σ_q W_col[q, f] · colT[q, n·P + p]        (P = OH·OW positions, q = 0 … K−1)
 * </pre>
 * where colT is the transposed column matrix ({@code Im2Col}'s im2colTransposed). The plain way, which the layer
 * uses otherwise, is out = col · W_col (one row per position) followed by a loop that adds b[f] and copies
 * out[n·P + p, f] to y[n, f·P + p]: a transposed write of every value. Here the product's rows are the filters
 * and its columns the positions, so each image's block of y is one (FN × P) product and the copy disappears.
 *
 * <p>The same bits as {@link MatMul#AUTO}'s vector kernel on col · W_col: each sum is the chain of fused
 * multiply-adds over q = 0, 1, …, K−1, started from 0, and b[f] is added last, as the layer does. The
 * layer therefore takes this path only where {@link MatMul#best()} would have used that kernel
 * ({@link #applies}).
 */
public final class FilterProduct {
    private static final boolean AVAILABLE = MatMul.vectorAvailable() && probe();

    private FilterProduct() {
    }

    /**
     * Whether the layer's product of {@code multiplyAdds} = N·OH·OW · K · FN multiply-adds goes through here:
     * {@link MatMul#best()} is {@link MatMul#AUTO} and would use its vector kernel (at least
     * {@link MatMul#VECTOR_MIN} multiply-adds), and vectors are at least 256 bits wide.
     */
    public static boolean applies(long multiplyAdds) {
        return AVAILABLE && MatMul.best() == MatMul.AUTO && multiplyAdds >= MatMul.VECTOR_MIN;
    }

    /**
     * y (N × FN·P, image n's feature map f at {@code y[(n·FN + f)·P + p]}) = the formula above, with
     * {@code wCol} K × FN row-major, {@code bias} of length FN and {@code colT} K × N·P row-major.
     */
    public static void forward(double[] wCol, double[] bias, int k, int fn, double[] colT, int n, int plane,
                               double[] y) {
        if (!AVAILABLE) {
            throw new IllegalStateException("FilterProduct needs the Vector API (--add-modules jdk.incubator.vector)"
                    + " and vectors of at least 256 bits");
        }
        long rows = (long) n * plane;
        if (k < 1 || fn < 1 || n < 0 || plane < 1 || wCol.length < (long) k * fn || bias.length < fn
                || colT.length < k * rows || y.length < fn * rows) {
            throw new IllegalArgumentException("FilterProduct: K " + k + ", FN " + fn + ", N " + n + ", P " + plane
                    + " with arrays of " + wCol.length + " weights, " + bias.length + " biases, " + colT.length
                    + " column values and " + y.length + " outputs");
        }
        double[] a = FilterKernel.packFilters(wCol, k, fn);
        for (int img = 0; img < n; img++) {
            FilterKernel.image(a, bias, k, fn, colT, (int) rows, img * plane, plane, y, img * fn * plane);
        }
    }

    private static boolean probe() {
        try {
            return FilterKernel.supported();
        } catch (Throwable e) {
            return false;
        }
    }
}
