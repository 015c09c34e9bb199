package dl.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import tech.tablesaw.plotly.components.Figure;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 29: nulls, empty image lists, impossible bin counts and values a figure leaves out, in the plotting helpers. */
class BadInputSecondPassTest {
    private static void assertMentions(Throwable e, String... parts) {
        for (String p : parts) {
            assertTrue(e.getMessage() != null && e.getMessage().contains(p), "expected '" + p + "' in: " + e.getMessage());
        }
    }

    private static final double[][] PIXELS = {{0, 1}, {1, 0}};

    @Test
    void figuresImagesRefusesNoImagesAndNamesNulls() {
        assertMentions(assertThrows(IllegalArgumentException.class, () -> Figures.images("none", 4, List.of(), List.of())),
                "Figures.images(\"none\")", "images is empty", "at least one image");
        assertMentions(assertThrows(NullPointerException.class,
                () -> Figures.images("t", 2, Arrays.<double[][]>asList(PIXELS, null), List.of("a", "b"))), "images[1]");
        assertMentions(assertThrows(NullPointerException.class,
                () -> Figures.images("t", 2, List.<double[][]>of(PIXELS), Arrays.asList((String) null))), "captions[0]");
        assertMentions(assertThrows(NullPointerException.class, () -> Figures.images(null, 2, List.<double[][]>of(PIXELS), List.of("a"))),
                "title");
        assertMentions(assertThrows(NullPointerException.class, () -> Figures.image("t", null)), "pixels");
        assertMentions(assertThrows(NullPointerException.class, () -> Figures.image(null, PIXELS)), "title");
        assertMentions(assertThrows(NullPointerException.class, () -> Figures.surface("t", "x", "y", "z", null)), "surface");
    }

    @Test
    void panelsNameANullPanelByItsIndex() {
        Chart a = Chart.of("a", "x", "y", Traces.line("a", new double[] {0, 1}, new double[] {0, 1}));
        assertMentions(assertThrows(NullPointerException.class, () -> Panels.grid("g", 2, a, null)), "panels[1]");
        assertMentions(assertThrows(NullPointerException.class, () -> Panels.grid("g", 2, (Figure[]) null)), "panels");
        assertMentions(assertThrows(NullPointerException.class, () -> Panels.grid(null, 2, a)), "title");
    }

    @Test
    void binsRefuseNegativeCountsAndImpossibleRanges() {
        assertMentions(assertThrows(IllegalArgumentException.class, () -> new Bins(0, 1, new int[] {3, -1}, 0)),
                "counts[1] is -1", "must be ≥ 0");
        assertMentions(assertThrows(IllegalArgumentException.class, () -> new Bins(0, 1, new int[] {3}, -2)),
                "outside is -2", "must be ≥ 0");
        assertMentions(assertThrows(IllegalArgumentException.class, () -> new Bins(Double.NaN, 1, new int[] {3}, 0)),
                "range must be finite", "NaN");
        assertMentions(assertThrows(IllegalArgumentException.class, () -> new Bins(0, 1, new int[0], 0)), "at least one bin");
        assertMentions(assertThrows(IllegalArgumentException.class, () -> Bins.of(new double[] {1}, -3, 0, 1)),
                "bins must be positive, got -3");
        assertMentions(assertThrows(IllegalArgumentException.class, () -> Traces.histogram("h", new double[] {1}, 0)),
                "'h'", "bins must be at least 1");
    }

    @Test
    void xAndYOfDifferentLengthsNameTheSeries() {
        assertMentions(assertThrows(IllegalArgumentException.class,
                () -> Traces.line("loss", new double[] {0, 1, 2}, new double[] {0, 1})), "'loss'", "xs has 3", "ys has 2");
        assertMentions(assertThrows(IllegalArgumentException.class,
                () -> Chart.of("c", "x", "y").xRange(Double.NaN, 1)), "xRange", "finite min < max");
    }

