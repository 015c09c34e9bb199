package dl.tensors;

import dl.checks.Finite;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class TensorTest {

    private static Tensor counting(int... shape) {
        Tensor t = Tensor.zeros(shape);
        double[] v = new double[t.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = i;
        }
        return Tensor.of(v, shape);
    }

    @Test
    void ranksFromScalarToSixD() {
        assertEquals(0, Tensor.scalar(3).rank());
        assertEquals(3, Tensor.scalar(3).item());
        assertEquals("scalar", Tensor.scalar(3).shapeString());
        Tensor t6 = Tensor.zeros(2, 3, 1, 4, 5, 6);
        assertEquals(6, t6.rank());
        assertEquals(720, t6.size());
        assertEquals("2×3×1×4×5×6", t6.shapeString());
    }

    @Test
    void rowMajorStridesAndIndexing() {
        Tensor t = counting(2, 3, 4);
        assertArrayEquals(new int[] {12, 4, 1}, t.strides());
        assertEquals(1 * 12 + 2 * 4 + 3, t.get(1, 2, 3));
        t.set(-1, 0, 1, 2);
        assertEquals(-1, t.get(0, 1, 2));
        IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, () -> t.get(2, 0, 0));
        assertTrue(e.getMessage().contains("2×3×4"), e.getMessage());
        IllegalArgumentException wrongCount = assertThrows(IllegalArgumentException.class, () -> t.get(0, 0));
        assertTrue(wrongCount.getMessage().contains("needs 3 indices"), wrongCount.getMessage());
    }

    @Test
    void reshapeSharesDataAndInfersMinusOne() {
        Tensor t = counting(2, 3, 4);
        Tensor r = t.reshape(6, -1);
        assertArrayEquals(new int[] {6, 4}, r.shape());
        r.set(100, 5, 3);
        assertEquals(100, t.get(1, 2, 3));
        assertArrayEquals(t.toArray(), t.reshape(24).toArray());
    }

    @Test
    void badReshapeNamesBothShapes() {
        Tensor t = counting(2, 3, 4);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> t.reshape(5, 5));
        assertTrue(e.getMessage().contains("2×3×4") && e.getMessage().contains("5×5"), e.getMessage());
        IllegalArgumentException e2 = assertThrows(IllegalArgumentException.class, () -> t.reshape(5, -1));
        assertTrue(e2.getMessage().contains("2×3×4") && e2.getMessage().contains("[5, -1]"), e2.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Tensor.of(new double[5], 2, 3));
    }

    @Test
    void slicingAlongEachAxisIsAView() {
        Tensor t = counting(2, 3, 4);
        Tensor s1 = t.slice(1, 2);
        assertArrayEquals(new int[] {2, 4}, s1.shape());
        assertEquals(t.get(1, 2, 3), s1.get(1, 3));
        s1.set(-5, 0, 0);
        assertEquals(-5, t.get(0, 2, 0));
        Tensor s2 = t.slice(2, 1);
        assertArrayEquals(new double[] {1, 5, 9, 13, 17, 21}, s2.toArray());
        Tensor r = t.range(0, 1, 2);
        assertArrayEquals(new int[] {1, 3, 4}, r.shape());
        assertEquals(12, r.get(0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> t.slice(3, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> t.slice(1, 3));
    }

    @Test
    void permuteSwapsAxesAndReshapeOfAViewCopies() {
        Tensor nchw = counting(2, 3, 4, 5);
        Tensor nhwc = nchw.permute(0, 2, 3, 1);
        assertArrayEquals(new int[] {2, 4, 5, 3}, nhwc.shape());
        assertEquals(nchw.get(1, 2, 3, 4), nhwc.get(1, 3, 4, 2));
        assertFalse(nhwc.isContiguous());
        Tensor flat = nhwc.reshape(2, -1);
        assertEquals(nchw.get(0, 1, 0, 0), flat.get(0, 1)); // channel moves fastest after the permute
        assertThrows(IllegalArgumentException.class, () -> nchw.permute(0, 0, 1, 2));
    }

    @Test
    void matrixViewIsOneSamplePerRow() {
        Tensor batch = counting(3, 2, 2, 2);
        DMatrixRMaj m = batch.asMatrix();
        assertEquals(3, m.numRows);
        assertEquals(8, m.numCols);
        assertEquals(batch.get(2, 1, 0, 1), m.get(2, 5));
        Tensor back = Tensor.fromMatrix(m, 2, 2, 2);
        assertArrayEquals(batch.shape(), back.shape());
        m.set(0, 0, 42);
        assertEquals(42, back.get(0, 0, 0, 0));
        assertEquals(1, Tensor.arange(4).asMatrix().numRows);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Tensor.fromMatrix(new DMatrixRMaj(4, 10), 3, 3));
        assertTrue(e.getMessage().contains("4×10") && e.getMessage().contains("3×3"), e.getMessage());
    }

    @Test
    void elementWiseOpsNeedTheSameShape() {
        Tensor a = counting(2, 3);
        Tensor b = Tensor.of(new double[] {1, 1, 1, 2, 2, 2}, 2, 3);
        assertArrayEquals(new double[] {1, 2, 3, 5, 6, 7}, a.plus(b).toArray());
        assertArrayEquals(new double[] {-1, 0, 1, 1, 2, 3}, a.minus(b).toArray());
        assertArrayEquals(new double[] {0, 1, 2, 6, 8, 10}, a.times(b).toArray());
        assertArrayEquals(new double[] {0, 2, 4, 6, 8, 10}, a.times(2).toArray());
        assertEquals(15, a.sum());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> a.plus(counting(3, 2)));
        assertTrue(e.getMessage().contains("2×3") && e.getMessage().contains("3×2"), e.getMessage());
        NullPointerException npe = assertThrows(NullPointerException.class, () -> a.plus(null));
        assertTrue(npe.getMessage().contains("other"));
    }

    @Test
    void toStringPrintsSmallTensors() {
        assertEquals("Tensor 2×2 [[0, 1], [2, 3]]", counting(2, 2).toString());
        assertEquals("Tensor 10×10 (100 values)", counting(10, 10).toString());
        assertSame(Tensor.class, Tensor.scalar(1).getClass());
    }

    @Test
    void nanInAMatrixIsNamed() {
        DMatrixRMaj m = new DMatrixRMaj(2, 3);
        m.set(1, 2, Double.NaN);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Finite.require(m, "input"));
        assertTrue(e.getMessage().contains("row 1, column 2"), e.getMessage());
    }

    @Test
    void mosaicTilesImagesWithGaps() {
        Tensor images = counting(3, 2, 2);
        double[][] m = Mosaic.tile(images, 2, -1);
        assertEquals(5, m.length);
        assertEquals(5, m[0].length);
        assertArrayEquals(new double[] {0, 1, -1, 4, 5}, m[0], 0);
        assertArrayEquals(new double[] {-1, -1, -1, -1, -1}, m[2], 0);
        assertArrayEquals(new double[] {8, 9, -1, -1, -1}, m[3], 0);
        assertThrows(IllegalArgumentException.class, () -> Mosaic.tile(counting(2, 2), 1, 0));
    }
}
