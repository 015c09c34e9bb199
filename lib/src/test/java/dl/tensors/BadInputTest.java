package dl.tensors;

import dl.checks.Checks;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

/** Issue 29: empty and huge tensors, and the shared checks. */
class BadInputTest {
    private static void assertMentions(Throwable e, String... parts) {
        for (String p : parts) {
            assertTrue(e.getMessage() != null && e.getMessage().contains(p), "expected '" + p + "' in: " + e.getMessage());
        }
    }

    @Test
    void maxOfAnEmptyTensorIsRefused() {
        assertMentions(assertThrows(IllegalStateException.class, () -> Tensor.zeros(3, 0).max()),
                "max() of the empty tensor 3×0", "no elements");
        assertEquals(5.0, Tensor.of(new double[] {1, 5, 2}, 3).max());
        assertTrue(Double.isNaN(Tensor.of(new double[] {1, Double.NaN, 2}, 3).max()));
    }

    @Test
    void aTensorTooBigForTheHeapSaysHowMuchMemoryItNeeds() {
        long need = 46_000L * 46_000 * Double.BYTES; // 16.9 GB: an int number of values, but not memory
        assumeTrue(Runtime.getRuntime().maxMemory() < need, "this JVM's heap could hold it");
        assertMentions(assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(46_000, 46_000)),
                "a tensor of shape 46000×46000", "2116000000 values", "16.9 GB", "-Xmx", "use smaller sizes");
    }

    @Test
    void checksNameTheArgumentThePlaceAndTheFix() {
        assertMentions(assertThrows(IllegalArgumentException.class, () -> Checks.doubles(Integer.MAX_VALUE, "a buffer")),
                "a buffer needs 2147483647 values", "a Java array holds at most 2³¹ − 1 values");
        assertMentions(assertThrows(IllegalArgumentException.class, () -> Checks.index(4, 3, "class", "3 classes")),
                "class is 4", "expected 0 … 2", "(3 classes)");
        assertMentions(assertThrows(IllegalArgumentException.class, () -> Checks.minLength(new double[2], 5, "x", "one image")),
                "x has 2 values", "one image needs 5", "longer array");
        assertEquals(Long.MAX_VALUE, Checks.product(Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE));
        assertEquals(24, Checks.product(2, 3, 4));
    }

    @Test
    void aShapeBeyondAnArraySaysHowMuchMemoryItWouldNeed() {
        assertMentions(assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(100_000, 100_000, 10)),
                "shape [100000, 100000, 10] has more than 2³¹ elements", "100000000000 values", "800.0 GB of memory",
                "at most 2³¹ − 1 values", "use smaller sizes");
    }
}
