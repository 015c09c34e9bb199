package dl.plot;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.api.LinePlot;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** A figure's text alternative (issue 34): its summary sentence from its data, its data table, its HTML. */
class FigureTextTest {

    private static double[] square(double[] xs) {
        double[] ys = new double[xs.length];
        for (int i = 0; i < xs.length; i++) ys[i] = xs[i] * xs[i] - 4 * xs[i] + 6;
        return ys;
    }

    @Test
    void aLineChartOfTwoSeriesSaysWhereEachStartsEndsAndTurns() {
        double[] epochs = {1, 2, 3, 4, 5};
        FigureText t = FigureText.of(Chart.of("Training loss", "epoch", "mean squared error",
                Traces.line("RNN", epochs, new double[]{1.0247, 0.5, 0.25, 0.3, 0.31234}),
                Traces.line("LSTM", epochs, new double[]{0.9, 1.2, 0.6, 0.2, 0.01})));
        assertEquals("mean squared error against epoch (1 to 5) — RNN falls from 1.025 to 0.3123 (lowest 0.25 at epoch 3);"
                + " LSTM falls from 0.9 to 0.01 (highest 1.2 at epoch 2).", t.summary());
        assertEquals("Data of the figure “Training loss”: " + t.summary(), t.line());
        Table table = t.table();
        assertEquals(List.of("series", "epoch", "mean squared error"), table.columnNames(), "long format, named by the axes");
        assertEquals(10, table.rowCount());
        assertEquals("LSTM", table.stringColumn("series").get(5));
        assertEquals(0.01, table.doubleColumn("mean squared error").get(9));
        assertEquals("Every point of every series.", t.sampling());
    }

    @Test
    void linesOverDifferentXSayTheirOwnEndsAndAPointSaysWhereItIs() {
        double[] xs = {-2, -1, 0, 1, 2, 3};
        FigureText t = FigureText.of(Chart.of("f(x) = x² − 4x + 6", "x", "f(x)",
                Traces.line("f", xs, square(xs)), Traces.point("minimum", 2, 2)));
        assertEquals("f(x) against x — f falls from 18 at x = −2 to 3 at x = 3 (lowest 2 at x = 2); minimum at (2, 2).",
                t.summary());
        FigureText rising = FigureText.of(Chart.of("Sigmoid", "input", "output",
                Traces.line("σ", new double[]{-5, 0, 5}, new double[]{1 / (1 + Math.exp(5)), 0.5, 1 / (1 + Math.exp(-5))})));
        assertEquals("output against input (−5 to 5) — σ rises from 0.006693 to 0.9933.", rising.summary());
    }

    @Test
    void panelsAreSaidInTurnAndACurveDrawnInEachOnce() {
        double[] xs = {0, 1, 2, 3, 4};
        List<Chart> panels = new ArrayList<>();
        for (double eta : new double[]{0.1, 0.5}) {
            panels.add(Chart.of("η = " + eta, "x", "f(x)", Traces.line("f", xs, square(xs)),
                    Traces.line("path", new double[]{4, 4 - 10 * eta}, new double[]{6, square(new double[]{4 - 10 * eta})[0]})));
        }
        FigureText t = FigureText.of(Panels.grid("Two learning rates", 2, panels));
        assertEquals("f(x) against x — in “η = 0.1”, f (in both panels) is 6 at x = 0 and at x = 4 (lowest 2 at x = 2);"
                        + " path falls from 6 at x = 4 to 3 at x = 3; in “η = 0.5”, path rises from 6 at x = 4 to 11 at x = −1.",
                t.summary());
        assertEquals(List.of("panel", "series", "x", "f(x)"), t.table().columnNames());
        assertEquals("η = 0.5", t.table().stringColumn("panel").get(t.table().rowCount() - 1));
        assertEquals(14, t.table().rowCount(), "every panel's series, the repeated curve too");
    }

