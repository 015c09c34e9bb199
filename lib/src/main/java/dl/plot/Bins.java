package dl.plot;

/**
 * The bins of a histogram: how many values fall into each of {@code bins} equal-width bins over
 * [lo, hi]. Bin k covers [lo + k·w, lo + (k+1)·w) with w = (hi − lo)/bins; the last bin also
 * includes hi. Values outside [lo, hi] (and NaN) are not put in any bin but counted in
 * {@link #outside()}.
 *
 * <pre>{@code
 * Bins h = Bins.of(activations, 30, 0, 1);
 * Traces.line("layer 1", h.centers(), h.fractions());
 * }</pre>
 *
 * @param lo      lower edge of the first bin
 * @param hi      upper edge of the last bin
 * @param counts  number of values in each bin
 * @param outside number of values outside [lo, hi] or NaN
 */
public record Bins(double lo, double hi, int[] counts, int outside) {

    public Bins {
        java.util.Objects.requireNonNull(counts, "counts");
        if (!(lo < hi) || !Double.isFinite(lo) || !Double.isFinite(hi)) {
            throw new IllegalArgumentException("Bins: the range must be finite with lo < hi, got [" + lo + ", " + hi + "]");
        }
        if (counts.length == 0) {
            throw new IllegalArgumentException("Bins: counts is empty; a histogram needs at least one bin");
        }
        for (int k = 0; k < counts.length; k++) {
            if (counts[k] < 0) {
                throw new IllegalArgumentException("Bins: counts[" + k + "] is " + counts[k] + "; a bin count must be ≥ 0");
            }
        }
        if (outside < 0) {
            throw new IllegalArgumentException("Bins: outside is " + outside + "; the count of values outside the range"
                    + " must be ≥ 0");
        }
    }

    /** Counts {@code values} into {@code bins} equal-width bins over [lo, hi]. */
    public static Bins of(double[] values, int bins, double lo, double hi) {
        java.util.Objects.requireNonNull(values, "values");
        if (bins <= 0) {
            throw new IllegalArgumentException("bins must be positive, got " + bins);
        }
        if (!(lo < hi) || Double.isInfinite(lo) || Double.isInfinite(hi)) {
            throw new IllegalArgumentException("the range must be finite with lo < hi, got [" + lo + ", " + hi + "]");
        }
        int[] counts = new int[bins];
        int outside = 0;
        double width = (hi - lo) / bins;
        for (double v : values) {
            if (!(v >= lo && v <= hi)) {
                outside++;
                continue;
            }
            int k = (int) ((v - lo) / width);
            counts[Math.min(k, bins - 1)]++;
        }
        return new Bins(lo, hi, counts, outside);
    }

    /** Number of bins. */
    public int bins() {
        return counts.length;
    }

    /** The centre of each bin. */
    public double[] centers() {
        double width = (hi - lo) / counts.length;
        double[] c = new double[counts.length];
        for (int k = 0; k < c.length; k++) {
            c[k] = lo + (k + 0.5) * width;
        }
        return c;
    }

    /** The count of each bin divided by the number of all values (inside or outside the range). */
    public double[] fractions() {
        int total = outside;
        for (int c : counts) {
            total += c;
        }
        double[] f = new double[counts.length];
        for (int k = 0; k < f.length && total > 0; k++) {
            f[k] = (double) counts[k] / total;
        }
        return f;
    }

    /** The counts as doubles, ready to plot. */
    public double[] countsAsDoubles() {
        double[] d = new double[counts.length];
        for (int k = 0; k < d.length; k++) {
            d[k] = counts[k];
        }
        return d;
    }

    /** The histogram as a Tablesaw table, one row per bin: bin centre, count, fraction of all values. */
    public tech.tablesaw.api.Table table() {
        return tech.tablesaw.api.Table.create("histogram",
                tech.tablesaw.api.DoubleColumn.create("bin centre", centers()),
                tech.tablesaw.api.IntColumn.create("count", counts),
                tech.tablesaw.api.DoubleColumn.create("fraction", fractions()));
    }
}
