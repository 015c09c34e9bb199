package dl.plot;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.api.LinePlot;

import java.util.Map;

import static dl.plot.ExtensionsTestSupport.*;
import static org.junit.jupiter.api.Assertions.*;

class StyleTest {
    private static final double[] XS = {0, 1};

    @Test
    void projectorFontsMarginsAndWidth() {
        Chart wide = Chart.of("t", "x", "y", Traces.line("a", XS, XS)).size(1400, 600);
        Map<String, Object> layout = map(shown(wide), "layout");
        assertEquals(Style.MAX_WIDTH, layout.get("width"));
        assertEquals(14, map(layout, "font").get("size"));
        assertTrue(map(layout, "font").get("family").toString().contains("Noto Sans CJK KR"), "Korean text has a font");
        assertEquals(17, map(map(layout, "title"), "font").get("size"));
        assertEquals(true, map(layout, "xaxis").get("automargin"));
        assertNotNull(map(layout, "margin").get("t"));
    }

    @Test
    void narrowPanelsGetFewerXTicksAndWideAxesKeepPlotlysChoice() {
        java.util.List<Chart> five = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            five.add(Chart.of("layer " + i, "activation", "fraction", Traces.line("a", XS, XS)));
        }
        Map<String, Object> grid = map(shown(Panels.grid("five narrow panels", 5, five)), "layout");
        assertEquals(0.5, map(grid, "xaxis").get("dtick"), "a ~150-px panel over [0, 1]: 0, 0.5, 1");
        assertNull(map(grid, "yaxis").get("dtick"), "y ticks are stacked, not crowded");
        Map<String, Object> wide = map(shown(Chart.of("t", "x", "y", Traces.line("a", XS, XS))), "layout");
        assertNull(map(wide, "xaxis").get("dtick"), "a full-width axis keeps Plotly's ticks");
        Map<String, Object> own = map(shown(Panels.grid("own ticks", 5, five.stream()
                .map(c -> c.set("xaxis.dtick", 0.25)).toList())), "layout");
        assertEquals(0.25, map(own, "xaxis").get("dtick"), "an axis with its own dtick keeps it");
    }

    @Test
    void narrowTickStepsLeaveRoomForTheLabels() {
        assertEquals(2, Style.narrowDtick(-4.4, 4.4, 205), "−4 −2 0 2 4, not 5 alone");
        assertEquals(1, Style.narrowDtick(-0.6, 1.6, 150), "0 1: −0.5 … 1.5 in halves would touch");
        assertEquals(0.5, Style.narrowDtick(-0.6, 1.6, 200), "−0.5 0 0.5 1 1.5 fit into 200 px");
        assertEquals(5, Style.narrowDtick(-1, 21, 205), "epochs 0 5 10 15 20");
        assertEquals(0.5, Style.narrowDtick(-0.05, 1.05, 110));
        assertEquals(0, Style.narrowDtick(0, 1, 20), "no room for two labels: Plotly decides");
        assertEquals(0, Style.narrowDtick(1, 1, 200), "an empty range");
    }

    @Test
    void tablesawDefaultSizeBecomesTheCourseSize() {
        Table t = Tables.of("t", "x", XS, "y", XS);
        Map<String, Object> layout = map(shown(LinePlot.create("line", t, "x", "y")), "layout");
        assertEquals(Chart.WIDTH, layout.get("width"));
        assertEquals(Chart.HEIGHT, layout.get("height"));
    }

    @Test
    void aLegendNextToAColourBarMovesBelow() {
        Chart c = Chart.of("contour", "x", "y", Traces.contour("f", XS, XS, new double[][]{{0, 1}, {1, 2}}),
                Traces.path("x_k", XS, XS, java.util.List.of("x0", "x1")));
        Map<String, Object> layout = map(shown(c), "layout");
        assertEquals("h", map(layout, "legend").get("orientation"));
        assertTrue(((Number) map(layout, "legend").get("y")).doubleValue() < 0);
        assertTrue(((Number) map(layout, "margin").get("b")).intValue() >= 110, "room below for the legend");
    }

    @Test
    void anExplicitLegendIsKeptAndTheInputIsNotChanged() {
        Chart c = Chart.of("t", "x", "y", Traces.contour("f", XS, XS, new double[][]{{0, 1}, {1, 2}}),
                Traces.line("a", XS, XS)).legend(Legend.TOP_LEFT);
        Map<String, Object> before = c.toPlotly();
        Map<String, Object> styled = Style.apply(before);
        assertEquals("v", map(map(styled, "layout"), "legend").get("orientation"));
        assertFalse(map(before, "layout").containsKey("font"), "Style.apply returns a copy");
    }
    @Test
    void logAxesGetTenToTheNTicksSpacedForTheirLength() {
        double[] hs = {1e-15, 1e-10, 1e-5, 1};
        Map<String, Object> wide = map(map(shown(Chart.of("e", "h", "err", Traces.line("a", hs, hs)).logX()), "layout"), "xaxis");
        java.util.List<?> vals = (java.util.List<?>) wide.get("tickvals");
        java.util.List<?> texts = (java.util.List<?>) wide.get("ticktext");
        assertTrue(vals.size() >= 4 && vals.size() <= 16, "15 decades on ~660 px: whole decades only, got " + vals);
        assertTrue(texts.contains("10" + Style.sup("−15")) || texts.contains("10" + Style.sup("−12"))
                || texts.contains("10" + Style.sup("−10")), texts.toString());
        assertTrue(texts.stream().noneMatch(t -> t.toString().contains("µ") || t.toString().equals("2")), texts.toString());

        double[] losses = {0.4, 0.9, 2.4};
        Map<String, Object> narrow = map(map(shown(Chart.of("l", "it", "loss", Traces.line("a", losses, losses)).logY()), "layout"), "yaxis");
        assertEquals(java.util.List.of("0.4", "0.5", "0.6", "0.8", "1", "2"), narrow.get("ticktext"),
                "under one decade on ~330 px: 1 2 3 4 5 6 8 mantissas in range");
    }

    @Test
    void logLabelsArePlainNearOneAndPowersElsewhere() {
        assertEquals("0.002", Style.logLabel(0.002));
        assertEquals("300", Style.logLabel(300));
        assertEquals("10" + Style.sup("−6"), Style.logLabel(1e-6), "Plotly's superscript: one font for all digits");
        assertEquals("2×10" + Style.sup("5"), Style.logLabel(2e5));
        assertEquals("10<sup><span style=\"font-size:120%\">5</span></sup>", Style.logLabel(1e5),
                "Plotly's superscript, raised from its 70 % to 84 % of the text's size");
        assertEquals(4.84, Style.characters(Style.logLabel(2e5)), 1e-9, "2×10 and one superscript digit");
        assertEquals("1", Style.logLabel(1));
    }

    @Test
    void aLineWithOneFinitePointGetsAMarker() {
        double[] one = {0.1, Double.NaN};
        Map<String, Object> fig = shown(Chart.of("t", "x", "y", Traces.line("diverged", XS, one), Traces.line("ok", XS, XS)));
        @SuppressWarnings("unchecked")
        java.util.List<Map<String, Object>> data = (java.util.List<Map<String, Object>>) fig.get("data");
        assertEquals("lines+markers", data.get(0).get("mode"));
        assertEquals("lines", data.get(1).get("mode"));
    }

    @Test
    void longCategoryLabelsAreAngled() {
        java.util.List<String> names = java.util.List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal",
                "Shirt", "Sneaker", "Bag", "Ankle boot");
        double[][] z = new double[10][10];
        Map<String, Object> layout = map(shown(Chart.of("c", "predicted", "true",
                Traces.heatmap("n", names, names, z, ColorScale.VIRIDIS)).size(500, 500)), "layout");
        assertEquals(-35, map(layout, "xaxis").get("tickangle"));
        Map<String, Object> shortOnes = map(shown(Chart.of("c", "p", "t",
                Traces.heatmap("n", java.util.List.of("a", "b"), java.util.List.of("a", "b"), new double[2][2], ColorScale.VIRIDIS))), "layout");
        assertNull(map(shortOnes, "xaxis").get("tickangle"));
    }
    @Test
    void anImageGridHasSquarePanelsAndNoEmptyBandBelow() {
        java.util.List<double[][]> images = java.util.Collections.nCopies(6, new double[][]{{0, 1}, {1, 0}});
        java.util.List<String> captions = java.util.List.of("a", "b", "c", "d", "e", "f");
        Map<String, Object> layout = map(shown(Figures.images("six", 6, images, captions)), "layout");
        assertEquals(15, map(layout, "margin").get("b"), "no legend, no x title: nothing needs room below");
        int height = ((Number) layout.get("height")).intValue();
        double side = (1 - 0.025 * 5) / 6 * (Style.MAX_WIDTH - 40);
        assertEquals(Math.round(side + 75 + 15), height, "one row: the plotting area is one panel's side tall");
        Map<String, Object> two = map(shown(Figures.images("twelve", 6, java.util.Collections.nCopies(12, images.get(0)),
                java.util.Collections.nCopies(12, "x"))), "layout");
        assertEquals(Math.round(2 * side + 28 + 75 + 15), ((Number) two.get("height")).intValue(), "two rows and a caption between");
    }

    @Test
    void aSingleImageIsWideEnoughForItsTitle() {
        String title = "Image 0 (a 2-D tensor, 28 × 28): Ankle boot";
        Map<String, Object> layout = map(shown(Figures.image(title, new double[][]{{0, 1}, {1, 0}})), "layout");
        assertTrue(((Number) layout.get("width")).intValue() >= title.length() * 8.5, layout.get("width").toString());
    }
    @Test
    void horizontalLogLabelsKeepTheirWidthApart() {
        double[] etas = {1e-6, 1e-2};
        Map<String, Object> x = map(map(shown(Chart.of("s", "η", "acc", Traces.markers("t", etas, new double[]{0, 1})).logX()), "layout"), "xaxis");
        @SuppressWarnings("unchecked")
        java.util.List<String> texts = (java.util.List<String>) x.get("ticktext");
        assertTrue(texts.stream().noneMatch(t -> t.startsWith("2×") || t.startsWith("5×")),
                "four decades on ~660 px: 1-2-5 labels (50 px apart, 59 px wide) would overlap: " + texts);
        assertTrue(texts.contains("10" + Style.sup("−6")) && texts.contains("0.01"), texts.toString());
    }

    @Test
    void superscriptsAndSubscriptsBecomeSupAndSubInEveryDrawnText() {
        assertEquals("x" + Style.sub("0") + " = 10" + Style.sup("−10"), Style.scripts("x₀ = 10⁻¹⁰"));
        assertEquals("log" + Style.sub("10") + " f, x" + Style.sup("2") + " − 4x", Style.scripts("log₁₀ f, x² − 4x"));
        assertEquals("no scripts", Style.scripts("no scripts"));
        assertEquals("x₀ = 10⁻¹⁰", Style.unscripts(Style.scripts("x₀ = 10⁻¹⁰")));
        Chart c = Chart.of("f(x) = x²", "x₁", "log₁₀ f", Traces.line("η₀ = 0.1", XS, XS),
                Traces.contour("f²", XS, XS, new double[][]{{0, 1}, {1, 2}}));
        Map<String, Object> fig = shown(c);
        Map<String, Object> layout = map(fig, "layout");
        assertEquals("f(x) = x" + Style.sup("2"), map(layout, "title").get("text"));
        assertEquals("x" + Style.sub("1"), map(map(layout, "xaxis"), "title").get("text"));
        assertEquals("log" + Style.sub("10") + " f", map(map(layout, "yaxis"), "title").get("text"));
        assertEquals("η" + Style.sub("0") + " = 0.1", list(fig, "data").get(0).get("name"));
        assertEquals("f" + Style.sup("2"), map(map(list(fig, "data").get(1), "colorbar"), "title").get("text"));
        assertEquals(shown(c), Style.apply(shown(c)), "styling twice changes nothing");
        assertTrue(Plots.accessibleName(fig).contains("f(x) = x²") && Plots.accessibleName(fig).contains("η₀ = 0.1"),
                "a screen reader reads the characters, not the tags: " + Plots.accessibleName(fig));
    }

    @Test
    void everyColourBarGetsATitleAlongTheBar() {
        double[][] z = {{0, 1}, {1, 2}};
        Map<String, Object> heat = list(shown(Chart.of("t", "x", "y",
                Traces.heatmap("count", XS, XS, z, ColorScale.VIRIDIS))), "data").get(0);
        Map<String, Object> title = map(map(heat, "colorbar"), "title");
        assertEquals("count", title.get("text"), "named after its series");
        assertEquals("right", title.get("side"));
        Map<String, Object> own = list(shown(Chart.of("t", "x", "y",
                Traces.contour("f", XS, XS, z).with("colorbar.title.text", "loss L"))), "data").get(0);
        assertEquals("loss L", map(map(own, "colorbar"), "title").get("text"), "a title of its own stays");
        Map<String, Object> hidden = list(shown(Chart.of("t", "x", "y", Traces.image("img", z))), "data").get(0);
        assertFalse(hidden.containsKey("colorbar") && map(hidden, "colorbar").containsKey("title"),
                "an image shows no colour bar, so it needs no title");
    }

    @Test
    void tickLabelsStandOffTheAxesSoTheyKeepApartAtTheCorner() {
        Map<String, Object> layout = map(shown(Chart.of("t", "x", "y", Traces.line("a", XS, XS))), "layout");
        assertEquals(Style.X_TICK_STANDOFF, map(layout, "xaxis").get("ticklabelstandoff"));
        assertEquals(Style.Y_TICK_STANDOFF, map(layout, "yaxis").get("ticklabelstandoff"));
    }
}
