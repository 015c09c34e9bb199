package dl.fast;

import static jdk.incubator.vector.VectorOperators.FMA;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The SIMD code behind {@link FilterProduct}; only loaded when the Vector API module is present.
 *
 * <p>One image: C (FN × P, row stride P) = Wᵀ · B + b, with B the image's P columns of colT (row stride
 * {@code ldb}). A micro-kernel keeps 4 filters × 3 vectors of positions of C in registers (12 accumulators)
 * while q runs over all K weights of a filter: per q, 3 loads of B, 4 broadcasts of W and 12 fused
 * multiply-adds. The positions left over go in blocks of one vector, then one at a time with
 * {@link Math#fma}, the same operation. W is packed once per call, 4 filters per block ({@link #packFilters}),
 * the last block padded with zero filters whose rows are not stored.
 */
final class FilterKernel {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    /** Filters per block. */
    static final int MR = 4;

    private FilterKernel() {
    }

    /** Vectors of at least 4 doubles (256 bits). */
    static boolean supported() {
        return L >= 4;
    }

    /**
     * W_col (K × FN) as blocks of {@link #MR} filters: weight q of filter f0 + r at
     * {@code a[f0·K + q·MR + r]}, zero for f0 + r ≥ FN.
     */
    static double[] packFilters(double[] wCol, int k, int fn) {
        int blocks = (fn + MR - 1) / MR;
        double[] a = new double[blocks * MR * k];
        for (int f = 0; f < fn; f++) {
            int f0 = f / MR * MR;
            for (int q = 0; q < k; q++) {
                a[f0 * k + q * MR + f - f0] = wCol[q * fn + f];
            }
        }
        return a;
    }

    /**
     * C[f·P + p] (from {@code co}) = bias[f] + Σ_q W[q, f] · B[q·ldb + bo + p] for f &lt; FN and p &lt; P, W packed by
     * {@link #packFilters}.
     */
    static void image(double[] a, double[] bias, int k, int fn, double[] b, int ldb, int bo, int plane, double[] c,
                      int co) {
        int p = 0;
        for (; p + 3 * L <= plane; p += 3 * L) {
            for (int f0 = 0; f0 < fn; f0 += MR) {
                block4x3(a, f0 * k, k, b, ldb, bo + p, c, co + f0 * plane + p, plane, bias, f0, Math.min(MR, fn - f0));
            }
        }
        for (; p + L <= plane; p += L) {
            for (int f0 = 0; f0 < fn; f0 += MR) {
                block4x1(a, f0 * k, k, b, ldb, bo + p, c, co + f0 * plane + p, plane, bias, f0, Math.min(MR, fn - f0));
            }
        }
        for (; p < plane; p++) {
            for (int f = 0; f < fn; f++) {
                int ao = f / MR * MR * k + f % MR;
                double s = 0;
                for (int q = 0; q < k; q++) {
                    s = Math.fma(a[ao + q * MR], b[q * ldb + bo + p], s);
                }
                c[co + f * plane + p] = s + bias[f];
            }
        }
    }

    /** 4 filters × 3 vectors of positions; rows r ≥ {@code live} (padding filters) are not stored. */
    private static void block4x3(double[] a, int ao, int k, double[] b, int ldb, int bo, double[] c, int o, int ldc,
                                 double[] bias, int f0, int live) {
        DoubleVector c00 = DoubleVector.zero(S), c01 = c00, c02 = c00, c10 = c00, c11 = c00, c12 = c00;
        DoubleVector c20 = c00, c21 = c00, c22 = c00, c30 = c00, c31 = c00, c32 = c00;
        for (int q = 0; q < k; q++) {
            int bq = bo + q * ldb;
            DoubleVector b0 = DoubleVector.fromArray(S, b, bq);
            DoubleVector b1 = DoubleVector.fromArray(S, b, bq + L);
            DoubleVector b2 = DoubleVector.fromArray(S, b, bq + 2 * L);
            int aq = ao + q * MR;
            DoubleVector x0 = DoubleVector.broadcast(S, a[aq]);
            c00 = x0.lanewise(FMA, b0, c00);
            c01 = x0.lanewise(FMA, b1, c01);
            c02 = x0.lanewise(FMA, b2, c02);
            DoubleVector x1 = DoubleVector.broadcast(S, a[aq + 1]);
            c10 = x1.lanewise(FMA, b0, c10);
            c11 = x1.lanewise(FMA, b1, c11);
            c12 = x1.lanewise(FMA, b2, c12);
            DoubleVector x2 = DoubleVector.broadcast(S, a[aq + 2]);
            c20 = x2.lanewise(FMA, b0, c20);
            c21 = x2.lanewise(FMA, b1, c21);
            c22 = x2.lanewise(FMA, b2, c22);
            DoubleVector x3 = DoubleVector.broadcast(S, a[aq + 3]);
            c30 = x3.lanewise(FMA, b0, c30);
            c31 = x3.lanewise(FMA, b1, c31);
            c32 = x3.lanewise(FMA, b2, c32);
        }
        store3(c00, c01, c02, bias[f0], c, o);
        if (live > 1) {
            store3(c10, c11, c12, bias[f0 + 1], c, o + ldc);
        }
        if (live > 2) {
            store3(c20, c21, c22, bias[f0 + 2], c, o + 2 * ldc);
        }
        if (live > 3) {
            store3(c30, c31, c32, bias[f0 + 3], c, o + 3 * ldc);
        }
    }

    /** 4 filters × 1 vector of positions. */
    private static void block4x1(double[] a, int ao, int k, double[] b, int ldb, int bo, double[] c, int o, int ldc,
                                 double[] bias, int f0, int live) {
        DoubleVector c00 = DoubleVector.zero(S), c10 = c00, c20 = c00, c30 = c00;
        for (int q = 0; q < k; q++) {
            DoubleVector b0 = DoubleVector.fromArray(S, b, bo + q * ldb);
            int aq = ao + q * MR;
            c00 = DoubleVector.broadcast(S, a[aq]).lanewise(FMA, b0, c00);
            c10 = DoubleVector.broadcast(S, a[aq + 1]).lanewise(FMA, b0, c10);
            c20 = DoubleVector.broadcast(S, a[aq + 2]).lanewise(FMA, b0, c20);
            c30 = DoubleVector.broadcast(S, a[aq + 3]).lanewise(FMA, b0, c30);
        }
        c00.add(bias[f0]).intoArray(c, o);
        if (live > 1) {
            c10.add(bias[f0 + 1]).intoArray(c, o + ldc);
        }
        if (live > 2) {
            c20.add(bias[f0 + 2]).intoArray(c, o + 2 * ldc);
        }
        if (live > 3) {
            c30.add(bias[f0 + 3]).intoArray(c, o + 3 * ldc);
        }
    }

    /** One filter's 3 vectors of sums plus its bias, stored at c[o …]. */
    private static void store3(DoubleVector s0, DoubleVector s1, DoubleVector s2, double bias, double[] c, int o) {
        s0.add(bias).intoArray(c, o);
        s1.add(bias).intoArray(c, o + L);
        s2.add(bias).intoArray(c, o + 2 * L);
    }
}
