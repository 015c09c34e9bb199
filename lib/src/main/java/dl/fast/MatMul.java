package dl.fast;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The three matrix products of a dense layer, C = A·B, C = Aᵀ·B and C = A·Bᵀ, in two
 * interchangeable implementations that agree to rounding:
 * <ul>
 *   <li>{@link #PLAIN}: EJML's {@code CommonOps_DDRM.mult / multTransA / multTransB};</li>
 *   <li>{@link #VECTOR}: a SIMD kernel on the Vector API ({@code jdk.incubator.vector}); a product of
 *       at least {@link #parallelMin()} multiply-adds is shared by the calling thread and helper threads
 *       ({@link Team}). Needs the JVM option {@code --add-modules jdk.incubator.vector};</li>
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

    /**
     * Below this many multiply-adds a product runs on the calling thread only. Sharing a training
     * step's products (at most 10 M multiply-adds in the benchmark) with a second core made training
     * 12 % faster on an idle 2-core machine and a third slower when another program kept one core busy
     * (docs/benchmark.md); evaluating 1000 rows at a time (39 M and more) gains from a second core.
     */
    static final long PARALLEL_MIN = 16_000_000;

    /** Rows of C per chunk that a thread takes at a time (a multiple of the kernel's 8- and 4-row blocks). */
    static final int CHUNK = 16;

    private static final boolean VECTOR_AVAILABLE = probeVector();
    private static final MatMul BEST = VECTOR_AVAILABLE && !"plain".equals(System.getProperty("dl.matmul"))
            ? AUTO : PLAIN;
    private static final int THREADS = Math.max(1, Integer.getInteger("dl.matmul.threads",
            Runtime.getRuntime().availableProcessors()));
    /** Per calling thread: [0] B packed, [1] C padded (grown as needed, then reused). */
    private static final ThreadLocal<double[][]> WORK = ThreadLocal.withInitial(() -> new double[2][0]);
    private static Team team;

    /** {@link #AUTO} when the Vector API module is present (and not switched off), else {@link #PLAIN}. */
    public static MatMul best() {
        return BEST;
    }

    /** Whether the JVM was started with {@code --add-modules jdk.incubator.vector}. */
    public static boolean vectorAvailable() {
        return VECTOR_AVAILABLE;
    }

    /** Products of fewer multiply-adds than this run on the calling thread only. */
    public static long parallelMin() {
        return PARALLEL_MIN;
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
        run(a.data, k, 1, k, packB(b.data, n, 1, k, n), c.data, n, m, threads);
    }

    /** {@link #multTransA(DMatrixRMaj, DMatrixRMaj, DMatrixRMaj)} on at most {@code threads} threads. */
    public void multTransA(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c, int threads) {
        check("Aᵀ·B", a.numRows == b.numRows && c.numRows == a.numCols && c.numCols == b.numCols, a, b, c);
        if (plain((long) a.numRows * a.numCols * b.numCols)) {
            CommonOps_DDRM.multTransA(a, b, c);
            return;
        }
        int m = a.numRows, k = a.numCols, n = b.numCols;
        run(a.data, 1, k, m, packB(b.data, n, 1, m, n), c.data, n, k, threads);
    }

    /** {@link #multTransB(DMatrixRMaj, DMatrixRMaj, DMatrixRMaj)} on at most {@code threads} threads. */
    public void multTransB(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c, int threads) {
        check("A·Bᵀ", a.numCols == b.numCols && c.numRows == a.numRows && c.numCols == b.numRows, a, b, c);
        if (plain((long) a.numRows * a.numCols * b.numRows)) {
            CommonOps_DDRM.multTransB(a, b, c);
            return;
        }
        int m = a.numRows, n = a.numCols, k = b.numRows;
        run(a.data, n, 1, n, packB(b.data, 1, n, n, k), c.data, k, m, threads);
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

    /** B (k × n, b(p, j) = b[p·rs + j·cs]) packed into panels in this thread's buffer ({@link VectorKernel#packB}). */
    private static double[] packB(double[] b, int rs, int cs, int k, int n) {
        int np = padTo(n);
        double[] packed = buffer(0, k * np);
        VectorKernel.packB(b, rs, cs, k, n, np, packed);
        return packed;
    }

    private static double[] buffer(int which, int size) {
        double[][] work = WORK.get();
        if (work[which].length < size) {
            work[which] = new double[size];
        }
        return work[which];
    }

    /**
     * Rows 0 … rows−1 of C (rows × n) = A·B with B packed (np = n rounded up to a multiple of L), in
     * chunks of {@link #CHUNK} rows shared by up to {@code threads} threads ({@link Team}). When n &lt; np
     * the kernel writes a padded copy of C and each chunk copies its rows out.
     */
    private static void run(double[] a, int ars, int acs, int k, double[] b, double[] c, int n, int rows,
                            int threads) {
        int np = padTo(n);
        if (k == 0) {
            java.util.Arrays.fill(c, 0, rows * n, 0.0);
            return;
        }
        double[] cp = np == n ? c : buffer(1, rows * np);
        int helpers = (int) Math.min(threads - 1, (long) rows * k * np / PARALLEL_MIN);
        if (helpers <= 0 || rows < 2 * CHUNK) {
            part(a, ars, acs, k, b, np, cp, c, n, 0, rows);
            return;
        }
        int chunks = (rows + CHUNK - 1) / CHUNK;
        team(helpers).run(chunks, helpers,
                chunk -> part(a, ars, acs, k, b, np, cp, c, n, chunk * CHUNK, Math.min(rows, (chunk + 1) * CHUNK)));
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

    /** The helper threads, at least {@code helpers} of them (created on first use, grown if asked for more). */
    private static synchronized Team team(int helpers) {
        if (team == null || team.size() < helpers) {
            team = new Team(helpers);
        }
        return team;
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
