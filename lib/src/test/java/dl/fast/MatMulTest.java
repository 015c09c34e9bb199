package dl.fast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** The SIMD path of the three dense-layer products against EJML (the plain path). */
class MatMulTest {

    /** {m, k, n}: odd sizes, single rows and columns, k longer than a k-block, the benchmark shapes. */
    private static final int[][] SHAPES = {
            {1, 1, 1}, {1, 784, 50}, {1, 3, 10}, {2, 5, 3}, {3, 7, 13}, {5, 1, 9}, {4, 4, 4}, {7, 300, 5},
            {100, 784, 50}, {100, 50, 10}, {128, 100, 100}, {101, 257, 53}, {33, 129, 12}, {9, 65, 31}};

    /** lib/pom.xml runs the tests with the module, and some of them again without it (dl.expect.vector=false). */
    private static final boolean EXPECT_VECTOR = Boolean.parseBoolean(System.getProperty("dl.expect.vector", "true"));

    @Test
    void theSurefireJvmHasTheVectorModuleOrTheFallbackIsTested() {
        if (EXPECT_VECTOR) {
            // lib/pom.xml passes --add-modules jdk.incubator.vector; without it the fast path would go untested.
            assertTrue(MatMul.vectorAvailable(), "run the tests with --add-modules jdk.incubator.vector");
            assertEquals(MatMul.AUTO, MatMul.best());
            String lanes = System.getProperty("dl.expect.lanes");
            if (lanes != null) {   // the run with 256-bit vectors (-XX:UseAVX=2)
                assertEquals(Integer.parseInt(lanes), VectorKernel.L, "doubles per vector");
            }
        } else {
            assertFalse(MatMul.vectorAvailable(), "the plain-fallback run must not have the module");
            assertEquals(MatMul.PLAIN, MatMul.best());
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> MatMul.VECTOR.mult(new DMatrixRMaj(8, 8), new DMatrixRMaj(8, 8), new DMatrixRMaj(8, 8)));
            assertEquals("MatMul.VECTOR needs the JVM option --add-modules jdk.incubator.vector", e.getMessage());
            DMatrixRMaj x = random(33, 70, new Random(2)), w = random(70, 9, new Random(3)), y = new DMatrixRMaj(33, 9);
            MatMul.AUTO.mult(x, w, y);
            DMatrixRMaj expected = new DMatrixRMaj(33, 9);
            org.ejml.dense.row.CommonOps_DDRM.mult(x, w, expected);
            assertArrayEquals(expected.data, y.data, "AUTO without the module is EJML");
        }
    }

    @Test
    void vectorMatchesPlainOnRandomShapes() {
        assumeTrue(MatMul.vectorAvailable());
        Random rng = new Random(7);
        for (int[] s : SHAPES) {
            check(s[0], s[1], s[2], rng);
        }
        for (int t = 0; t < 40; t++) {
            check(1 + rng.nextInt(40), 1 + rng.nextInt(300), 1 + rng.nextInt(40), rng);
        }
    }

    private static void check(int m, int k, int n, Random rng) {
        String shape = m + "×" + k + "·" + k + "×" + n;
        DMatrixRMaj x = random(m, k, rng), w = random(k, n, rng), d = random(m, n, rng);
        // C = X·W
        DMatrixRMaj fast = filled(m, n), plain = filled(m, n);
        MatMul.VECTOR.mult(x, w, fast);
        MatMul.PLAIN.mult(x, w, plain);
        DMatrixRMaj scale = new DMatrixRMaj(m, n);
        MatMul.PLAIN.mult(abs(x), abs(w), scale);
        close("X·W " + shape, plain, fast, scale);
        // C = Xᵀ·D
        fast = filled(k, n);
        plain = filled(k, n);
        MatMul.VECTOR.multTransA(x, d, fast);
        MatMul.PLAIN.multTransA(x, d, plain);
        scale = new DMatrixRMaj(k, n);
        MatMul.PLAIN.multTransA(abs(x), abs(d), scale);
        close("Xᵀ·D " + shape, plain, fast, scale);
        // C = D·Wᵀ
        fast = filled(m, k);
        plain = filled(m, k);
        MatMul.VECTOR.multTransB(d, w, fast);
        MatMul.PLAIN.multTransB(d, w, plain);
        scale = new DMatrixRMaj(m, k);
        MatMul.PLAIN.multTransB(abs(d), abs(w), scale);
        close("D·Wᵀ " + shape, plain, fast, scale);
    }

    /** |fast − plain| ≤ 1e-12 · Σₚ|aₚ|·|bₚ| for every element (rounding differences only). */
    private static void close(String what, DMatrixRMaj expected, DMatrixRMaj actual, DMatrixRMaj scale) {
        assertEquals(expected.numRows, actual.numRows, what);
        assertEquals(expected.numCols, actual.numCols, what);
        for (int i = 0; i < expected.data.length; i++) {
            assertEquals(expected.data[i], actual.data[i], 1e-12 * scale.data[i], what + " element " + i);
        }
    }

    private static DMatrixRMaj abs(DMatrixRMaj m) {
        DMatrixRMaj a = m.copy();
        for (int i = 0; i < a.data.length; i++) {
            a.data[i] = Math.abs(a.data[i]);
        }
        return a;
    }

    @Test
    void sameBitsForAnyNumberOfThreads() {
        assumeTrue(MatMul.vectorAvailable());
        Random rng = new Random(11);
        // Large enough to be split across threads (≥ MatMul.PARALLEL_MIN multiply-adds per product).
        int m = 301, k = 787, n = 83;
        assertTrue((long) m * k * n >= MatMul.PARALLEL_MIN && (long) k * m * n >= MatMul.PARALLEL_MIN);
        DMatrixRMaj x = random(m, k, rng), w = random(k, n, rng), d = random(m, n, rng);
        DMatrixRMaj one = new DMatrixRMaj(m, n), more = new DMatrixRMaj(m, n);
        MatMul.VECTOR.mult(x, w, one, 1);
        for (int threads = 2; threads <= 3; threads++) {
            MatMul.VECTOR.mult(x, w, more, threads);
            assertArrayEquals(one.data, more.data, "X·W with " + threads + " threads");
        }
        DMatrixRMaj gOne = new DMatrixRMaj(k, n), gMore = new DMatrixRMaj(k, n);
        MatMul.VECTOR.multTransA(x, d, gOne, 1);
        MatMul.VECTOR.multTransA(x, d, gMore, 2);
        assertArrayEquals(gOne.data, gMore.data, "Xᵀ·D with 2 threads");
        DMatrixRMaj dOne = new DMatrixRMaj(m, k), dMore = new DMatrixRMaj(m, k);
        MatMul.VECTOR.multTransB(d, w, dOne, 1);
        MatMul.VECTOR.multTransB(d, w, dMore, 2);
        assertArrayEquals(dOne.data, dMore.data, "D·Wᵀ with 2 threads");
    }

    @Test
    void sameBitsForAnyNumberOfThreadsOnOddShapes() {
        assumeTrue(MatMul.vectorAvailable());
        Random rng = new Random(13);
        // 1-row batches, row counts that are not a multiple of 4 or 16, and products large enough for
        // several threads (≥ MatMul.PARALLEL_MIN multiply-adds), with the benchmark's layer widths.
        int[][] shapes = {{1, 784, 50}, {1, 5000, 97}, {5, 1000, 90}, {129, 100, 100}, {128, 784, 100}, {37, 300, 211},
                {229, 784, 100}, {129, 1000, 201}, {45, 3001, 211}, {1000, 100, 170}};
        for (int[] s : shapes) {
            int m = s[0], k = s[1], n = s[2];
            String shape = m + "×" + k + "·" + k + "×" + n;
            DMatrixRMaj x = random(m, k, rng), w = random(k, n, rng), d = random(m, n, rng);
            for (int threads = 2; threads <= 3; threads++) {
                DMatrixRMaj one = new DMatrixRMaj(m, n), more = new DMatrixRMaj(m, n);
                MatMul.VECTOR.mult(x, w, one, 1);
                MatMul.VECTOR.mult(x, w, more, threads);
                assertArrayEquals(one.data, more.data, "X·W " + shape + ", " + threads + " threads");
                one = new DMatrixRMaj(k, n);
                more = new DMatrixRMaj(k, n);
                MatMul.VECTOR.multTransA(x, d, one, 1);
                MatMul.VECTOR.multTransA(x, d, more, threads);
                assertArrayEquals(one.data, more.data, "Xᵀ·D " + shape + ", " + threads + " threads");
                one = new DMatrixRMaj(m, k);
                more = new DMatrixRMaj(m, k);
                MatMul.VECTOR.multTransB(d, w, one, 1);
                MatMul.VECTOR.multTransB(d, w, more, threads);
                assertArrayEquals(one.data, more.data, "D·Wᵀ " + shape + ", " + threads + " threads");
            }
        }
    }

    @Test
    void productsFromSeveralThreadsAtOnceShareTheHelpersCorrectly() throws Exception {
        assumeTrue(MatMul.vectorAvailable());
        int m = 250, k = 800, n = 90;   // ≥ MatMul.PARALLEL_MIN multiply-adds: the helpers take part
        assertTrue((long) m * k * n >= MatMul.PARALLEL_MIN);
        DMatrixRMaj x = random(m, k, new Random(21)), w = random(k, n, new Random(22));
        DMatrixRMaj expected = new DMatrixRMaj(m, n);
        MatMul.VECTOR.mult(x, w, expected, 1);
        java.util.concurrent.ExecutorService callers = java.util.concurrent.Executors.newFixedThreadPool(3);
        try {
            java.util.List<java.util.concurrent.Future<Boolean>> results = new java.util.ArrayList<>();
            for (int c = 0; c < 3; c++) {
                results.add(callers.submit(() -> {
                    DMatrixRMaj y = new DMatrixRMaj(m, n);
                    for (int r = 0; r < 60; r++) {
                        java.util.Arrays.fill(y.data, Double.NaN);
                        MatMul.VECTOR.mult(x, w, y, 2);
                        if (!java.util.Arrays.equals(expected.data, y.data)) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (java.util.concurrent.Future<Boolean> r : results) {
                assertTrue(r.get(), "a product run while other threads ran theirs differs from the 1-thread result");
            }
        } finally {
            callers.shutdown();
        }
    }

    @Test
    void eachElementIsTheSameFmaChainAsAScalarLoop() {
        assumeTrue(MatMul.vectorAvailable());
        Random rng = new Random(3);
        int m = 6, k = 200, n = 14;
        DMatrixRMaj x = random(m, k, rng), w = random(k, n, rng), c = new DMatrixRMaj(m, n);
        MatMul.VECTOR.mult(x, w, c);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int p = 0; p < k; p++) {
                    s = Math.fma(x.get(i, p), w.get(p, j), s);
                }
                assertEquals(s, c.get(i, j), 0.0, "C[" + i + "][" + j + "]");
            }
        }
    }

    @Test
    void autoIsPlainForTinyProductsAndVectorForLargerOnes() {
        assumeTrue(MatMul.vectorAvailable());
        Random rng = new Random(5);
        int[][] shapes = {{6, 4, 6}, {15, 16, 17}, {100, 784, 50}};
        for (int[] s : shapes) {
            DMatrixRMaj x = random(s[0], s[1], rng), w = random(s[1], s[2], rng);
            DMatrixRMaj auto = new DMatrixRMaj(s[0], s[2]), expected = new DMatrixRMaj(s[0], s[2]);
            MatMul.AUTO.mult(x, w, auto);
            boolean tiny = (long) s[0] * s[1] * s[2] < MatMul.VECTOR_MIN;
            (tiny ? MatMul.PLAIN : MatMul.VECTOR).mult(x, w, expected);
            assertArrayEquals(expected.data, auto.data, s[0] + "×" + s[1] + "·" + s[1] + "×" + s[2]);
        }
    }

    @Test
    void shapeMismatchNamesTheShapes() {
        for (MatMul path : MatMul.values()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> path.mult(new DMatrixRMaj(4, 3), new DMatrixRMaj(2, 5), new DMatrixRMaj(4, 5)));
            assertEquals("A·B: A is 4×3, B is 2×5, C is 4×5", e.getMessage());
            e = assertThrows(IllegalArgumentException.class,
                    () -> path.multTransB(new DMatrixRMaj(4, 3), new DMatrixRMaj(2, 5), new DMatrixRMaj(4, 2)));
            assertEquals("A·Bᵀ: A is 4×3, B is 2×5, C is 4×2", e.getMessage());
        }
    }

    private static DMatrixRMaj random(int rows, int cols, Random rng) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < m.data.length; i++) {
            m.data[i] = rng.nextGaussian();
        }
        return m;
    }

    /** A matrix full of NaN, so a product that leaves an element unwritten fails the comparison. */
    private static DMatrixRMaj filled(int rows, int cols) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        java.util.Arrays.fill(m.data, Double.NaN);
        return m;
    }
}
