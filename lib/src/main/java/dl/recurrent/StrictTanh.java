package dl.recurrent;

/**
 * tanh x with exactly the bits of {@link StrictMath#tanh} — and so of {@link Math#tanh} on Java 17 to 23, which
 * hands the call to it — but computed in Java. StrictMath specifies fdlibm 5.3's algorithm (Sun Microsystems,
 * 1993), which this class follows step by step; on Java 17 StrictMath.tanh is a native call of about 30 ns, this
 * a few ns, and an {@link LstmCell} calls tanh twice per unit, sample and time step (about 70 % of the benchmark
 * LSTM's forward pass went to those calls).
 *
 * <p>The method, for x ≥ 0 (tanh(−x) = −tanh x):
 * <pre>
 *   x &lt; 2⁻⁵⁵      tanh x = x·(1 + x)                 (= x in double precision)
 *   x &lt; 1         tanh x = −t / (t + 2),  t = expm1(−2x)
 *   x &lt; 22        tanh x = 1 − 2 / (t + 2), t = expm1(2x)
 *   x ≥ 22        tanh x = 1                          (1 − tanh x &lt; 2⁻⁶³)
 * </pre>
 * where expm1(y) = eʸ − 1, computed without the cancellation of exp(y) − 1: y = k·ln 2 + r with |r| ≤ ln 2 / 2
 * (ln 2 in two parts, so that r − c is y − k·ln 2 almost exactly), expm1(r) from a rational approximation, then
 * eʸ − 1 = 2ᵏ·(expm1(r) + 1) − 1 arranged per range of k to keep the last bit. The comparisons are on the high
 * 32 bits of the double, as in fdlibm: replacing one by a floating-point comparison would move a boundary by
 * a few ulps and change some results. {@code StrictTanhTest} checks every branch against Math.tanh.
 */
final class StrictTanh {
    private static final double LN2_HI = 6.93147180369123816490e-01; // 0x3fe62e42 fee00000: k·LN2_HI is exact
    private static final double LN2_LO = 1.90821492927058770002e-10; // 0x3dea39ef 35793c76: ln 2 − LN2_HI
    private static final double INV_LN2 = 1.44269504088896338700e+00; // 0x3ff71547 652b82fe
    // fdlibm's coefficients of expm1's rational approximation (scaled by 2ⁱ, with z = r²/2)
    private static final double Q1 = -3.33333333333331316428e-02;
    private static final double Q2 = 1.58730158725481460165e-03;
    private static final double Q3 = -7.93650757867487942473e-05;
    private static final double Q4 = 4.00821782732936239552e-06;
    private static final double Q5 = -2.01099218183624371326e-07;

    private StrictTanh() {
    }

    /** tanh x, bit for bit {@link StrictMath#tanh}. */
    static double tanh(double x) {
        int high = high(x);
        int ix = high & 0x7fffffff; // the high word of |x|
        if (ix >= 0x7ff00000) { // ±∞ → ±1, NaN → NaN
            return high >= 0 ? 1 / x + 1 : 1 / x - 1;
        }
        double z;
        if (ix < 0x40360000) { // |x| < 22
            if (ix < 0x3c800000) { // |x| < 2⁻⁵⁵
                return x * (1 + x);
            }
            if (ix >= 0x3ff00000) { // |x| ≥ 1
                double t = expm1Large(2 * Math.abs(x));
                z = 1 - 2 / (t + 2);
            } else {
                double t = expm1Small(-2 * Math.abs(x));
                z = -t / (t + 2);
            }
        } else {
            z = 1; // fdlibm's 1 − 10⁻³⁰⁰, which rounds to 1
        }
        return high >= 0 ? z : -z;
    }

    /**
     * eʸ − 1 for 2 ≤ y &lt; 44 (tanh's |x| ≥ 1), where k = round(y / ln 2) is 3 … 63: fdlibm's expm1 for those y.
     */
    private static double expm1Large(double y) {
        int k = (int) (INV_LN2 * y + 0.5);
        double hi = y - k * LN2_HI, lo = k * LN2_LO;
        double r = hi - lo, c = (hi - r) - lo; // y = k·ln 2 + r − c, nearly exactly
        double hxs = 0.5 * r * r;
        double e = (r * (primary(r, hxs) - c) - c) - hxs; // r − e = expm1(r − c)
        double v;
        if (k > 56) { // 2ᵏ·(1 + expm1 r) − 1 = eʸ (the −1 is below the last bit of the result)
            return scale(1 - (e - r), k) - 1;
        } else if (k < 20) { // 2ᵏ·((1 − 2⁻ᵏ) + expm1 r)
            v = Double.longBitsToDouble((long) (0x3ff00000 - (0x200000 >> k)) << 32) - (e - r);
        } else { // 2ᵏ·((expm1 r − 2⁻ᵏ) + 1)
            v = r - (e + Double.longBitsToDouble((long) ((0x3ff - k) << 20) << 32));
            v += 1;
        }
        return scale(v, k);
    }

    /** eʸ − 1 for −2 &lt; y ≤ −2⁻⁵⁴ (tanh's 2⁻⁵⁵ ≤ |x| &lt; 1), where k is 0, −1, −2 or −3: fdlibm's expm1 for those y. */
    private static double expm1Small(double y) {
        int hy = high(y) & 0x7fffffff; // the high word of |y|
        if (hy <= 0x3fd62e42) { // |y| ≲ ln 2 / 2: k = 0, no reduction
            double hxs = 0.5 * y * y;
            return y - (y * primary(y, hxs) - hxs);
        }
        int k;
        double hi, lo;
        if (hy < 0x3ff0a2b2) { // |y| ≲ 1.5 ln 2: k = −1
            k = -1;
            hi = y + LN2_HI;
            lo = -LN2_LO;
        } else {
            k = (int) (INV_LN2 * y - 0.5);
            hi = y - k * LN2_HI;
            lo = k * LN2_LO;
        }
        double r = hi - lo, c = (hi - r) - lo;
        double hxs = 0.5 * r * r;
        double e = (r * (primary(r, hxs) - c) - c) - hxs;
        if (k == -1) { // (1 + expm1 r) / 2 − 1
            return 0.5 * (r - e) - 0.5;
        }
        return scale(1 - (e - r), k) - 1;
    }

    /**
     * fdlibm's E of expm1(r) = r − (r·E − r²/2) for |r| ≤ ln 2 / 2, with hxs = r²/2 (computed as (r/2)·r):
     * E = hxs·(R1 − t) / (6 − r·t), t = 3 − R1·r/2, R1 = 1 + Q1·hxs + … + Q5·hxs⁵.
     */
    private static double primary(double r, double hxs) {
        double hfx = 0.5 * r;
        double r1 = 1 + hxs * (Q1 + hxs * (Q2 + hxs * (Q3 + hxs * (Q4 + hxs * Q5))));
        double t = 3 - r1 * hfx;
        return hxs * ((r1 - t) / (6 - r * t));
    }

    /** v·2ᵏ by adding k to the exponent field (v is normal and stays normal here). */
    private static double scale(double v, int k) {
        return Double.longBitsToDouble(Double.doubleToRawLongBits(v) + ((long) k << 52));
    }

    private static int high(double x) {
        return (int) (Double.doubleToRawLongBits(x) >> 32);
    }
}