    @Test
    void aLogAxisOverOnlyZeroOrNegativeValuesIsRefusedNamingTheSeries() {
        Chart c = Chart.of("c", "x", "y", Traces.line("gap", new double[] {1, 2, 3}, new double[] {0, -1, -2})).logY();
        assertMentions(assertThrows(IllegalArgumentException.class, () -> Plots.bundle(c)),
                "y axis is logarithmic", "series 'gap'", "y[0] = 0.0", "without logY()");
        Chart x = Chart.of("c", "x", "y", Traces.line("neg", new double[] {-1, -2}, new double[] {1, 2})).logX();
        assertMentions(assertThrows(IllegalArgumentException.class, () -> Plots.bundle(x)), "x axis", "series 'neg'", "x[0] = -1.0");
        // zeros and NaN beside positive values stay gaps (a diverging curve still draws), and the legend says so
        String html = Plots.bundle(Chart.of("c", "x", "y",
                Traces.line("ok", new double[] {1, 2, 3, 4}, new double[] {0, Double.NaN, 5, -2})).logY()).get("text/html").toString();
        assertTrue(html.contains("ok (1 of 4 points NaN or ±∞, not drawn; 2 of 4 values ≤ 0, not drawn on the log y axis)"), html);
        String only = Plots.bundle(Chart.of("c", "x", "y", Traces.markers("m", new double[] {0, 1}, new double[] {1, 2})).logX())
                .get("text/html").toString();
        assertTrue(only.contains("m (1 of 2 values ≤ 0, not drawn on the log x axis)"), only);
    }

    @Test
    void aCurveSaysHowManyNaNOrInfinitePointsItLeavesOutAndKeepsItsColour() {
        double[] xs = {0, 1, 2, 3};
        assertEquals("loss (2 of 4 points NaN or ±∞, not drawn)",
                Traces.line("loss", xs, new double[] {1, Double.NaN, Double.POSITIVE_INFINITY, 0.5}).name());
        assertEquals("pts (1 of 4 points NaN or ±∞, not drawn)",
                Traces.markers("pts", new double[] {0, Double.NaN, 2, 3}, new double[] {1, 2, 3, 4}).name());
        assertEquals("clean", Traces.line("clean", xs, xs).name(), "no note without gaps");
        assertEquals(Palette.key("loss"), Palette.key("loss (2 of 4 points NaN or ±∞, not drawn)"));
        assertEquals(Palette.key("adam"), Palette.key("adam, η = 1.00 (3 of 9 points NaN or ±∞, not drawn)"));
    }

    @Test
    void anImageRefusesANonFinitePixelNamingItsRowAndColumn() {
        assertMentions(assertThrows(IllegalArgumentException.class,
                () -> Figures.image("digit", new double[][] {{0, 1}, {1, Double.POSITIVE_INFINITY}})),
                "'digit'", "pixel at row 1, column 1 is Infinity", "finite values");
        assertMentions(assertThrows(IllegalArgumentException.class,
                () -> Traces.image("nan", new double[][] {{Double.NaN}})), "'nan'", "row 0, column 0 is NaN");
        assertMentions(assertThrows(NullPointerException.class,
                () -> Traces.image("rows", new double[][] {{0, 1}, null})), "'rows'", "pixels row 1");
        assertMentions(assertThrows(IllegalArgumentException.class,
                () -> Traces.image("ragged", new double[][] {{0, 1}, {1}})), "'ragged'", "row 1 has 1 values");
    }

    @Test
    void aChartNamesANullTitleOrAxisLabel() {
        assertMentions(assertThrows(NullPointerException.class, () -> Chart.of(null, "x", "y")), "title");
        assertMentions(assertThrows(NullPointerException.class, () -> Chart.of("t", "x", null)), "yLabel");
        assertMentions(assertThrows(NullPointerException.class, () -> Chart.of3d("t", "x", "y", null)), "zLabel");
    }

    @Test
    void aHistogramSaysHowManyNonFiniteValuesItLeavesOut() {
        String json = Plots.bundle(Chart.of("c", "x", "count",
                Traces.histogram("weights", new double[] {0, 1, Double.NaN, Double.POSITIVE_INFINITY, 2}, 3))).get("text/html").toString();
        assertTrue(json.contains("weights (2 of 5 values NaN or ±∞, not drawn)"), json);
        String clean = Plots.bundle(Chart.of("c", "x", "count", Traces.histogram("weights", new double[] {0, 1, 2}, 3)))
                .get("text/html").toString();
        assertTrue(clean.contains("\"weights\"") && !clean.contains("not drawn"), clean);
    }
}
