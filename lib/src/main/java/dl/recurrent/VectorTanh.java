package dl.recurrent;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link StrictTanh#tanh} on a whole vector of values at a time (the Vector API, {@code jdk.incubator.vector}): the
 * same bits, several times faster, for {@link LstmCell}'s two tanh per unit, sample and step. Plain version:
 * <pre>
 *   for (int j = 0; j &lt; n; j++) out[to + j] = StrictTanh.tanh(x[from + j]);
 * </pre>
 * fdlibm branches on the range of |x| (and, inside expm1, on k); a vector cannot branch per lane, so every lane
 * computes every branch's formula — the same IEEE additions, multiplications and divisions — and a mask per
 * branch picks each lane's result. The two ranges of tanh's expm1 call, y = 2|x| ≥ 2 and y = −2|x| &gt; −2, share
 * one evaluation of fdlibm's rational approximation (each lane with its own r). k = (int) v is computed without
 * a conversion instruction (which 256-bit AVX2 lacks for doubles to longs): v + 1.5·2⁵² − 1.5·2⁵² rounds v to an
 * integer, moved one toward zero where rounding went away from it; its bits, less those of 1.5·2⁵², are k.
 *
 * <p>Only loaded when the JVM has the module ({@link dl.fast.MatMul#vectorAvailable()}); otherwise the cell
 * calls {@link StrictTanh} per value.
 */
final class VectorTanh {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Long> SL = VectorSpecies.of(long.class, S.vectorShape()); // same lanes
    private static final int L = S.length();
    private static final double LN2_HI = 6.93147180369123816490e-01, LN2_LO = 1.90821492927058770002e-10;
    private static final double INV_LN2 = 1.44269504088896338700e+00;
    private static final double Q1 = -3.33333333333331316428e-02, Q2 = 1.58730158725481460165e-03;
    private static final double Q3 = -7.93650757867487942473e-05, Q4 = 4.00821782732936239552e-06;
    private static final double Q5 = -2.01099218183624371326e-07;
    /** 1.5·2⁵²: for |m| &lt; 2⁵¹, m + MAGIC rounds m to an integer k, and bits(m + MAGIC) − bits(MAGIC) = k. */
    private static final double MAGIC = 0x1.8p52;
    private static final long MAGIC_BITS = Double.doubleToRawLongBits(MAGIC);
    // fdlibm's high-word tests on |x| ≥ 0 as comparisons of doubles: high(|x|) < h ⇔ |x| < the double with high word h
    private static final double TINY = high(0x3c800000); // |x| < 2⁻⁵⁵: tanh x = x·(1 + x)
    private static final double ONE = high(0x3ff00000); // |x| ≥ 1: expm1(2|x|)
    private static final double BIG = high(0x40360000); // |x| ≥ 22: tanh x = ±1
    private static final double NO_REDUCTION = high(0x3fd62e43); // expm1: high(|y|) ≤ 0x3fd62e42 → k = 0
    private static final double K_MINUS_ONE = high(0x3ff0a2b2); // expm1: high(|y|) < 0x3ff0a2b2 → k = −1

    private VectorTanh() {
    }

    private static double high(int word) {
        return Double.longBitsToDouble((long) word << 32);
    }

    /** out[to + j] = tanh(in[from + j]) for j &lt; n, the bits of {@link StrictTanh#tanh}. */
    static void tanh(double[] in, int from, double[] out, int to, int n) {
        int j = 0;
        for (; j <= n - L; j += L) { // one method with the loop: C2 inlines none this large, and a vector passed
            // to a method that is not inlined becomes an object on the heap
            DoubleVector x = DoubleVector.fromArray(S, in, from + j);
            DoubleVector ax = x.abs();
            VectorMask<Double> large = ax.compare(VectorOperators.GE, ONE); // (with ax < 22 where it matters)
            // expm1's argument: 2|x| for |x| ≥ 1, −2|x| below
            DoubleVector y = ax.mul(2).blend(ax.mul(-2), large.not());
            DoubleVector ay = y.abs();
            VectorMask<Double> k0 = ay.compare(VectorOperators.LT, NO_REDUCTION).andNot(large);
            VectorMask<Double> km1 = ay.compare(VectorOperators.LT, K_MINUS_ONE).andNot(large).andNot(k0);
            // k = (int) (y/ln 2 ± 0.5), rounded toward zero
            DoubleVector v = y.mul(INV_LN2).add(DoubleVector.broadcast(S, -0.5).blend(0.5, large));
            DoubleVector m = v.add(MAGIC).sub(MAGIC);
            m = m.sub(1.0, m.compare(VectorOperators.GT, v).and(large)); // v > 0: round down
            m = m.add(1.0, m.compare(VectorOperators.LT, v).andNot(large)); // v < 0: round up
            m = m.blend(-1.0, km1);
            LongVector k = m.add(MAGIC).reinterpretAsLongs().sub(MAGIC_BITS);
            // y = k·ln 2 + r − c (k = 0: r = y, c = 0)
            DoubleVector hi = y.sub(m.mul(LN2_HI)), lo = m.mul(LN2_LO);
            DoubleVector r = hi.sub(lo);
            DoubleVector c = hi.sub(r).sub(lo);
            r = r.blend(y, k0);
            c = c.blend(0.0, k0);
            DoubleVector hxs = r.mul(0.5).mul(r);
            DoubleVector hfx = r.mul(0.5);
            DoubleVector r1 = hxs.mul(Q5).add(Q4).mul(hxs).add(Q3).mul(hxs).add(Q2).mul(hxs).add(Q1).mul(hxs).add(1.0);
            DoubleVector t3 = r1.mul(hfx).neg().add(3.0);
            DoubleVector p = hxs.mul(r1.sub(t3).div(t3.mul(r).neg().add(6.0)));
            // expm1(y) by k's range
            DoubleVector e = r.mul(p.sub(c)).sub(c).sub(hxs);
            DoubleVector em1 = r.sub(r.mul(p).sub(hxs)); // k = 0
            DoubleVector half = r.sub(e).mul(0.5).sub(0.5); // k = −1
            LongVector oneMinus = LongVector.broadcast(SL, 0x200000L).lanewise(VectorOperators.LSHR, k)
                    .neg().add(0x3ff00000L).lanewise(VectorOperators.LSHL, 32); // 1 − 2⁻ᵏ for 3 ≤ k < 20
            LongVector pow = k.neg().add(0x3ffL).lanewise(VectorOperators.LSHL, 52); // 2⁻ᵏ for 20 ≤ k ≤ 56
            DoubleVector wide = e.sub(r).neg().add(1.0); // 1 − (e − r): k ≤ −2 or k > 56
            DoubleVector low = oneMinus.reinterpretAsDoubles().sub(e.sub(r)); // k < 20
            DoubleVector mid = r.sub(e.add(pow.reinterpretAsDoubles())).add(1.0); // 20 ≤ k ≤ 56
            VectorMask<Double> kWide = m.compare(VectorOperators.GT, 56.0).or(k0.or(km1).or(large).not()); // m = k
            VectorMask<Double> kLow = m.compare(VectorOperators.LT, 20.0).and(large);
            DoubleVector w = mid.blend(low, kLow).blend(wide, kWide);
            DoubleVector scaled = w.reinterpretAsLongs().add(k.lanewise(VectorOperators.LSHL, 52)).reinterpretAsDoubles();
            DoubleVector t = scaled.sub(1.0).blend(scaled, kWide.not()).blend(half, km1).blend(em1, k0);
            // tanh: 1 − 2/(t + 2) for |x| ≥ 1, −t/(t + 2) below
            DoubleVector d = t.neg().blend(2.0, large).div(t.add(2.0));
            DoubleVector z = d.blend(d.neg().add(1.0), large);
            z = z.blend(1.0, ax.compare(VectorOperators.GE, BIG)); // |x| ≥ 22 and ±∞ (fdlibm's 1/x ± 1 = ±1)
            z = z.blend(z.neg(), x.compare(VectorOperators.LT, 0.0)); // (−0 and NaN are set below)
            z = z.blend(x.mul(x.add(1.0)), ax.compare(VectorOperators.LT, TINY));
            z = z.blend(x.add(1.0), x.compare(VectorOperators.NE, x)); // NaN: x's NaN, as fdlibm's 1/x + 1 gives
            z.intoArray(out, to + j);
        }
        for (; j < n; j++) {
            out[to + j] = StrictTanh.tanh(in[from + j]);
        }
    }
}
