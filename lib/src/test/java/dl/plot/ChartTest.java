package dl.plot;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.api.LinePlot;
import tech.tablesaw.plotly.components.Annotation;
import tech.tablesaw.plotly.components.Figure;

import java.util.List;
import java.util.Map;

import static dl.plot.ExtensionsTestSupport.*;
import static org.junit.jupiter.api.Assertions.*;

class ChartTest {
    private static final double[] XS = {1, 2, 3};
    private static final double[] YS = {1, 4, 9};

    @Test
    void aChartIsATablesawFigureWithTitleAndAxisLabels() {
        Chart c = Chart.of("squares", "x", "x²", Traces.line("x²", XS, YS));
        assertInstanceOf(Figure.class, c);
        Map<String, Object> fig = c.toPlotly();
        Map<String, Object> layout = map(fig, "layout");
        assertEquals("squares", map(layout, "title").get("text"));
        assertEquals("x", map(map(layout, "xaxis"), "title").get("text"));
        assertEquals("x²", map(map(layout, "yaxis"), "title").get("text"));
        assertEquals(List.of(1.0, 4.0, 9.0), list(fig, "data").get(0).get("y"));
        assertEquals("lines", list(fig, "data").get(0).get("mode"));
    }

    @Test
    void logAxesGetPowerTicks() {
        Map<String, Object> layout = map(Chart.of("e", "h", "error", Traces.line("e", XS, YS)).logX().logY().toPlotly(), "layout");
        for (String axis : List.of("xaxis", "yaxis")) {
            assertEquals("log", map(layout, axis).get("type"));
            assertEquals("power", map(layout, axis).get("exponentformat"), axis + " ticks read 10ⁿ");
        }
    }

    @Test
    void theStyleStepGivesATablesawLogAxisPowerTicksToo() {
        var axis = tech.tablesaw.plotly.components.Axis.builder().title("h")
                .type(tech.tablesaw.plotly.components.Axis.Type.LOG).build();
        var layout = tech.tablesaw.plotly.components.Layout.builder("t").xAxis(axis).build();
        Figure f = new Figure(layout, Traces.line("e", XS, YS));
        assertEquals("power", map(map(shown(f), "layout"), "xaxis").get("exponentformat"));
    }

    @Test
    void wrapsATablesawPlotAndKeepsItsGroups() {
        Table t = Tables.curves("x", XS, "y", "curve", "b", YS, "a", new double[]{3, 2, 1});
        Chart c = Chart.of(LinePlot.create("two curves", t, "x", "y", "curve")).legend(Legend.TOP_LEFT).yRange(0, 10);
        Map<String, Object> fig = c.toPlotly();
        assertEquals(2, list(fig, "data").size());
        assertEquals(Map.of("text", "two curves"), Map.of("text", map(map(fig, "layout"), "title").get("text")));
        Map<String, Object> legend = map(map(fig, "layout"), "legend");
        assertEquals("left", legend.get("xanchor"));
        assertEquals(0.99, legend.get("y"));
        assertEquals(List.of(0.0, 10.0), map(map(fig, "layout"), "yaxis").get("range"));
    }

    @Test
    void arrowsAndNotesBecomeAnnotationsInDataCoordinates() {
        Chart c = Chart.of("t", "x", "y", Traces.line("l", XS, YS))
                .arrow(1, 1, 2, 4, "step")
                .annotate(3, 9, "end")
                .annotations(Annotation.builder().text("tablesaw note").x(2).y(2).build());
        List<Map<String, Object>> notes = list(map(c.toPlotly(), "layout"), "annotations");
        assertEquals(3, notes.size());
        Map<String, Object> arrow = notes.get(0);
        assertEquals(2.0, arrow.get("x"));
        assertEquals(4.0, arrow.get("y"));
        assertEquals(1.0, arrow.get("ax"));
        assertEquals(1.0, arrow.get("ay"));
        assertEquals("x", arrow.get("axref"));
        assertEquals(true, arrow.get("showarrow"));
        assertEquals(false, notes.get(1).get("showarrow"));
        assertEquals("tablesaw note", notes.get(2).get("text"));
    }

