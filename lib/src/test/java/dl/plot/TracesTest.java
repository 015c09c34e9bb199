package dl.plot;

import dl.descent.GradientDescent;
import dl.descent.Path;
import dl.calculus.Examples;
import org.junit.jupiter.api.Test;
import tech.tablesaw.plotly.components.Figure;

import java.util.List;
import java.util.Map;

import static dl.plot.ExtensionsTestSupport.*;
import static org.junit.jupiter.api.Assertions.*;

class TracesTest {

    @Test
    void surfaceTraceIsATablesawTraceWrittenAsPlotlyJson() {
        double[] xs = {0, 1, 2};
        double[] ys = {0, 1};
        double[][] z = {{0, 1, 4}, {1, 2, 5}};
        SurfaceTrace s = SurfaceTrace.builder(xs, ys, z).name("f").colorScale(ColorScale.CIVIDIS).opacity(0.9).build();
        assertTrue(s.asJavascript(3).startsWith("var trace3 = {"));
        Map<String, Object> t = list(Plots.toPlotly(new Figure(s)).toPlotly(), "data").get(0);
        assertEquals("surface", t.get("type"));
        assertEquals("Cividis", t.get("colorscale"));
        assertEquals(0.9, t.get("opacity"));
        assertEquals(List.of(List.of(0.0, 1.0, 4.0), List.of(1.0, 2.0, 5.0)), t.get("z"));
        var e = assertThrows(IllegalArgumentException.class, () -> SurfaceTrace.builder(xs, new double[]{0}, z));
        assertTrue(e.getMessage().contains("2 rows") && e.getMessage().contains("1 values"), e.getMessage());
    }

