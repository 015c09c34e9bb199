package dl.fast;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The three matrix products of a dense layer, C = A·B, C = Aᵀ·B and C = A·Bᵀ, in two
 * interchangeable implementations that agree to rounding:
 * <ul>
 *   <li>{@link #PLAIN}: EJML's {@code CommonOps_DDRM.mult / multTransA / multTransB};</li>
 *   <li>{@link #VECTOR}: a SIMD kernel on the Vector API ({@code jdk.incubator.vector}), splitting the
 *       rows of C across a small pool of threads. Needs the JVM option
 *       {@code --add-modules jdk.incubator.vector};</li>
 *   <li>{@link #AUTO}: {@link #VECTOR} for products of at least {@value #VECTOR_MIN} multiply-adds,
 *       {@link #PLAIN} below (tiny products, e.g. in gradient checks, keep EJML's exact results).</li>
 * </ul>
 * {@link #best()} is {@link #AUTO} when the module is present, else {@link #PLAIN}.
 * {@link #VECTOR} gives the same bits for any number of threads: each element of C is summed in the
 * same order by whichever thread computes it. The system property {@code dl.matmul=plain} forces
 * the plain path; {@code dl.matmul.threads} sets the thread count (default: available processors).
 */
public enum MatMul {
    PLAIN,
    VECTOR,
    AUTO;

    /** {@link #AUTO} uses the vector kernel from this many multiply-adds m·k·n on. */
    public static final int VECTOR_MIN = 4096;

    /** Below this many multiply-adds a product runs on the calling thread only. */
    static final long PARALLEL_MIN = 400_000;

    private static final boolean VECTOR_AVAILABLE = probeVector();
    private static final MatMul BEST = VECTOR_AVAILABLE && !"plain".equals(System.getProperty("dl.matmul"))
            ? AUTO : PLAIN;
    private static final int THREADS = Math.max(1, Integer.getInteger("dl.matmul.threads",
            Runtime.getRuntime().availableProcessors()));
    /** Per calling thread: [0] B padded or transposed, [1] C padded (grown as needed, then reused). */
    private static final ThreadLocal<double[][]> WORK = ThreadLocal.withInitial(() -> new double[2][0]);
    private static volatile ExecutorService pool;
    private static int poolSize;

    /** {@link #AUTO} when the Vector API module is present (and not switched off), else {@link #PLAIN}. */
    public static MatMul best() {
        return BEST;
    }

    /** Whether the JVM was started with {@code --add-modules jdk.incubator.vector}. */
    public static boolean vectorAvailable() {
        return VECTOR_AVAILABLE;
    }

    /** The default number of threads of {@link #VECTOR}. */
    public static int defaultThreads() {
        return THREADS;
    }

    /** C = A·B, with A m×k, B k×n and C m×n (C is overwritten; it must not be A or B). */
    public void mult(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        mult(a, b, c, THREADS);
    }

    /** C = Aᵀ·B, with A m×k, B m×n and C k×n. */
    public void multTransA(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        multTransA(a, b, c, THREADS);
    }

    /** C = A·Bᵀ, with A m×n, B k×n and C m×k. */
    public void multTransB(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        multTransB(a, b, c, THREADS);
    }

    /** {@link #mult(DMatrixRMaj, DMatrixRMaj, DMatrixRMaj)} on at most {@code threads} threads. */
    public void mult(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c, int threads) {
        check("A·B", a.numCols == b.numRows && c.numRows == a.numRows && c.numCols == b.numCols, a, b, c);
        if (plain((long) a.numRows * a.numCols * b.numCols)) {
            CommonOps_DDRM.mult(a, b, c);
            return;
        }
        int m = a.numRows, k = a.numCols, n = b.numCols;
        double[] bp = padded(b.data, k, n);
        run(a.data, k, 1, k, bp, padTo(n), c.data, n, m, threads);
    }

    /** {@link #multTransA(DMatrixRMaj, DMatrixRMaj, DMatrixRMaj)} on at most {@code threads} threads. */
    public void multTransA(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c, int threads) {
        check("Aᵀ·B", a.numRows == b.numRows && c.numRows == a.numCols && c.numCols == b.numCols, a, b, c);
        if (plain((long) a.numRows * a.numCols * b.numCols)) {
            CommonOps_DDRM.multTransA(a, b, c);
            return;
        }
        int m = a.numRows, k = a.numCols, n = b.numCols;
        double[] bp = padded(b.data, m, n);
        run(a.data, 1, k, m, bp, padTo(n), c.data, n, k, threads);
    }

    /** {@link #multTransB(DMatrixRMaj, DMatrixRMaj, DMatrixRMaj)} on at most {@code threads} threads. */
    public void multTransB(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c, int threads) {
        check("A·Bᵀ", a.numCols == b.numCols && c.numRows == a.numRows && c.numCols == b.numRows, a, b, c);
        if (plain((long) a.numRows * a.numCols * b.numRows)) {
            CommonOps_DDRM.multTransB(a, b, c);
            return;
        }
        int m = a.numRows, n = a.numCols, k = b.numRows;
        double[] bp = transposed(b.data, k, n);
        run(a.data, n, 1, n, bp, padTo(k), c.data, k, m, threads);
    }

    private boolean plain(long multiplyAdds) {
        if (this == PLAIN) {
            return true;
        }
        if (!VECTOR_AVAILABLE) {
            if (this == AUTO) {
                return true;
            }
            throw new IllegalStateException("MatMul.VECTOR needs the JVM option --add-modules jdk.incubator.vector");
        }
        return this == AUTO && multiplyAdds < VECTOR_MIN;
    }

    private static void check(String product, boolean ok, DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        if (!ok) {
            throw new IllegalArgumentException(product + ": A is " + shape(a) + ", B is " + shape(b) + ", C is " + shape(c));
        }
        if (c == a || c == b) {
            throw new IllegalArgumentException(product + ": C must not be A or B");
        }
    }

    private static String shape(DMatrixRMaj m) {
        return m.numRows + "×" + m.numCols;
    }

    private static int padTo(int n) {
        int l = VectorKernel.L;
        return (n + l - 1) / l * l;
    }

    /** B (rows × n) itself when n is a multiple of L, else a copy whose rows are padded with zeros. */
    private static double[] padded(double[] b, int rows, int n) {
        int np = padTo(n);
        if (np == n) {
            return b;
        }
        double[] bp = buffer(0, rows * np);
        for (int r = 0; r < rows; r++) {
            System.arraycopy(b, r * n, bp, r * np, n);
            for (int j = n; j < np; j++) {
                bp[r * np + j] = 0;
            }
        }
        return bp;
    }

    /** Bᵀ (n × k, rows padded with zeros) of B (k × n). */
    private static double[] transposed(double[] b, int k, int n) {
        int kp = padTo(k);
        double[] bt = buffer(0, n * kp);
        for (int j = 0; j < n; j++) {
            int row = j * kp;
            for (int p = 0; p < k; p++) {
                bt[row + p] = b[p * n + j];
            }
            for (int p = k; p < kp; p++) {
                bt[row + p] = 0;
            }
        }
        return bt;
    }

    private static double[] buffer(int which, int size) {
        double[][] work = WORK.get();
        if (work[which].length < size) {
            work[which] = new double[size];
        }
        return work[which];
    }

    /**
     * Rows 0 … rows−1 of C (rows × n) = A·B with B padded to np columns, split in blocks of whole
     * 4-row groups over up to {@code threads} threads. When n &lt; np the kernel writes a padded copy
     * of C and each thread copies its rows out.
     */
    private static void run(double[] a, int ars, int acs, int k, double[] b, int np, double[] c, int n, int rows,
                            int threads) {
        if (k == 0) {
            java.util.Arrays.fill(c, 0, rows * n, 0.0);
            return;
        }
        double[] cp = np == n ? c : buffer(1, rows * np);
        int parts = (int) Math.min(Math.min(threads, rows / 4), (long) rows * k * np / PARALLEL_MIN);
        if (parts <= 1) {
            part(a, ars, acs, k, b, np, cp, c, n, 0, rows);
            return;
        }
        int[] bounds = new int[parts + 1];
        for (int t = 1; t < parts; t++) {
            bounds[t] = (int) ((long) rows * t / parts) / 4 * 4;
        }
        bounds[parts] = rows;
        ExecutorService ex = pool(parts - 1);
        List<Future<?>> futures = new ArrayList<>(parts - 1);
        for (int t = 1; t < parts; t++) {
            int r0 = bounds[t], r1 = bounds[t + 1];
            futures.add(ex.submit(() -> part(a, ars, acs, k, b, np, cp, c, n, r0, r1)));
        }
        part(a, ars, acs, k, b, np, cp, c, n, 0, bounds[1]);
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for a matrix-product thread", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("a matrix-product thread failed", e.getCause());
            }
        }
    }

    private static void part(double[] a, int ars, int acs, int k, double[] b, int np, double[] cp, double[] c, int n,
                             int r0, int r1) {
        VectorKernel.rows(a, ars, acs, k, b, np, cp, r0, r1);
        if (cp != c) {
            for (int r = r0; r < r1; r++) {
                System.arraycopy(cp, r * np, c, r * n, n);
            }
        }
    }

    private static synchronized ExecutorService pool(int workers) {
        if (pool == null || poolSize < workers) {
            ExecutorService old = pool;
            int[] id = {0};
            pool = Executors.newFixedThreadPool(workers, r -> {
                Thread t = new Thread(r, "dl-matmul-" + (++id[0]));
                t.setDaemon(true);
                return t;
            });
            poolSize = workers;
            if (old != null) {
                old.shutdown();
            }
        }
        return pool;
    }

    private static boolean probeVector() {
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            return false;
        }
        try {
            return VectorKernel.L >= 2;
        } catch (Throwable e) {
            return false;
        }
    }
}
