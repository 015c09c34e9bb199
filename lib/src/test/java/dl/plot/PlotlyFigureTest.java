package dl.plot;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class PlotlyFigureTest {

    @SuppressWarnings("unchecked")
    private static Map<String, Object> trace(PlotlyFigure fig, int i) {
        return ((List<Map<String, Object>>) fig.toPlotly().get("data")).get(i);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> layout(PlotlyFigure fig) {
        return (Map<String, Object>) fig.toPlotly().get("layout");
    }

    @Test
    void titleAndAxisLabelsUsePlotly3TitleObjects() {
        var fig = new PlotlyFigure("Loss", "epoch", "loss");
        assertEquals(Map.of("text", "Loss"), layout(fig).get("title"));
        assertEquals(Map.of("text", "epoch"), ((Map<?, ?>) layout(fig).get("xaxis")).get("title"));
        assertEquals(Map.of("text", "loss"), ((Map<?, ?>) layout(fig).get("yaxis")).get("title"));
        assertEquals("Loss", fig.titleText());
        assertEquals("loss", fig.axisTitle("yaxis"));
    }

    @Test
    void axisSettingsAccumulateWithoutLosingTheTitle() {
        var fig = new PlotlyFigure("t", "x", "y").logY().yRange(-3, 1);
        Map<?, ?> y = (Map<?, ?>) layout(fig).get("yaxis");
        assertEquals("log", y.get("type"));
        assertEquals(List.of(-3.0, 1.0), y.get("range"));
        assertEquals(Map.of("text", "y"), y.get("title"));
    }

    @Test
    void nonFiniteNumbersBecomeGaps() {
        var fig = new PlotlyFigure("t", "x", "y").line("l", new double[]{1, 2, 3}, new double[]{1, Double.NaN, Double.POSITIVE_INFINITY});
        assertEquals(Arrays.asList(1.0, null, null), trace(fig, 0).get("y"));
    }

    @Test
    void lineNeedsEqualLengths() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new PlotlyFigure().line("gd", new double[3], new double[4]));
        assertEquals("'gd': xs has 3 values but ys has 4", e.getMessage());
    }

    @Test
    void gridTracesCheckTheirShape() {
        double[] xs = {0, 1, 2};
        double[] ys = {0, 1};
        var fig = new PlotlyFigure().surface("f", xs, ys, new double[][]{{0, 1, 2}, {3, 4, 5}});
        assertEquals("surface", trace(fig, 0).get("type"));
        assertEquals(List.of(List.of(0.0, 1.0, 2.0), List.of(3.0, 4.0, 5.0)), trace(fig, 0).get("z"));
        var e = assertThrows(IllegalArgumentException.class,
                () -> new PlotlyFigure().contour("f", xs, ys, new double[][]{{0, 1, 2}}));
        assertTrue(e.getMessage().contains("z has 1 rows but ys has 2 values"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new PlotlyFigure().heatmap("f", xs, ys, new double[][]{{0, 1, 2}, {3, 4}}));
        assertTrue(e.getMessage().contains("z row 1 has 2 values but xs has 3"), e.getMessage());
    }

    @Test
    void pathLabelsEachIterate() {
        var fig = new PlotlyFigure().path("gd", new double[]{4, 0}, new double[]{6, 6}, List.of("x₀", "x₁"));
        assertEquals("lines+markers+text", trace(fig, 0).get("mode"));
        assertEquals(List.of("x₀", "x₁"), trace(fig, 0).get("text"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void framesAddPlayButtonAndSlider() {
        double[] xs = {0, 1};
        var fig = new PlotlyFigure("race", "x", "y").line("a", xs, xs).line("b", xs, xs);
        fig.frame("step 1", new PlotlyFigure().line("a", xs, new double[]{1, 1}));
        fig.frame("step 2", new PlotlyFigure().line("a", xs, new double[]{2, 2}).line("b", xs, xs));
        Map<String, Object> plotly = fig.toPlotly();
        List<Map<String, Object>> frames = (List<Map<String, Object>>) plotly.get("frames");
        assertEquals(2, frames.size());
        assertEquals("step 2", frames.get(1).get("name"));
        Map<String, Object> layout = (Map<String, Object>) plotly.get("layout");
        List<Map<String, Object>> sliders = (List<Map<String, Object>>) layout.get("sliders");
        List<Map<String, Object>> steps = (List<Map<String, Object>>) sliders.get(0).get("steps");
        assertEquals(List.of("step 1", "step 2"), steps.stream().map(s -> s.get("label")).toList());
        List<Map<String, Object>> menus = (List<Map<String, Object>>) layout.get("updatemenus");
        List<Map<String, Object>> buttons = (List<Map<String, Object>>) menus.get(0).get("buttons");
        assertEquals("animate", buttons.get(0).get("method"));
        assertEquals(2, fig.frameCount());
    }

    @Test
    void aFrameCannotHaveMoreTracesThanTheFigure() {
        double[] xs = {0, 1};
        var fig = new PlotlyFigure().line("a", xs, xs);
        var e = assertThrows(IllegalArgumentException.class,
                () -> fig.frame("f", new PlotlyFigure().line("a", xs, xs).line("b", xs, xs)));
        assertTrue(e.getMessage().contains("frame 'f' has 2 traces but the figure has only 1"), e.getMessage());
    }

    @Test
    void withoutFramesThereAreNoAnimationControls() {
        var fig = new PlotlyFigure("t", "x", "y").line("a", new double[]{0}, new double[]{0});
        assertFalse(fig.toPlotly().containsKey("frames"));
        assertFalse(layout(fig).containsKey("sliders"));
    }
}
