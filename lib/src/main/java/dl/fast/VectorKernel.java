package dl.fast;

import static jdk.incubator.vector.VectorOperators.FMA;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The SIMD kernel behind {@link MatMul}, written with the Vector API ({@code jdk.incubator.vector}).
 * Only loaded when that module is present; {@link MatMul} falls back to EJML otherwise.
 *
 * <p>It computes rows r0 … r1−1 of C = A·B the way BLAS libraries do. B is packed once per product
 * into column panels 3 vectors wide ({@link #packB}). A micro-kernel keeps an MR-row × 3-vector block
 * of C in registers while p runs over a block of {@link #KC} steps of k: per p, 3 loads of B, MR
 * broadcasts of A and 3·MR fused multiply-adds. MR is 8 where vectors are 512 bits wide (AVX-512,
 * 32 vector registers: 24 accumulators) and 4 otherwise (AVX2, 16 registers: 12 accumulators). A is
 * read in place, row-major (A) or column-major (Aᵀ); each layout has its own micro-kernels so that
 * the JIT compiler can drop or merge the array bounds checks in the inner loop (an index that is p
 * times a constant, or a few constants apart). The micro-kernels, one per block shape, are written
 * by {@code tools/gen_vector_kernel.py}: edit that script, not this file.
 *
 * <p>Every element is c = fma(a(i,k−1), b(k−1,j), … fma(a(i,1), b(1,j), a(i,0)·b(0,j))): summed in
 * the order p = 0, 1, …, k−1 whatever block or thread computes it, so results depend neither on the
 * blocking nor on the number of threads.
 */
final class VectorKernel {
    static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    static final int L = S.length();
    /** A full panel of B is 3 vectors wide; the columns left over go in panels of one vector. */
    static final int PANEL = 3 * L;
    /** k-block length: a full panel of B over KC rows is KC·3·L·8 bytes (24 KB for L = 8), in the L1 cache. */
    static final int KC = 128;
    /** Rows per block of C: 8 with 512-bit vectors (24 accumulators of 32 registers), else 4 (12 of 16). */
    static final int MR = L >= 8 ? 8 : 4;

    private VectorKernel() {
    }

    /**
     * Packs B, b(p, j) = b[p·rs + j·cs] for p &lt; k and j &lt; n, into panels: columns j0 … j0+w−1 of
     * all k rows at offset j0·k, row p of the panel at j0·k + p·w, where w = 3L for full panels and
     * L for the rest; columns n … np−1 are zero. np = n rounded up to a multiple of L.
     */
    static void packB(double[] b, int rs, int cs, int k, int n, int np, double[] packed) {
        for (int j0 = 0; j0 < np; j0 += width(j0, np)) {
            int w = width(j0, np);
            int cols = Math.min(w, n - j0);
            for (int p = 0; p < k; p++) {
                int row = j0 * k + p * w;
                int src = p * rs + j0 * cs;
                if (cs == 1) {
                    System.arraycopy(b, src, packed, row, cols);
                } else {
                    for (int q = 0; q < cols; q++) {
                        packed[row + q] = b[src + q * cs];
                    }
                }
                for (int q = cols; q < w; q++) {
                    packed[row + q] = 0.0;
                }
            }
        }
    }

    /** The width of the panel that starts at column j0: 3L while 3L columns are left, else L. */
    private static int width(int j0, int np) {
        return j0 + PANEL <= np ? PANEL : L;
    }

    /**
     * Rows r0 … r1−1 of C (row stride np) = A·B, with a(i, p) = a[i·ars + p·acs], where ars = 1 (Aᵀ
     * stored) or acs = 1 (A stored), and B packed by {@link #packB}.
     */
    static void rows(double[] a, int ars, int acs, int k, double[] b, int np, double[] c, int r0, int r1) {
        boolean rowMajor = acs == 1;
        if (!rowMajor && ars != 1) {
            throw new IllegalArgumentException("A must be stored row-major or column-major");
        }
        for (int k0 = 0; k0 < k; k0 += KC) {
            int kc = Math.min(KC, k - k0);
            boolean first = k0 == 0;
            int i = r0;
            while (i < r1) {
                int mr = i + MR <= r1 ? MR : i + 4 <= r1 ? 4 : 1;
                int ao = i * ars + k0 * acs;
                for (int j0 = 0; j0 < np; j0 += width(j0, np)) {
                    int w = width(j0, np);
                    int bo = j0 * k + k0 * w;
                    int o = i * np + j0;
                    boolean full = w == PANEL;
                    if (mr == 1) {
                        if (full) block1x3(a, ao, acs, b, bo, kc, c, np, o, first); else block1x1(a, ao, acs, b, bo, kc, c, np, o, first);
                    } else if (rowMajor) {
                        if (mr == 8) {
                            if (full) blockR8x3(a, ao, ars, b, bo, kc, c, np, o, first); else blockR8x1(a, ao, ars, b, bo, kc, c, np, o, first);
                        } else {
                            if (full) blockR4x3(a, ao, ars, b, bo, kc, c, np, o, first); else blockR4x1(a, ao, ars, b, bo, kc, c, np, o, first);
                        }
                    } else {
                        if (mr == 8) {
                            if (full) blockC8x3(a, ao, acs, b, bo, kc, c, np, o, first); else blockC8x1(a, ao, acs, b, bo, kc, c, np, o, first);
                        } else {
                            if (full) blockC4x3(a, ao, acs, b, bo, kc, c, np, o, first); else blockC4x1(a, ao, acs, b, bo, kc, c, np, o, first);
                        }
                    }
                }
                i += mr;
            }
        }
    }

    private static DoubleVector start(double[] c, int off, boolean first) {
        return first ? DoubleVector.zero(S) : DoubleVector.fromArray(S, c, off);
    }

    /** 8 rows × 3 vector(s) of C, A row-major: a(i+r, k0+p) = a[ao + r·ars + p]. */
    private static void blockR8x3(double[] a, int ao, int ars, double[] b, int bo, int kc, double[] c, int np, int o,
                                 boolean first) {
        DoubleVector c00 = start(c, o, first), c01 = start(c, o + L, first), c02 = start(c, o + 2 * L, first);
        DoubleVector c10 = start(c, o + np, first), c11 = start(c, o + np + L, first), c12 = start(c, o + np + 2 * L, first);
        DoubleVector c20 = start(c, o + 2 * np, first), c21 = start(c, o + 2 * np + L, first), c22 = start(c, o + 2 * np + 2 * L, first);
        DoubleVector c30 = start(c, o + 3 * np, first), c31 = start(c, o + 3 * np + L, first), c32 = start(c, o + 3 * np + 2 * L, first);
        DoubleVector c40 = start(c, o + 4 * np, first), c41 = start(c, o + 4 * np + L, first), c42 = start(c, o + 4 * np + 2 * L, first);
        DoubleVector c50 = start(c, o + 5 * np, first), c51 = start(c, o + 5 * np + L, first), c52 = start(c, o + 5 * np + 2 * L, first);
        DoubleVector c60 = start(c, o + 6 * np, first), c61 = start(c, o + 6 * np + L, first), c62 = start(c, o + 6 * np + 2 * L, first);
        DoubleVector c70 = start(c, o + 7 * np, first), c71 = start(c, o + 7 * np + L, first), c72 = start(c, o + 7 * np + 2 * L, first);
        int a0 = ao, a1 = ao + ars, a2 = ao + 2 * ars, a3 = ao + 3 * ars, a4 = ao + 4 * ars, a5 = ao + 5 * ars, a6 = ao + 6 * ars, a7 = ao + 7 * ars;
        for (int p = 0; p < kc; p++) {
            DoubleVector b0 = DoubleVector.fromArray(S, b, bo + p * 3 * L);
            DoubleVector b1 = DoubleVector.fromArray(S, b, bo + p * 3 * L + L);
            DoubleVector b2 = DoubleVector.fromArray(S, b, bo + p * 3 * L + 2 * L);
            DoubleVector x0 = DoubleVector.broadcast(S, a[a0 + p]);
            c00 = x0.lanewise(FMA, b0, c00);
            c01 = x0.lanewise(FMA, b1, c01);
            c02 = x0.lanewise(FMA, b2, c02);
            DoubleVector x1 = DoubleVector.broadcast(S, a[a1 + p]);
            c10 = x1.lanewise(FMA, b0, c10);
            c11 = x1.lanewise(FMA, b1, c11);
            c12 = x1.lanewise(FMA, b2, c12);
            DoubleVector x2 = DoubleVector.broadcast(S, a[a2 + p]);
            c20 = x2.lanewise(FMA, b0, c20);
            c21 = x2.lanewise(FMA, b1, c21);
            c22 = x2.lanewise(FMA, b2, c22);
            DoubleVector x3 = DoubleVector.broadcast(S, a[a3 + p]);
            c30 = x3.lanewise(FMA, b0, c30);
            c31 = x3.lanewise(FMA, b1, c31);
            c32 = x3.lanewise(FMA, b2, c32);
            DoubleVector x4 = DoubleVector.broadcast(S, a[a4 + p]);
            c40 = x4.lanewise(FMA, b0, c40);
            c41 = x4.lanewise(FMA, b1, c41);
            c42 = x4.lanewise(FMA, b2, c42);
            DoubleVector x5 = DoubleVector.broadcast(S, a[a5 + p]);
            c50 = x5.lanewise(FMA, b0, c50);
            c51 = x5.lanewise(FMA, b1, c51);
            c52 = x5.lanewise(FMA, b2, c52);
            DoubleVector x6 = DoubleVector.broadcast(S, a[a6 + p]);
            c60 = x6.lanewise(FMA, b0, c60);
            c61 = x6.lanewise(FMA, b1, c61);
            c62 = x6.lanewise(FMA, b2, c62);
            DoubleVector x7 = DoubleVector.broadcast(S, a[a7 + p]);
            c70 = x7.lanewise(FMA, b0, c70);
            c71 = x7.lanewise(FMA, b1, c71);
            c72 = x7.lanewise(FMA, b2, c72);
        }
        c00.intoArray(c, o);
        c01.intoArray(c, o + L);
        c02.intoArray(c, o + 2 * L);
        c10.intoArray(c, o + np);
        c11.intoArray(c, o + np + L);
        c12.intoArray(c, o + np + 2 * L);
        c20.intoArray(c, o + 2 * np);
        c21.intoArray(c, o + 2 * np + L);
        c22.intoArray(c, o + 2 * np + 2 * L);
        c30.intoArray(c, o + 3 * np);
        c31.intoArray(c, o + 3 * np + L);
        c32.intoArray(c, o + 3 * np + 2 * L);
        c40.intoArray(c, o + 4 * np);
        c41.intoArray(c, o + 4 * np + L);
        c42.intoArray(c, o + 4 * np + 2 * L);
        c50.intoArray(c, o + 5 * np);
        c51.intoArray(c, o + 5 * np + L);
        c52.intoArray(c, o + 5 * np + 2 * L);
        c60.intoArray(c, o + 6 * np);
        c61.intoArray(c, o + 6 * np + L);
        c62.intoArray(c, o + 6 * np + 2 * L);
        c70.intoArray(c, o + 7 * np);
        c71.intoArray(c, o + 7 * np + L);
        c72.intoArray(c, o + 7 * np + 2 * L);
    }

    /** 8 rows × 1 vector(s) of C, A row-major: a(i+r, k0+p) = a[ao + r·ars + p]. */
    private static void blockR8x1(double[] a, int ao, int ars, double[] b, int bo, int kc, double[] c, int np, int o,
                                 boolean first) {
        DoubleVector c00 = start(c, o, first);
        DoubleVector c10 = start(c, o + np, first);
        DoubleVector c20 = start(c, o + 2 * np, first);
        DoubleVector c30 = start(c, o + 3 * np, first);
        DoubleVector c40 = start(c, o + 4 * np, first);
        DoubleVector c50 = start(c, o + 5 * np, first);
        DoubleVector c60 = start(c, o + 6 * np, first);
        DoubleVector c70 = start(c, o + 7 * np, first);
        int a0 = ao, a1 = ao + ars, a2 = ao + 2 * ars, a3 = ao + 3 * ars, a4 = ao + 4 * ars, a5 = ao + 5 * ars, a6 = ao + 6 * ars, a7 = ao + 7 * ars;
        for (int p = 0; p < kc; p++) {
            DoubleVector b0 = DoubleVector.fromArray(S, b, bo + p * L);
            DoubleVector x0 = DoubleVector.broadcast(S, a[a0 + p]);
            c00 = x0.lanewise(FMA, b0, c00);
            DoubleVector x1 = DoubleVector.broadcast(S, a[a1 + p]);
            c10 = x1.lanewise(FMA, b0, c10);
            DoubleVector x2 = DoubleVector.broadcast(S, a[a2 + p]);
            c20 = x2.lanewise(FMA, b0, c20);
            DoubleVector x3 = DoubleVector.broadcast(S, a[a3 + p]);
            c30 = x3.lanewise(FMA, b0, c30);
            DoubleVector x4 = DoubleVector.broadcast(S, a[a4 + p]);
            c40 = x4.lanewise(FMA, b0, c40);
            DoubleVector x5 = DoubleVector.broadcast(S, a[a5 + p]);
            c50 = x5.lanewise(FMA, b0, c50);
            DoubleVector x6 = DoubleVector.broadcast(S, a[a6 + p]);
            c60 = x6.lanewise(FMA, b0, c60);
            DoubleVector x7 = DoubleVector.broadcast(S, a[a7 + p]);
            c70 = x7.lanewise(FMA, b0, c70);
        }
        c00.intoArray(c, o);
        c10.intoArray(c, o + np);
        c20.intoArray(c, o + 2 * np);
        c30.intoArray(c, o + 3 * np);
        c40.intoArray(c, o + 4 * np);
        c50.intoArray(c, o + 5 * np);
        c60.intoArray(c, o + 6 * np);
        c70.intoArray(c, o + 7 * np);
    }

    /** 4 rows × 3 vector(s) of C, A row-major: a(i+r, k0+p) = a[ao + r·ars + p]. */
    private static void blockR4x3(double[] a, int ao, int ars, double[] b, int bo, int kc, double[] c, int np, int o,
                                 boolean first) {
        DoubleVector c00 = start(c, o, first), c01 = start(c, o + L, first), c02 = start(c, o + 2 * L, first);
        DoubleVector c10 = start(c, o + np, first), c11 = start(c, o + np + L, first), c12 = start(c, o + np + 2 * L, first);
        DoubleVector c20 = start(c, o + 2 * np, first), c21 = start(c, o + 2 * np + L, first), c22 = start(c, o + 2 * np + 2 * L, first);
        DoubleVector c30 = start(c, o + 3 * np, first), c31 = start(c, o + 3 * np + L, first), c32 = start(c, o + 3 * np + 2 * L, first);
        int a0 = ao, a1 = ao + ars, a2 = ao + 2 * ars, a3 = ao + 3 * ars;
        for (int p = 0; p < kc; p++) {
            DoubleVector b0 = DoubleVector.fromArray(S, b, bo + p * 3 * L);
            DoubleVector b1 = DoubleVector.fromArray(S, b, bo + p * 3 * L + L);
            DoubleVector b2 = DoubleVector.fromArray(S, b, bo + p * 3 * L + 2 * L);
            DoubleVector x0 = DoubleVector.broadcast(S, a[a0 + p]);
            c00 = x0.lanewise(FMA, b0, c00);
            c01 = x0.lanewise(FMA, b1, c01);
            c02 = x0.lanewise(FMA, b2, c02);
            DoubleVector x1 = DoubleVector.broadcast(S, a[a1 + p]);
            c10 = x1.lanewise(FMA, b0, c10);
            c11 = x1.lanewise(FMA, b1, c11);
            c12 = x1.lanewise(FMA, b2, c12);
            DoubleVector x2 = DoubleVector.broadcast(S, a[a2 + p]);
            c20 = x2.lanewise(FMA, b0, c20);
            c21 = x2.lanewise(FMA, b1, c21);
            c22 = x2.lanewise(FMA, b2, c22);
            DoubleVector x3 = DoubleVector.broadcast(S, a[a3 + p]);
            c30 = x3.lanewise(FMA, b0, c30);
            c31 = x3.lanewise(FMA, b1, c31);
            c32 = x3.lanewise(FMA, b2, c32);
        }
        c00.intoArray(c, o);
        c01.intoArray(c, o + L);
        c02.intoArray(c, o + 2 * L);
        c10.intoArray(c, o + np);
        c11.intoArray(c, o + np + L);
        c12.intoArray(c, o + np + 2 * L);
        c20.intoArray(c, o + 2 * np);
        c21.intoArray(c, o + 2 * np + L);
        c22.intoArray(c, o + 2 * np + 2 * L);
        c30.intoArray(c, o + 3 * np);
        c31.intoArray(c, o + 3 * np + L);
        c32.intoArray(c, o + 3 * np + 2 * L);
    }

    /** 4 rows × 1 vector(s) of C, A row-major: a(i+r, k0+p) = a[ao + r·ars + p]. */
    private static void blockR4x1(double[] a, int ao, int ars, double[] b, int bo, int kc, double[] c, int np, int o,
                                 boolean first) {
        DoubleVector c00 = start(c, o, first);
        DoubleVector c10 = start(c, o + np, first);
        DoubleVector c20 = start(c, o + 2 * np, first);
        DoubleVector c30 = start(c, o + 3 * np, first);
        int a0 = ao, a1 = ao + ars, a2 = ao + 2 * ars, a3 = ao + 3 * ars;
        for (int p = 0; p < kc; p++) {
            DoubleVector b0 = DoubleVector.fromArray(S, b, bo + p * L);
            DoubleVector x0 = DoubleVector.broadcast(S, a[a0 + p]);
            c00 = x0.lanewise(FMA, b0, c00);
            DoubleVector x1 = DoubleVector.broadcast(S, a[a1 + p]);
            c10 = x1.lanewise(FMA, b0, c10);
            DoubleVector x2 = DoubleVector.broadcast(S, a[a2 + p]);
            c20 = x2.lanewise(FMA, b0, c20);
            DoubleVector x3 = DoubleVector.broadcast(S, a[a3 + p]);
            c30 = x3.lanewise(FMA, b0, c30);
        }
        c00.intoArray(c, o);
        c10.intoArray(c, o + np);
        c20.intoArray(c, o + 2 * np);
        c30.intoArray(c, o + 3 * np);
    }

    /** 8 rows × 3 vector(s) of C, A column-major (Aᵀ stored): a(i+r, k0+p) = a[ao + p·acs + r]. */
    private static void blockC8x3(double[] a, int ao, int acs, double[] b, int bo, int kc, double[] c, int np, int o,
                                 boolean first) {
        DoubleVector c00 = start(c, o, first), c01 = start(c, o + L, first), c02 = start(c, o + 2 * L, first);
        DoubleVector c10 = start(c, o + np, first), c11 = start(c, o + np + L, first), c12 = start(c, o + np + 2 * L, first);
        DoubleVector c20 = start(c, o + 2 * np, first), c21 = start(c, o + 2 * np + L, first), c22 = start(c, o + 2 * np + 2 * L, first);
        DoubleVector c30 = start(c, o + 3 * np, first), c31 = start(c, o + 3 * np + L, first), c32 = start(c, o + 3 * np + 2 * L, first);
        DoubleVector c40 = start(c, o + 4 * np, first), c41 = start(c, o + 4 * np + L, first), c42 = start(c, o + 4 * np + 2 * L, first);
        DoubleVector c50 = start(c, o + 5 * np, first), c51 = start(c, o + 5 * np + L, first), c52 = start(c, o + 5 * np + 2 * L, first);
        DoubleVector c60 = start(c, o + 6 * np, first), c61 = start(c, o + 6 * np + L, first), c62 = start(c, o + 6 * np + 2 * L, first);
        DoubleVector c70 = start(c, o + 7 * np, first), c71 = start(c, o + 7 * np + L, first), c72 = start(c, o + 7 * np + 2 * L, first);
        for (int p = 0; p < kc; p++) {
            int ap = ao + p * acs;
            DoubleVector b0 = DoubleVector.fromArray(S, b, bo + p * 3 * L);
            DoubleVector b1 = DoubleVector.fromArray(S, b, bo + p * 3 * L + L);
            DoubleVector b2 = DoubleVector.fromArray(S, b, bo + p * 3 * L + 2 * L);
            DoubleVector x0 = DoubleVector.broadcast(S, a[ap]);
            c00 = x0.lanewise(FMA, b0, c00);
            c01 = x0.lanewise(FMA, b1, c01);
            c02 = x0.lanewise(FMA, b2, c02);
            DoubleVector x1 = DoubleVector.broadcast(S, a[ap + 1]);
            c10 = x1.lanewise(FMA, b0, c10);
            c11 = x1.lanewise(FMA, b1, c11);
            c12 = x1.lanewise(FMA, b2, c12);
            DoubleVector x2 = DoubleVector.broadcast(S, a[ap + 2]);
            c20 = x2.lanewise(FMA, b0, c20);
            c21 = x2.lanewise(FMA, b1, c21);
            c22 = x2.lanewise(FMA, b2, c22);
            DoubleVector x3 = DoubleVector.broadcast(S, a[ap + 3]);
            c30 = x3.lanewise(FMA, b0, c30);
            c31 = x3.lanewise(FMA, b1, c31);
            c32 = x3.lanewise(FMA, b2, c32);
            DoubleVector x4 = DoubleVector.broadcast(S, a[ap + 4]);
            c40 = x4.lanewise(FMA, b0, c40);
            c41 = x4.lanewise(FMA, b1, c41);
            c42 = x4.lanewise(FMA, b2, c42);
            DoubleVector x5 = DoubleVector.broadcast(S, a[ap + 5]);
            c50 = x5.lanewise(FMA, b0, c50);
            c51 = x5.lanewise(FMA, b1, c51);
            c52 = x5.lanewise(FMA, b2, c52);
            DoubleVector x6 = DoubleVector.broadcast(S, a[ap + 6]);
            c60 = x6.lanewise(FMA, b0, c60);
            c61 = x6.lanewise(FMA, b1, c61);
            c62 = x6.lanewise(FMA, b2, c62);
            DoubleVector x7 = DoubleVector.broadcast(S, a[ap + 7]);
            c70 = x7.lanewise(FMA, b0, c70);
            c71 = x7.lanewise(FMA, b1, c71);
            c72 = x7.lanewise(FMA, b2, c72);
        }
        c00.intoArray(c, o);
        c01.intoArray(c, o + L);
        c02.intoArray(c, o + 2 * L);
        c10.intoArray(c, o + np);
        c11.intoArray(c, o + np + L);
        c12.intoArray(c, o + np + 2 * L);
        c20.intoArray(c, o + 2 * np);
        c21.intoArray(c, o + 2 * np + L);
        c22.intoArray(c, o + 2 * np + 2 * L);
        c30.intoArray(c, o + 3 * np);
        c31.intoArray(c, o + 3 * np + L);
        c32.intoArray(c, o + 3 * np + 2 * L);
        c40.intoArray(c, o + 4 * np);
        c41.intoArray(c, o + 4 * np + L);
        c42.intoArray(c, o + 4 * np + 2 * L);
        c50.intoArray(c, o + 5 * np);
        c51.intoArray(c, o + 5 * np + L);
        c52.intoArray(c, o + 5 * np + 2 * L);
        c60.intoArray(c, o + 6 * np);
        c61.intoArray(c, o + 6 * np + L);
        c62.intoArray(c, o + 6 * np + 2 * L);
        c70.intoArray(c, o + 7 * np);
        c71.intoArray(c, o + 7 * np + L);
        c72.intoArray(c, o + 7 * np + 2 * L);
    }

    /** 8 rows × 1 vector(s) of C, A column-major (Aᵀ stored): a(i+r, k0+p) = a[ao + p·acs + r]. */
    private static void blockC8x1(double[] a, int ao, int acs, double[] b, int bo, int kc, double[] c, int np, int o,
                                 boolean first) {
        DoubleVector c00 = start(c, o, first);
        DoubleVector c10 = start(c, o + np, first);
        DoubleVector c20 = start(c, o + 2 * np, first);
        DoubleVector c30 = start(c, o + 3 * np, first);
        DoubleVector c40 = start(c, o + 4 * np, first);
        DoubleVector c50 = start(c, o + 5 * np, first);
        DoubleVector c60 = start(c, o + 6 * np, first);
        DoubleVector c70 = start(c, o + 7 * np, first);
        for (int p = 0; p < kc; p++) {
            int ap = ao + p * acs;
            DoubleVector b0 = DoubleVector.fromArray(S, b, bo + p * L);
            DoubleVector x0 = DoubleVector.broadcast(S, a[ap]);
            c00 = x0.lanewise(FMA, b0, c00);
            DoubleVector x1 = DoubleVector.broadcast(S, a[ap + 1]);
            c10 = x1.lanewise(FMA, b0, c10);
            DoubleVector x2 = DoubleVector.broadcast(S, a[ap + 2]);
            c20 = x2.lanewise(FMA, b0, c20);
            DoubleVector x3 = DoubleVector.broadcast(S, a[ap + 3]);
            c30 = x3.lanewise(FMA, b0, c30);
            DoubleVector x4 = DoubleVector.broadcast(S, a[ap + 4]);
            c40 = x4.lanewise(FMA, b0, c40);
            DoubleVector x5 = DoubleVector.broadcast(S, a[ap + 5]);
            c50 = x5.lanewise(FMA, b0, c50);
            DoubleVector x6 = DoubleVector.broadcast(S, a[ap + 6]);
            c60 = x6.lanewise(FMA, b0, c60);
            DoubleVector x7 = DoubleVector.broadcast(S, a[ap + 7]);
            c70 = x7.lanewise(FMA, b0, c70);
        }
        c00.intoArray(c, o);
        c10.intoArray(c, o + np);
        c20.intoArray(c, o + 2 * np);
        c30.intoArray(c, o + 3 * np);
        c40.intoArray(c, o + 4 * np);
        c50.intoArray(c, o + 5 * np);
        c60.intoArray(c, o + 6 * np);
        c70.intoArray(c, o + 7 * np);
    }

    /** 4 rows × 3 vector(s) of C, A column-major (Aᵀ stored): a(i+r, k0+p) = a[ao + p·acs + r]. */
    private static void blockC4x3(double[] a, int ao, int acs, double[] b, int bo, int kc, double[] c, int np, int o,
                                 boolean first) {
        DoubleVector c00 = start(c, o, first), c01 = start(c, o + L, first), c02 = start(c, o + 2 * L, first);
        DoubleVector c10 = start(c, o + np, first), c11 = start(c, o + np + L, first), c12 = start(c, o + np + 2 * L, first);
        DoubleVector c20 = start(c, o + 2 * np, first), c21 = start(c, o + 2 * np + L, first), c22 = start(c, o + 2 * np + 2 * L, first);
        DoubleVector c30 = start(c, o + 3 * np, first), c31 = start(c, o + 3 * np + L, first), c32 = start(c, o + 3 * np + 2 * L, first);
        for (int p = 0; p < kc; p++) {
            int ap = ao + p * acs;
            DoubleVector b0 = DoubleVector.fromArray(S, b, bo + p * 3 * L);
            DoubleVector b1 = DoubleVector.fromArray(S, b, bo + p * 3 * L + L);
            DoubleVector b2 = DoubleVector.fromArray(S, b, bo + p * 3 * L + 2 * L);
            DoubleVector x0 = DoubleVector.broadcast(S, a[ap]);
            c00 = x0.lanewise(FMA, b0, c00);
            c01 = x0.lanewise(FMA, b1, c01);
            c02 = x0.lanewise(FMA, b2, c02);
            DoubleVector x1 = DoubleVector.broadcast(S, a[ap + 1]);
            c10 = x1.lanewise(FMA, b0, c10);
            c11 = x1.lanewise(FMA, b1, c11);
            c12 = x1.lanewise(FMA, b2, c12);
            DoubleVector x2 = DoubleVector.broadcast(S, a[ap + 2]);
            c20 = x2.lanewise(FMA, b0, c20);
            c21 = x2.lanewise(FMA, b1, c21);
            c22 = x2.lanewise(FMA, b2, c22);
            DoubleVector x3 = DoubleVector.broadcast(S, a[ap + 3]);
            c30 = x3.lanewise(FMA, b0, c30);
            c31 = x3.lanewise(FMA, b1, c31);
            c32 = x3.lanewise(FMA, b2, c32);
        }
        c00.intoArray(c, o);
        c01.intoArray(c, o + L);
        c02.intoArray(c, o + 2 * L);
        c10.intoArray(c, o + np);
        c11.intoArray(c, o + np + L);
        c12.intoArray(c, o + np + 2 * L);
        c20.intoArray(c, o + 2 * np);
        c21.intoArray(c, o + 2 * np + L);
        c22.intoArray(c, o + 2 * np + 2 * L);
        c30.intoArray(c, o + 3 * np);
        c31.intoArray(c, o + 3 * np + L);
        c32.intoArray(c, o + 3 * np + 2 * L);
    }

    /** 4 rows × 1 vector(s) of C, A column-major (Aᵀ stored): a(i+r, k0+p) = a[ao + p·acs + r]. */
    private static void blockC4x1(double[] a, int ao, int acs, double[] b, int bo, int kc, double[] c, int np, int o,
                                 boolean first) {
        DoubleVector c00 = start(c, o, first);
        DoubleVector c10 = start(c, o + np, first);
        DoubleVector c20 = start(c, o + 2 * np, first);
        DoubleVector c30 = start(c, o + 3 * np, first);
        for (int p = 0; p < kc; p++) {
            int ap = ao + p * acs;
            DoubleVector b0 = DoubleVector.fromArray(S, b, bo + p * L);
            DoubleVector x0 = DoubleVector.broadcast(S, a[ap]);
            c00 = x0.lanewise(FMA, b0, c00);
            DoubleVector x1 = DoubleVector.broadcast(S, a[ap + 1]);
            c10 = x1.lanewise(FMA, b0, c10);
            DoubleVector x2 = DoubleVector.broadcast(S, a[ap + 2]);
            c20 = x2.lanewise(FMA, b0, c20);
            DoubleVector x3 = DoubleVector.broadcast(S, a[ap + 3]);
            c30 = x3.lanewise(FMA, b0, c30);
        }
        c00.intoArray(c, o);
        c10.intoArray(c, o + np);
        c20.intoArray(c, o + 2 * np);
        c30.intoArray(c, o + 3 * np);
    }

    /** 1 row × 3 vector(s) of C: a(i, k0+p) = a[ao + p·acs]. */
    private static void block1x3(double[] a, int ao, int acs, double[] b, int bo, int kc, double[] c, int np, int o,
                                 boolean first) {
        DoubleVector c00 = start(c, o, first), c01 = start(c, o + L, first), c02 = start(c, o + 2 * L, first);
        for (int p = 0; p < kc; p++) {
            int ap = ao + p * acs;
            DoubleVector b0 = DoubleVector.fromArray(S, b, bo + p * 3 * L);
            DoubleVector b1 = DoubleVector.fromArray(S, b, bo + p * 3 * L + L);
            DoubleVector b2 = DoubleVector.fromArray(S, b, bo + p * 3 * L + 2 * L);
            DoubleVector x0 = DoubleVector.broadcast(S, a[ap]);
            c00 = x0.lanewise(FMA, b0, c00);
            c01 = x0.lanewise(FMA, b1, c01);
            c02 = x0.lanewise(FMA, b2, c02);
        }
        c00.intoArray(c, o);
        c01.intoArray(c, o + L);
        c02.intoArray(c, o + 2 * L);
    }

    /** 1 row × 1 vector(s) of C: a(i, k0+p) = a[ao + p·acs]. */
    private static void block1x1(double[] a, int ao, int acs, double[] b, int bo, int kc, double[] c, int np, int o,
                                 boolean first) {
        DoubleVector c00 = start(c, o, first);
        for (int p = 0; p < kc; p++) {
            int ap = ao + p * acs;
            DoubleVector b0 = DoubleVector.fromArray(S, b, bo + p * L);
            DoubleVector x0 = DoubleVector.broadcast(S, a[ap]);
            c00 = x0.lanewise(FMA, b0, c00);
        }
        c00.intoArray(c, o);
    }
}
