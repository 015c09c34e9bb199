package dl.plot;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dl.plot.ExtensionsTestSupport.*;
import static org.junit.jupiter.api.Assertions.*;

class PanelsTest {
    private static Chart panel(String title, double slope) {
        double[] xs = {0, 1, 2};
        return Chart.of(title, "x", "y", Traces.line("f", xs, new double[]{0, slope, 2 * slope}),
                Traces.point("min", 1, slope)).yRange(0, 5).arrow(0, 0, 1, 1, "a");
    }

    @Test
    @SuppressWarnings("unchecked")
    void panelsGetTheirOwnAxesInAGrid() {
        Chart grid = Panels.grid("three slopes", 2, panel("η = 1", 1), panel("η = 2", 2), panel("η = 3", 3));
        Map<String, Object> fig = grid.toPlotly();
        Map<String, Object> layout = map(fig, "layout");
        List<Map<String, Object>> data = list(fig, "data");
        assertEquals(6, data.size());
        assertEquals("x", data.get(0).get("xaxis"));
        assertEquals("y2", data.get(2).get("yaxis"));
        assertEquals("x3", data.get(5).get("xaxis"));
        List<Double> d1 = (List<Double>) map(layout, "xaxis").get("domain");
        List<Double> d2 = (List<Double>) map(layout, "xaxis2").get("domain");
        assertTrue(d1.get(1) < d2.get(0), "columns side by side without overlap");
        List<Double> r1 = (List<Double>) map(layout, "yaxis").get("domain");
        List<Double> r3 = (List<Double>) map(layout, "yaxis3").get("domain");
        assertTrue(r3.get(1) < r1.get(0), "third panel in the second row");
        assertEquals(List.of(0.0, 5.0), map(layout, "yaxis2").get("range"), "each panel keeps its range");
        assertEquals("x", map(map(layout, "xaxis3"), "title").get("text"));
        assertEquals("three slopes", map(layout, "title").get("text"));
        List<Map<String, Object>> notes = list(layout, "annotations");
        assertTrue(notes.stream().anyMatch(n -> "η = 2".equals(n.get("text"))), "panel titles shown");
        assertTrue(notes.stream().anyMatch(n -> "x2".equals(n.get("xref")) && "x2".equals(n.get("axref"))),
                "a panel's arrow stays in its panel's coordinates");
        assertEquals(true, data.get(0).getOrDefault("showlegend", true));
        assertEquals(false, data.get(2).get("showlegend"), "a repeated legend entry is listed once");
    }

    @Test
    @SuppressWarnings("unchecked")
    void rowsAreTheSameDistanceApartInPixelsForAnyNumberOfRows() {
        for (int rows : new int[] {2, 4}) {
            List<Chart> panels = new java.util.ArrayList<>();
            for (int i = 0; i < 2 * rows; i++) {
                panels.add(panel("p" + i, 1));
            }
            Map<String, Object> layout = map(Style.apply(Panels.grid("grid", 2, panels).toPlotly()), "layout");   // as drawn
            double area = ((Number) layout.get("height")).doubleValue()
                    - ((Number) map(layout, "margin").get("t")).doubleValue()
                    - ((Number) map(layout, "margin").get("b")).doubleValue();
            List<Double> upper = (List<Double>) map(layout, "yaxis").get("domain");
            List<Double> lower = (List<Double>) map(layout, "yaxis3").get("domain");
            assertEquals(Panels.ROW_GAP, (upper.get(0) - lower.get(1)) * area, 0.5, rows + " rows: gap in pixels");
        }
    }

    @Test
    void badGridsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Panels.grid("t", 0, panel("a", 1)));
        assertThrows(IllegalArgumentException.class, () -> Panels.grid("t", 2));
        var e = assertThrows(IllegalArgumentException.class, () -> Figures.images("t", 4,
                List.<double[][]>of(new double[][]{{0}}), List.of("a", "b")));
        assertTrue(e.getMessage().contains("1 entries") && e.getMessage().contains("2"), e.getMessage());
    }

    @Test
    void imageGridHasOnePanelPerImageAndNoColourBars() {
        List<double[][]> imgs = List.<double[][]>of(new double[][]{{0, 1}}, new double[][]{{1, 0}}, new double[][]{{0.5, 0.5}});
        Map<String, Object> fig = Figures.images("three", 3, imgs, List.of("a", "b", "c")).toPlotly();
        List<Map<String, Object>> data = list(fig, "data");
        assertEquals(3, data.size());
        assertTrue(data.stream().allMatch(t -> Boolean.FALSE.equals(t.get("showscale"))));
        assertEquals("reversed", map(map(fig, "layout"), "yaxis3").get("autorange"));
        assertEquals("x3", map(map(fig, "layout"), "yaxis3").get("scaleanchor"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aNameKeepsItsColourInEveryPanelAndARowWritesItsYTitleOnce() {
        Palette.reset();
        // the colours come from the style step when the grid is shown: by legend group, the trace's name
        Map<String, Object> fig = Style.apply(Panels.grid("two panels", 2, panel("a", 1), panel("b", 2)).toPlotly());
        List<Map<String, Object>> data = list(fig, "data");
        Object first = map(data.get(0), "line").get("color");
        assertNotNull(first);
        assertEquals(first, map(data.get(2), "line").get("color"), "'f' has one colour in both panels");
        assertEquals("#ffffff", map(data.get(1), "marker").get("color"), "'min' is a landmark point: white, no series colour");
        Map<String, Object> layout = map(fig, "layout");
        assertEquals("y", map(map(layout, "yaxis"), "title").get("text"));
        assertNull(map(layout, "yaxis2").get("title"), "the second panel repeats 'y': dropped");
        assertEquals("x", map(map(layout, "xaxis2"), "title").get("text"), "x titles stay per column");
    }
    @Test
    void anXTitleIsWrittenOnceUnderEachColumn() {
        double[] xs = {0, 1};
        java.util.List<Chart> four = new java.util.ArrayList<>();
        for (int k = 0; k < 4; k++) four.add(Chart.of("p" + k, "time step t", "unit", Traces.line("a", xs, xs)));
        java.util.Map<String, Object> layout = ExtensionsTestSupport.map(Panels.grid("grid", 2, four).toPlotly(), "layout");
        assertNull(ExtensionsTestSupport.map(layout, "xaxis").get("title"), "top-left panel: its lower neighbour carries the title");
        assertNull(ExtensionsTestSupport.map(layout, "xaxis2").get("title"));
        assertNotNull(ExtensionsTestSupport.map(layout, "xaxis3").get("title"), "bottom row keeps it");
        assertNotNull(ExtensionsTestSupport.map(layout, "xaxis4").get("title"));
    }
}
