package dl.fast;

import static jdk.incubator.vector.VectorOperators.FMA;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The SIMD kernel behind {@link MatMul}, written with the Vector API ({@code jdk.incubator.vector}).
 * Only loaded when that module is present; {@link MatMul} falls back to EJML otherwise.
 *
 * <p>It computes rows r0 … r1−1 of C = A·B, where A is read through strides, a(i, p) =
 * a[i·ars + p·acs] (so Aᵀ costs nothing), B is k × np row-major and C is m × np row-major, np a
 * multiple of the vector length L. A 4-row × 3-vector block of C lives in 12 registers while p runs
 * over a block of k: per p, 3 loads of B, 4 broadcasts of A, 12 fused multiply-adds. The k
 * dimension is cut into blocks of {@link #KC} so that the slice of B in use stays in the L1 cache.
 *
 * <p>Every element is c = fma(a(i,k−1), b(k−1,j), … fma(a(i,1), b(1,j), a(i,0)·b(0,j))): summed in
 * the order p = 0, 1, …, k−1 whatever block or thread computes it, so results depend neither on the
 * blocking nor on the number of threads.
 */
final class VectorKernel {
    static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    static final int L = S.length();
    /** k-block length: a 3-vector slice of B over KC rows is KC·3·L·8 bytes (12 KB for L = 4). */
    static final int KC = 128;

    private VectorKernel() {
    }

    static void rows(double[] a, int ars, int acs, int k, double[] b, int np, double[] c, int r0, int r1) {
        int w3 = 3 * L;
        for (int k0 = 0; k0 < k; k0 += KC) {
            int k1 = Math.min(k, k0 + KC);
            boolean first = k0 == 0;
            int j = 0;
            for (; j + w3 <= np; j += w3) {
                int i = r0;
                for (; i + 4 <= r1; i += 4) {
                    block4x3(a, ars, acs, k0, k1, b, np, c, i, j, first);
                }
                for (; i < r1; i++) {
                    block1x3(a, ars, acs, k0, k1, b, np, c, i, j, first);
                }
            }
            for (; j < np; j += L) {
                int i = r0;
                for (; i + 4 <= r1; i += 4) {
                    block4x1(a, ars, acs, k0, k1, b, np, c, i, j, first);
                }
                for (; i < r1; i++) {
                    block1x1(a, ars, acs, k0, k1, b, np, c, i, j, first);
                }
            }
        }
    }

    private static DoubleVector start(double[] c, int off, boolean first) {
        return first ? DoubleVector.zero(S) : DoubleVector.fromArray(S, c, off);
    }

    private static void block4x3(double[] a, int ars, int acs, int k0, int k1, double[] b, int np, double[] c,
                                 int i, int j, boolean first) {
        int o0 = i * np + j, o1 = o0 + np, o2 = o1 + np, o3 = o2 + np;
        DoubleVector c00 = start(c, o0, first), c01 = start(c, o0 + L, first), c02 = start(c, o0 + 2 * L, first);
        DoubleVector c10 = start(c, o1, first), c11 = start(c, o1 + L, first), c12 = start(c, o1 + 2 * L, first);
        DoubleVector c20 = start(c, o2, first), c21 = start(c, o2 + L, first), c22 = start(c, o2 + 2 * L, first);
        DoubleVector c30 = start(c, o3, first), c31 = start(c, o3 + L, first), c32 = start(c, o3 + 2 * L, first);
        int a0 = i * ars, a1 = a0 + ars, a2 = a1 + ars, a3 = a2 + ars;
        for (int p = k0; p < k1; p++) {
            int ap = p * acs, bp = p * np + j;
            DoubleVector b0 = DoubleVector.fromArray(S, b, bp);
            DoubleVector b1 = DoubleVector.fromArray(S, b, bp + L);
            DoubleVector b2 = DoubleVector.fromArray(S, b, bp + 2 * L);
            DoubleVector x = DoubleVector.broadcast(S, a[a0 + ap]);
            c00 = x.lanewise(FMA, b0, c00);
            c01 = x.lanewise(FMA, b1, c01);
            c02 = x.lanewise(FMA, b2, c02);
            x = DoubleVector.broadcast(S, a[a1 + ap]);
            c10 = x.lanewise(FMA, b0, c10);
            c11 = x.lanewise(FMA, b1, c11);
            c12 = x.lanewise(FMA, b2, c12);
            x = DoubleVector.broadcast(S, a[a2 + ap]);
            c20 = x.lanewise(FMA, b0, c20);
            c21 = x.lanewise(FMA, b1, c21);
            c22 = x.lanewise(FMA, b2, c22);
            x = DoubleVector.broadcast(S, a[a3 + ap]);
            c30 = x.lanewise(FMA, b0, c30);
            c31 = x.lanewise(FMA, b1, c31);
            c32 = x.lanewise(FMA, b2, c32);
        }
        c00.intoArray(c, o0);
        c01.intoArray(c, o0 + L);
        c02.intoArray(c, o0 + 2 * L);
        c10.intoArray(c, o1);
        c11.intoArray(c, o1 + L);
        c12.intoArray(c, o1 + 2 * L);
        c20.intoArray(c, o2);
        c21.intoArray(c, o2 + L);
        c22.intoArray(c, o2 + 2 * L);
        c30.intoArray(c, o3);
        c31.intoArray(c, o3 + L);
        c32.intoArray(c, o3 + 2 * L);
    }

    private static void block4x1(double[] a, int ars, int acs, int k0, int k1, double[] b, int np, double[] c,
                                 int i, int j, boolean first) {
        int o0 = i * np + j, o1 = o0 + np, o2 = o1 + np, o3 = o2 + np;
        DoubleVector c0 = start(c, o0, first), c1 = start(c, o1, first), c2 = start(c, o2, first), c3 = start(c, o3, first);
        int a0 = i * ars, a1 = a0 + ars, a2 = a1 + ars, a3 = a2 + ars;
        for (int p = k0; p < k1; p++) {
            int ap = p * acs, bp = p * np + j;
            DoubleVector b0 = DoubleVector.fromArray(S, b, bp);
            c0 = DoubleVector.broadcast(S, a[a0 + ap]).lanewise(FMA, b0, c0);
            c1 = DoubleVector.broadcast(S, a[a1 + ap]).lanewise(FMA, b0, c1);
            c2 = DoubleVector.broadcast(S, a[a2 + ap]).lanewise(FMA, b0, c2);
            c3 = DoubleVector.broadcast(S, a[a3 + ap]).lanewise(FMA, b0, c3);
        }
        c0.intoArray(c, o0);
        c1.intoArray(c, o1);
        c2.intoArray(c, o2);
        c3.intoArray(c, o3);
    }

    private static void block1x3(double[] a, int ars, int acs, int k0, int k1, double[] b, int np, double[] c,
                                 int i, int j, boolean first) {
        int o = i * np + j;
        DoubleVector c0 = start(c, o, first), c1 = start(c, o + L, first), c2 = start(c, o + 2 * L, first);
        int a0 = i * ars;
        for (int p = k0; p < k1; p++) {
            int ap = p * acs, bp = p * np + j;
            DoubleVector x = DoubleVector.broadcast(S, a[a0 + ap]);
            c0 = x.lanewise(FMA, DoubleVector.fromArray(S, b, bp), c0);
            c1 = x.lanewise(FMA, DoubleVector.fromArray(S, b, bp + L), c1);
            c2 = x.lanewise(FMA, DoubleVector.fromArray(S, b, bp + 2 * L), c2);
        }
        c0.intoArray(c, o);
        c1.intoArray(c, o + L);
        c2.intoArray(c, o + 2 * L);
    }

    private static void block1x1(double[] a, int ars, int acs, int k0, int k1, double[] b, int np, double[] c,
                                 int i, int j, boolean first) {
        int o = i * np + j;
        DoubleVector c0 = start(c, o, first);
        int a0 = i * ars;
        for (int p = k0; p < k1; p++) {
            int ap = p * acs, bp = p * np + j;
            c0 = DoubleVector.broadcast(S, a[a0 + ap]).lanewise(FMA, DoubleVector.fromArray(S, b, bp), c0);
        }
        c0.intoArray(c, o);
    }
}
