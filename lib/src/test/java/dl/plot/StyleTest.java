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
}