    @Test
    void badRangesAndSizesNameTheArgument() {
        Chart c = Chart.of("t", "x", "y", Traces.line("l", XS, YS));
        var e = assertThrows(IllegalArgumentException.class, () -> c.xRange(Double.NaN, 1));
        assertTrue(e.getMessage().contains("xRange") && e.getMessage().contains("NaN"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> c.yRange(2, 1));
        assertTrue(e.getMessage().contains("yRange"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> c.size(-5, 300));
        assertTrue(e.getMessage().contains("-5"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> c.arrow(0, 0, Double.NaN, 1, "a"));
    }

    @Test
    void hiddenLegendAndImageAxes() {
        Map<String, Object> layout = map(Figures.image("digit", new double[][]{{0, 1}, {1, 0}}).toPlotly(), "layout");
        assertEquals(false, layout.get("showlegend"));
        assertEquals(false, map(layout, "xaxis").get("visible"));
        assertEquals("reversed", map(layout, "yaxis").get("autorange"));
        assertEquals("x", map(layout, "yaxis").get("scaleanchor"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void pathLabelsAreThinnedAgainstTheWholeChart() {
        double[] xs = new double[7];
        double[] ys = new double[7];
        for (int k = 0; k < 7; k++) {          // η = 0.01: seven iterates within 0.25 of each other
            xs[k] = 4 - 0.04 * k;
            ys[k] = xs[k] * xs[k] - 4 * xs[k] + 6;
        }
        List<String> labels = List.of("x0", "x1", "x2", "x3", "x4", "x5", "x6");
        Chart c = Chart.of("t", "x", "f", Traces.line("f", new double[]{-1, 5}, new double[]{11, 11}),
                Traces.path("x_k", xs, ys, labels)).xRange(-1, 5).yRange(0, 12);
        Map<String, Object> path = list(shown(c), "data").get(1);
        List<String> text = (List<String>) path.get("text");
        assertEquals("x0", text.get(0));
        assertTrue(text.stream().filter(s -> !s.isEmpty()).count() <= 2, "crowded iterates are not all labelled: " + text);
        assertEquals(labels, path.get("hovertext"), "every label still shows on hover");
        assertFalse(path.containsKey(Traces.PATH_META), "the library's marker never reaches Plotly");
    }

    @Test
    void theCameraOfA3dChartCanBePlacedAndOverridesTheSurfaceDefault() {
        SurfaceTrace s = SurfaceTrace.builder(new double[]{0, 1}, new double[]{0, 1}, new double[][]{{0, 1}, {1, 0}})
                .name("f").build();
        Map<String, Object> scene = map(map(Figures.surface("t", "x", "y", "f", s).camera(-1.2, 1.4, 0.9).toPlotly(),
                "layout"), "scene");
        assertEquals(Map.of("x", -1.2, "y", 1.4, "z", 0.9), map(map(scene, "camera"), "eye"));
        assertEquals("cube", scene.get("aspectmode"), "the rest of the scene stays");
        Chart c = Chart.of3d("t", "x", "y", "z", s);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> c.camera(0, 0, 0)).getMessage().contains("camera"));
        assertThrows(IllegalArgumentException.class, () -> c.camera(Double.NaN, 1, 1));
    }
    @Test
    void decadeTicksPutTheLogAxesTicksAtPowersOfTenOnly() {
        Chart c = Chart.of("e", "h", "error", Traces.line("e", XS, YS)).logY().decadeTicks(2);
        Map<String, Object> y = map(map(shown(c), "layout"), "yaxis");
        assertEquals(2, y.get("dtick"), "every second power of ten");
        assertEquals(0, y.get("tick0"), "at 10⁰, 10², …, not shifted");
        assertEquals("power", y.get("exponentformat"), "each written 10ⁿ");
        assertFalse(y.containsKey("tickvals"), "the style step's own log ticks (0.002 … 3000 written out) stay off");
        assertFalse(map(map(shown(c), "layout"), "xaxis").containsKey("dtick"), "a linear axis keeps its ticks");
        Map<String, Object> both = map(Chart.of("e", "h", "error", Traces.line("e", XS, YS)).logX().logY()
                .decadeTicks(1).toPlotly(), "layout");
        assertEquals(1, map(both, "xaxis").get("dtick"));
        assertEquals(1, map(both, "yaxis").get("dtick"));
        Chart linear = Chart.of("e", "h", "error", Traces.line("e", XS, YS));
        assertTrue(assertThrows(IllegalStateException.class, () -> linear.decadeTicks(1)).getMessage().contains("logX"));
        assertThrows(IllegalArgumentException.class, () -> c.decadeTicks(0));
    }

    @Test
    void yTicksWriteChosenLabelsAtChosenValues() {
        Chart c = Chart.of("t", "time step t", "row", Traces.line("e", XS, YS)).yTicks(new double[]{0, 1}, "input", "state");
        Map<String, Object> y = map(map(shown(c), "layout"), "yaxis");
        assertEquals(List.of(0.0, 1.0), y.get("tickvals"));
        assertEquals(List.of("input", "state"), y.get("ticktext"));
        assertThrows(IllegalArgumentException.class, () -> c.yTicks(new double[]{0, 1}, "one"));
        assertThrows(IllegalArgumentException.class, () -> c.yTicks(new double[]{Double.NaN}, "nan"));
        assertThrows(IllegalArgumentException.class, () -> c.yTicks(new double[0]));
    }

    @Test
    void noZeroLinesHidesBothZeroLines() {
        Map<String, Object> layout = map(shown(Chart.of("t", "x", "y", Traces.line("e", XS, YS)).noZeroLines()), "layout");
        assertEquals(false, map(layout, "xaxis").get("zeroline"));
        assertEquals(false, map(layout, "yaxis").get("zeroline"));
    }
}
