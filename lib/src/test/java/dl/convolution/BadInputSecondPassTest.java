package dl.convolution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dl.init.Init;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** Issue 29: NaN through pooling, overflowing sizes and short arrays in the convolution package. */
class BadInputSecondPassTest {
    private static void assertMentions(Throwable e, String... parts) {
        for (String p : parts) {
            assertTrue(e.getMessage() != null && e.getMessage().contains(p), "expected '" + p + "' in: " + e.getMessage());
        }
    }

    /** One 1 × 2 × 2 image per row, pooled by one 2 × 2 window. */
    private static double pool(double... pixels) {
        return new MaxPooling(1, 2, 2, 2, 2).forward(new DMatrixRMaj(1, 4, true, pixels)).get(0, 0);
    }

    @Test
    void maxPoolingPropagatesANaNAnywhereInTheWindow() {
        assertEquals(4.0, pool(1, 4, 3, 2));
        for (int at = 0; at < 4; at++) {
            double[] x = {1, 4, 3, 2};
            x[at] = Double.NaN;
            assertTrue(Double.isNaN(pool(x)), "NaN at position " + at + " of the window must give NaN");
        }
        assertTrue(Double.isNaN(pool(Double.NaN, Double.POSITIVE_INFINITY, 1, 2)), "NaN beats +∞");
        assertTrue(Double.isNaN(pool(Double.POSITIVE_INFINITY, Double.NaN, 1, 2)), "NaN beats +∞ before it");
        assertEquals(Double.POSITIVE_INFINITY, pool(1, Double.POSITIVE_INFINITY, 3, 2));
    }

    @Test
    void maxPoolingSendsTheGradientToTheNaN() {
        MaxPooling pool = new MaxPooling(1, 2, 4, 2, 2);
        // window 1: 1, 9, 5, NaN (NaN at index 5); window 2: 2, 3, 8, 7 (max 8 at index 6... row 1 col 2)
        DMatrixRMaj y = pool.forward(new DMatrixRMaj(1, 8, true, 1, 9, 2, 3, 5, Double.NaN, 8, 7));
        assertTrue(Double.isNaN(y.get(0, 0)));
        assertEquals(8.0, y.get(0, 1));
        DMatrixRMaj dx = pool.backward(new DMatrixRMaj(1, 2, true, 1, 1));
        assertEquals(1.0, dx.get(0, 5), "the gradient goes to the NaN that won the window");
        assertEquals(0.0, dx.get(0, 1), "not to the finite maximum the NaN hid");
        assertEquals(1.0, dx.get(0, 6));
    }

    @Test
    void hugeSizesAreRefusedBeforeAnIntOverflows() {
        assertMentions(assertThrows(IllegalArgumentException.class,
                () -> Im2Col.outputSize(Integer.MAX_VALUE, 1, 1, Integer.MAX_VALUE / 2)),
                "output length", "more than an int holds", "larger stride");
        assertEquals(Integer.MAX_VALUE, Im2Col.outputSize(Integer.MAX_VALUE, 1, 1, 0));
        assertMentions(assertThrows(IllegalArgumentException.class,
                () -> new Convolution(3, 100_000, 100_000, 8, 3, 1, 1, Init.he(), 1)),
                "input image", "values", "GB", "use smaller sizes");
    }

    @Test
    void aBatchTooBigForMemoryIsRefusedWithTheMemoryItNeeds() {
        Convolution conv = new Convolution(1, 64, 64, 4, 5, 1, 2, Init.he(), 1);
        // 2 000 000 images × 4096 columns would overflow the column matrix's int size long before any allocation
        DMatrixRMaj x = DMatrixRMaj.wrap(100_000, 64 * 64, new double[8]);
        assertMentions(assertThrows(IllegalArgumentException.class, () -> conv.forward(x)),
                "im2col of 100000 images", "values", "GB of memory", "fewer samples");
    }

    @Test
    void im2colAndCol2imRefuseShortArrays() {
        double[] col = new double[9 * 9];
        assertMentions(assertThrows(IllegalArgumentException.class,
                () -> Im2Col.im2col(new double[20], 1, 1, 5, 5, 3, 3, 1, 0, col)),
                "x has 20 values", "1 images of 1×5×5 needs 25", "longer array");
        assertMentions(assertThrows(IllegalArgumentException.class,
                () -> Im2Col.im2col(new double[25], 1, 1, 5, 5, 3, 3, 1, 0, new double[80])),
                "col has 80 values", "needs 81");
        assertMentions(assertThrows(IllegalArgumentException.class,
                () -> Im2Col.col2im(new double[81], 1, 1, 5, 5, 3, 3, 1, 0, new double[24])),
                "x has 24 values", "needs 25");
        assertMentions(assertThrows(NullPointerException.class,
                () -> Im2Col.im2col(null, 1, 1, 5, 5, 3, 3, 1, 0, col)), "x");
        Im2Col.im2col(new double[25], 1, 1, 5, 5, 3, 3, 1, 0, col); // exactly long enough
    }

    @Test
    void backwardBeforeForwardIsAnIllegalState() {
        assertMentions(assertThrows(IllegalStateException.class,
                () -> new MaxPooling(1, 4, 4, 2, 2).backward(new DMatrixRMaj(1, 4))), "backward called before forward");
        assertMentions(assertThrows(IllegalStateException.class,
                () -> new Convolution(1, 4, 4, 1, 3, 1, 0, Init.he(), 1).backward(new DMatrixRMaj(1, 4))),
                "backward called before forward");
    }
}