    @Test
    void mismatchedLengthsNameBothArrays() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> Traces.line("f", new double[]{1, 2, 3}, new double[]{1, 2}));
        assertEquals("'f': xs has 3 values but ys has 2", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Traces.path("p", new double[]{1, 2}, new double[]{1, 2}, List.of("a")));
        assertTrue(e.getMessage().contains("labels has 1") && e.getMessage().contains("xs has 2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Traces.histogram("h", new double[]{1}, -3));
        assertTrue(e.getMessage().contains("-3"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Traces.image("img", new double[]{1, 2, 3}, 2, 2));
        assertTrue(e.getMessage().contains("3 pixels") && e.getMessage().contains("2 × 2"), e.getMessage());
        assertThrows(NullPointerException.class, () -> Traces.line("f", null, new double[]{1}));
    }

    @Test
    void pathLabelsDoNotPileUp() {
        int n = 21;
        double[] xs = new double[n];
        double[] ys = new double[n];
        for (int k = 0; k < n; k++) {                 // converging: the later points crowd together
            xs[k] = 2 + 2 * Math.pow(0.6, k);
            ys[k] = 2 + 4 * Math.pow(0.6, 2 * k);
        }
        List<String> labels = java.util.stream.IntStream.range(0, n).mapToObj(k -> "x" + k).toList();
        @SuppressWarnings("unchecked")
        List<String> shown = (List<String>) Traces.path("x_k", xs, ys, labels).toPlotly().get("text");
        assertEquals(n, shown.size());
        assertEquals(labels.subList(0, Traces.ALWAYS_LABELLED), shown.subList(0, Traces.ALWAYS_LABELLED));
        long drawn = shown.stream().filter(s -> !s.isEmpty()).count();
        assertTrue(drawn < n / 2, drawn + " of " + n + " labels drawn");
        // no two drawn labels closer than the separation rule
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (!shown.get(i).isEmpty() && !shown.get(j).isEmpty() && j >= Traces.ALWAYS_LABELLED) {
                    assertFalse(Math.abs(xs[i] - xs[j]) < 2.5 * 0.03 * 2 && Math.abs(ys[i] - ys[j]) < 2 * 0.03 * 4,
                            "labels " + i + " and " + j + " overlap");
                }
            }
        }
    }

    @Test
    void contourIsLinesWithLabelsAndAColourBar() {
        double[] xs = {0, 1};
        Map<String, Object> t = Traces.contour("f", xs, xs, new double[][]{{0, 1}, {1, 2}}).toPlotly();
        assertEquals("contour", t.get("type"));
        assertEquals("f", t.get("name"));
        assertEquals("lines", map(t, "contours").get("coloring"));
        assertEquals(true, map(t, "contours").get("showlabels"));
        assertEquals(List.of(0.0, 1.0), t.get("x"));
    }

    @Test
    void imageIsGreyWithoutColourBar() {
        Map<String, Object> t = Traces.image("digit", new double[]{0, 0.5, 1, 0.25}, 2, 2).toPlotly();
        assertEquals("heatmap", t.get("type"));
        assertEquals(false, t.get("showscale"));
        assertEquals(ColorScale.GREY_IMAGE.plotly(), t.get("colorscale"));
        assertEquals(List.of(List.of(0.0, 0.5), List.of(1.0, 0.25)), t.get("z"));
        assertEquals(0.0, t.get("zmin"));
        assertEquals(1.0, t.get("zmax"));
    }

    @Test
    void surfaceFigureLiftsThePathAboveTheSurface() {
        Path p = GradientDescent.minimize(new dl.surfaces.ElongatedBowl(1.0 / 3, 1, 2, 2), new double[]{-0.5, 4.5}, 0.1, 5);
        double[] xs = dl.calculus.Grid.linspace(-1, 5, 7);
        double[][] z = dl.calculus.Grid.evaluate(new dl.surfaces.ElongatedBowl(1.0 / 3, 1, 2, 2), xs, xs);
        Chart c = Figures.surface("bowl", "x", "y", "f", Traces.surface("f", xs, xs, z), p);
        List<Map<String, Object>> data = list(c.toPlotly(), "data");
        assertEquals("scatter3d", data.get(1).get("type"));
        @SuppressWarnings("unchecked")
        List<Double> zs = (List<Double>) data.get(1).get("z");
        double[] f = p.values();
        for (int k = 0; k < f.length; k++) {
            assertTrue(zs.get(k) > f[k], "point " + k + " drawn above the surface");
        }
        Map<String, Object> scene = map(map(c.toPlotly(), "layout"), "scene");
        assertEquals(Figures.SURFACE_EYE, map(scene, "camera").get("eye"));
        assertEquals("f", map(map(scene, "zaxis"), "title").get("text"));
        // every step in view: a see-through surface, a marker per step, the z axis below the lowest point
        assertEquals(Figures.SURFACE_OPACITY, data.get(0).get("opacity"));
        assertEquals(5, map(data.get(1), "marker").get("size"));
        assertTrue((String.valueOf(data.get(1).get("mode"))).contains("markers"));
        @SuppressWarnings("unchecked")
        List<Double> range = (List<Double>) map(scene, "zaxis").get("range");
        assertTrue(range.get(0) < 0 && range.get(1) > zs.stream().mapToDouble(Double::doubleValue).max().orElseThrow(),
                "the bowl's minimum is 0: the axis starts below it and ends above the path, got " + range);
        Chart own = Figures.surface("bowl", "x", "y", "f", SurfaceTrace.builder(xs, xs, z).opacity(0.5).build(), p);
        assertEquals(0.5, list(own.toPlotly(), "data").get(0).get("opacity"), "a surface's own opacity stays");
    }

    @Test
    void arrowsDrawShaftAndHeadWithGaps() {
        Map<String, Object> t = Traces.arrows("g", new double[]{0, 1}, new double[]{0, 1},
                new double[]{1, 0}, new double[]{0, 0}).toPlotly();
        @SuppressWarnings("unchecked")
        List<Object> x = (List<Object>) t.get("x");
        assertEquals(7, x.size(), "one arrow (the zero one draws nothing): shaft, gap, head, gap");
        assertEquals(0.0, x.get(0));
        assertEquals(1.0, x.get(1));
        assertNull(x.get(2));
    }
}
