"""Writes lib/src/main/java/dl/fast/VectorKernel.java: the matrix-product kernel, whose micro-kernels
(one method per block shape: 8 or 4 or 1 rows of C, 3 or 1 vectors wide, A row- or column-major)
differ only in their counts, so they are generated rather than typed.

    python3 tools/gen_vector_kernel.py           # rewrite the Java file
    python3 tools/gen_vector_kernel.py --check   # fail if the Java file is not what this script writes
"""
import sys
from pathlib import Path

TARGET = Path(__file__).resolve().parent.parent / "lib/src/main/java/dl/fast/VectorKernel.java"

def block(kind, mr, nv):
    name = f"block{kind}{mr}x{nv}"
    o = []
    if kind == "R":
        o.append(f"    /** {mr} rows × {nv} vector(s) of C, A row-major: a(i+r, k0+p) = a[ao + r·ars + p]. */")
    elif kind == "C":
        o.append(f"    /** {mr} rows × {nv} vector(s) of C, A column-major (Aᵀ stored): a(i+r, k0+p) = a[ao + p·acs + r]. */")
    else:
        o.append(f"    /** 1 row × {nv} vector(s) of C: a(i, k0+p) = a[ao + p·acs]. */")
    stride = "ars" if kind == "R" else "acs"
    o.append(f"    private static void {name}(double[] a, int ao, int {stride}, double[] b, int bo, int kc, double[] c, int np, int o,")
    o.append(f"                                 boolean first) {{")
    for r in range(mr):
        row = "o" if r == 0 else ("o + np" if r == 1 else f"o + {r} * np")
        o.append("        DoubleVector " + ", ".join(f"c{r}{q} = start(c, {row}{'' if q == 0 else (' + L' if q == 1 else f' + {q} * L')}, first)" for q in range(nv)) + ";")
    if kind == "R":
        o.append("        int " + ", ".join(f"a{r} = ao" + ("" if r == 0 else (" + ars" if r == 1 else f" + {r} * ars")) for r in range(mr)) + ";")
    o.append(f"        for (int p = 0; p < kc; p++) {{")
    if kind != "R":
        o.append(f"            int ap = ao + p * acs;")
    w = "L" if nv == 1 else f"{nv} * L"
    for q in range(nv):
        o.append(f"            DoubleVector b{q} = DoubleVector.fromArray(S, b, bo + p * {w}{'' if q == 0 else (' + L' if q == 1 else f' + {q} * L')});")
    for r in range(mr):
        idx = f"a{r} + p" if kind == "R" else ("ap" if r == 0 else f"ap + {r}")
        o.append(f"            DoubleVector x{r} = DoubleVector.broadcast(S, a[{idx}]);")
        for q in range(nv):
            o.append(f"            c{r}{q} = x{r}.lanewise(FMA, b{q}, c{r}{q});")
    o.append("        }")
    for r in range(mr):
        row = "o" if r == 0 else ("o + np" if r == 1 else f"o + {r} * np")
        for q in range(nv):
            o.append(f"        c{r}{q}.intoArray(c, {row}{'' if q == 0 else (' + L' if q == 1 else f' + {q} * L')});")
    o.append("    }")
    return "\n".join(o)

head = '''package dl.fast;

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
'''
blocks = [block(k, m, v) for k in ("R", "C") for m in (8, 4) for v in (3, 1)] + [block("1", 1, v) for v in (3, 1)]
src = head + "\n" + "\n\n".join(blocks) + "\n}\n"
src = src.replace("block11x", "block1x")
if "--check" in sys.argv[1:]:
    if TARGET.read_text(encoding="utf-8") != src:
        sys.exit(f"{TARGET} differs from what tools/gen_vector_kernel.py writes: edit the script and rerun it")
    print("VectorKernel.java is what tools/gen_vector_kernel.py writes")
else:
    TARGET.write_text(src, encoding="utf-8")
    print(f"wrote {TARGET}")