    @Test
    void aHeatmapSaysTheRangeOfItsValuesOverTheAxes() {
        double[] xs = {-2, -1, 0, 1, 2}, ys = {-1, 0, 1, 2, 3};
        double[][] z = new double[5][5];
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 5; j++) z[i][j] = Math.pow(1 - xs[j], 2) + 100 * Math.pow(ys[i] - xs[j] * xs[j], 2);
        }
        FigureText heat = FigureText.of(Chart.of("Loss landscape", "w₁", "w₂", Traces.heatmap("loss", xs, ys, z, ColorScale.VIRIDIS)));
        assertEquals("loss ranges from 0 to 2509 over w₁ from −2 to 2 and w₂ from −1 to 3.", heat.summary());
        assertEquals(List.of("series", "w₁", "w₂", "loss"), heat.table().columnNames(), "the colour bar's title names z");
        assertEquals(25, heat.table().rowCount());
        assertEquals(2509.0, heat.table().doubleColumn("loss").get(0), "row by row: z[0][0] at (xs[0], ys[0])");
        assertEquals(1.0, heat.table().doubleColumn("w₁").get(8));
        assertEquals(0.0, heat.table().doubleColumn("w₂").get(8));
        // contours and surfaces say where the lowest value is: where descent heads
        FigureText contour = FigureText.of(Chart.of("Rosenbrock", "x", "y", Traces.contour("f(x, y)", xs, ys, z)));
        assertEquals("f(x, y) ranges from 0 at (1, 1) to 2509 over x from −2 to 2 and y from −1 to 3.", contour.summary());
        FigureText image = FigureText.of(Figures.image("A digit", new double[][]{{0, 0.5, 0.25}, {1, 0.2, 0}}));
        assertEquals("A digit is an image of 2 × 3 pixels, values from 0 to 1.", image.summary());
    }

    @Test
    void barsSayTheirLargestAndSmallest() {
        FigureText t = FigureText.of(Chart.of("Accuracy by optimizer", "optimizer", "test accuracy",
                Traces.bars("accuracy", List.of("SGD", "Momentum", "Adam"), new double[]{0.8123, 0.86, 0.9051})));
        assertEquals("test accuracy against optimizer — accuracy has 3 bars, the largest Adam (0.9051), the smallest SGD (0.8123).",
                t.summary());
        assertEquals("Momentum", t.table().stringColumn("optimizer").get(1), "category labels stay text");
    }

    @Test
    void gridsOfImagesAndOfHistogramBarsAreSaidPanelByPanel() {
        List<double[][]> images = List.of(new double[][]{{0, 1}, {0.5, 0.5}}, new double[][]{{0.2, 0.4}, {0.6, 0.8}});
        FigureText pictures = FigureText.of(Figures.images("Two digits", 2, images, List.of("#1: seven", "#2: one")));
        assertEquals("2 images of 2 × 2 pixels — #1: seven (values from 0 to 1); #2: one (values from 0.2 to 0.8).",
                pictures.summary());
        List<Chart> layers = new ArrayList<>();
        for (int l = 1; l <= 2; l++) {
            layers.add(Chart.of("layer " + l, "activation", "fraction", tech.tablesaw.plotly.traces.BarTrace.builder(
                    new Object[]{0.25, 0.5, 0.75}, l == 1 ? new double[]{0.1, 0.7, 0.2} : new double[]{0.4, 0.2, 0.4})
                    .name("layer " + l).build()));
        }
        FigureText bars = FigureText.of(Panels.grid("Activations per layer", 2, layers));
        assertEquals("fraction against activation — layer 1 has 3 bars, the largest 0.7 at activation 0.5, the smallest 0.1"
                + " at activation 0.25; layer 2 has 3 bars, the largest 0.4 (2 bars), the smallest 0.2 at activation 0.5.",
                bars.summary(), "a panel named like its one series is not named twice; bars over numbers say where");
        assertEquals(List.of("series", "activation", "fraction"), bars.table().columnNames());
    }

    @Test
    void aScatterSaysHowManyPointsAndTheirRanges() {
        double[] x = new double[50], y = new double[50];
        for (int i = 0; i < 50; i++) {
            x[i] = -1 + i * 0.04;
            y[i] = 3 - (i % 7) * 0.5;
        }
        FigureText t = FigureText.of(Chart.of("Two features", "feature 1", "feature 2", Traces.markers("class 0", x, y)));
        assertEquals("feature 2 against feature 1 — class 0 has 50 points, feature 1 from −1 to 0.96 and feature 2 from 0 to 3.",
                t.summary());
        FigureText hist = FigureText.of(Chart.of("Weights", "weight", "count", Traces.histogram("layer 1", x, 10)));
        assertEquals("layer 1 is a histogram of 50 weight values from −1 to 0.96.", hist.summary());
        assertEquals(List.of("series", "weight"), hist.table().columnNames(), "a histogram's values only: no empty y column");
    }

    @Test
    void samplingKeepsTheFirstAndLastPointAndSaysSo() {
        int n = 1000;
        double[] xs = Tables.range(1, n), ys = new double[n];
        for (int i = 0; i < n; i++) ys[i] = 1.0 / (i + 1);
        FigureText t = FigureText.of(Chart.of("Loss", "iteration", "loss", Traces.line("SGD", xs, ys),
                Traces.line("Adam", xs, ys)));
        Table table = t.table();
        assertEquals(80, table.rowCount(), "40 rows per series");
        DoubleColumn it = table.doubleColumn("iteration");
        assertEquals(1.0, it.get(0), "the first point");
        assertEquals(27.0, it.get(1), "then every 26th");
        assertEquals(1000.0, it.get(39), "and the last");
        assertEquals(1.0, it.get(40), "the next series from its first point");
        assertEquals("Sampled evenly, the first point kept: every 26th of 1\u00a0000 points and the last (each series).", t.sampling());
        FigureText one = FigureText.of(Chart.of("Loss", "iteration", "loss", Traces.line("SGD", xs, ys),
                Traces.point("start", 1, 1)));
        assertEquals("Sampled evenly, the first point kept: every 26th of 1\u00a0000 points and the last (SGD);"
                + " every point of the other series.", one.sampling());
        assertEquals(List.of(0, 2, 4), FigureText.sample(5, 3), "a step that ends on the last point");
        assertEquals(List.of(0, 1, 2), FigureText.sample(3, 40));
        assertEquals(40, FigureText.sample(1001, 40).size());
        assertTrue(t.html("f").contains("every 26th of 1\u00a0000 points"), "the note is in the HTML");
        // many series share the table's rows (at most 160), but each keeps at least 10
        List<tech.tablesaw.plotly.traces.Trace> many = new ArrayList<>();
        for (int k = 0; k < 8; k++) many.add(Traces.line("run " + k, xs, ys));
        FigureText eight = FigureText.of(Chart.of("Runs", "iteration", "loss", many.toArray(tech.tablesaw.plotly.traces.Trace[]::new)));
        assertEquals(8 * 20, eight.table().rowCount());
        assertTrue(eight.summary().endsWith("run 5 falls from 1 to 0.001; and 2 more series (in the table)."), eight.summary());
        assertFalse(eight.summary().contains("run 6"), "at most six series are named");
    }

    @Test
    void htmlIsADisclosureWithTheTableAndEscapesTheTitle() {
        FigureText t = FigureText.of(Chart.of("Loss & \"accuracy\" for x < 1 </script>", "epoch", "loss",
                Traces.line("p < q & r", new double[]{1, 2}, new double[]{2, 1})));
        assertEquals("Loss & \"accuracy\" for x < 1", t.title(), "a closing tag is markup, a lone < is text");
        String html = t.html("dl-plot-7-text");
        assertTrue(html.startsWith("<div id=\"dl-plot-7-text\" class=\"dl-figure-text\" style=\"font-size:14px;"), html);
        assertTrue(html.contains("<details><summary"), html);
        assertTrue(html.contains("<span>Data of the figure “Loss &amp; &quot;accuracy&quot; for x &lt; 1”:</span> "
                + "<span id=\"dl-plot-7-text-summary\">loss against epoch (1 to 2) — p &lt; q &amp; r falls from 2 to 1.</span></summary>"), html);
        assertFalse(html.contains("</script>") || html.contains("<script"), "no script: it works in an untrusted notebook");
        assertFalse(html.replaceAll("<style>[^<]*</style>", "").contains("{"), "no style rules it depends on: JupyterLab drops them");
        assertTrue(html.contains("<table class=\"dl-table\" style=\"font-size:14px;"), "text of 14 px, not JupyterLab's 13 px for tables");
        assertTrue(html.contains("<td>p &lt; q &amp; r</td>"), html);
        assertTrue(html.endsWith("</table>\n</div></details></div>"), html);
        assertFalse(html.contains("#666"), "grey text is #595959 (7 : 1 on white)");
        assertFalse(html.contains("more rows"), "every sampled row is shown");
    }

    @Test
    void missingValuesAndEmptySeriesAreNamedNeverHidden() {
        FigureText t = FigureText.of(Chart.of("Diverged", "epoch", "loss",
                Traces.line("η = 10", new double[]{1, 2, 3}, new double[]{Double.NaN, Double.POSITIVE_INFINITY, Double.NaN}),
                Traces.line("η = 0.1", new double[]{1, 2, 3, 4}, new double[]{1, 0.5, Double.NaN, 0.2})));
        assertEquals("loss against epoch (1 to 4) — η = 10 has no finite values (all 3 points are NaN or ±∞);"
                + " η = 0.1 falls from 1 to 0.2, with 1 of 4 points missing (NaN or ±∞, not drawn).", t.summary());
        assertEquals("η = 10", t.table().stringColumn("series").get(0), "Traces' note of the gaps is said once, in the summary");
        assertEquals("—", Tables.format(t.table().doubleColumn("loss").get(0)), "a missing value shows as —");
        assertFalse(Tables.text(t.table()).contains("NaN"), Tables.text(t.table()));
        PlotlyFigure empty = new PlotlyFigure("Nothing yet", "x", "y").line("a", new double[0], new double[0]);
        assertEquals("y against x — a has no points.", FigureText.of(empty).summary());
        assertEquals("the figure has no data.", FigureText.of(new PlotlyFigure("Blank", "x", "y")).summary());
        assertEquals("The figure has no data points.", FigureText.of(new PlotlyFigure("Blank", "x", "y")).sampling());
        FigureText bars = FigureText.of(new PlotlyFigure("Bars", "k", "v").bars("v", List.of("a", "b"), new double[]{Double.NaN, Double.NaN}));
        assertEquals("v against k — v has no finite values (all 2 bars are NaN or ±∞).", bars.summary());
    }

    @Test
    void aTablesawPlotAndAnAnimationAreSummarisedAsShown() {
        Table data = Table.create("t", DoubleColumn.create("epoch", new double[]{1, 2, 3}),
                DoubleColumn.create("loss", new double[]{3, 2, 1.5}));
        FigureText tablesaw = FigureText.of(LinePlot.create("Tablesaw", data, "epoch", "loss"));
        assertEquals("loss against epoch (1 to 3) — loss falls from 3 to 1.5.", tablesaw.summary(), "an unnamed series is its axis");
        double[] xs = {0, 1};
        Chart race = Chart.of("Race", "x", "y", Traces.line("SGD", xs, new double[]{1, 0}))
                .frame("step 0", Traces.line("SGD", xs, new double[]{1, 0}))
                .frame("step 1", Traces.line("SGD", xs, new double[]{0, 1}));
        assertEquals("y against x (0 to 1) — SGD falls from 1 to 0, in the first of 2 animation frames (step 0 to step 1).",
                FigureText.of(race).summary());
    }

    @Test
    void numbersHaveFourSignificantDigits() {
        assertEquals("0.3333", FigureText.num(1.0 / 3));
        assertEquals("1.235e-08", FigureText.num(1.23456e-8));
        assertEquals("−0.5", FigureText.num(-0.5));
        assertEquals("2509", FigureText.num(2509));
        assertEquals("1235", FigureText.num(1234.56));
        assertEquals("2.5e+07", FigureText.num(2.5e7));
        assertEquals("1\u00a0000", FigureText.count(1000));
    }
}
