package dl.plot;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dl.plot.ExtensionsTestSupport.*;
import static org.junit.jupiter.api.Assertions.*;

class AnimationFramesTest {
    private static Chart animated() {
        double[] xs = {0, 1, 2};
        Chart c = Chart.of("η = 0.1", "x", "f(x)", Traces.line("f", xs, new double[]{0, 1, 4}),
                Traces.markers("x_k", new double[]{2}, new double[]{4}));
        for (double eta : new double[]{0.1, 0.2, 0.3}) {
            c.frame("η = " + eta, "η = " + eta, Traces.line("f", xs, new double[]{0, 1, 4}),
                    Traces.markers("x_k", new double[]{2 - eta}, new double[]{4 - eta}));
        }
        return c;
    }

    @Test
    void framesHoldTablesawTracesInOrder() {
        Map<String, Object> fig = animated().toPlotly();
        List<Map<String, Object>> frames = list(fig, "frames");
        assertEquals(3, frames.size());
        assertEquals("η = 0.2", frames.get(1).get("name"));
        List<Map<String, Object>> data = list(frames.get(1), "data");
        assertEquals(2, data.size());
        assertEquals(List.of(1.8), data.get(1).get("x"));
        assertEquals("η = 0.2", map(map(frames.get(1), "layout"), "title").get("text"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void playReallyPlays() {
        Map<String, Object> layout = map(animated().toPlotly(), "layout");
        Map<String, Object> menu = list(layout, "updatemenus").get(0);
        List<Map<String, Object>> buttons = list(menu, "buttons");
        Map<String, Object> play = buttons.get(0);
        assertEquals("animate", play.get("method"));
        List<Object> args = (List<Object>) play.get("args");
        assertNull(args.get(0), "▶ passes null (all frames), not the pause idiom [null]");
        Map<String, Object> options = (Map<String, Object>) args.get(1);
        assertEquals(true, options.get("fromcurrent"));
        assertEquals("immediate", options.get("mode"));
        assertEquals(Map.of("duration", 500, "redraw", true), options.get("frame"));
        assertEquals(Map.of("duration", 0), options.get("transition"));
        List<Object> pause = (List<Object>) buttons.get(1).get("args");
        assertEquals(java.util.Arrays.asList((Object) null), pause.get(0), "❚❚ is Plotly's pause idiom [null]");
    }

    @Test
    void sliderHasAStepPerFrameAndItsLabelClearOfTheButtons() {
        Map<String, Object> layout = map(animated().animation(300, "η: ").toPlotly(), "layout");
        Map<String, Object> slider = list(layout, "sliders").get(0);
        assertEquals(3, list(slider, "steps").size());
        assertEquals("η = 0.3", list(slider, "steps").get(2).get("label"));
        double sliderLeft = ((Number) slider.get("x")).doubleValue();
        assertTrue(sliderLeft >= 0.2, "slider starts right of the buttons");
        assertEquals("right", map(slider, "currentvalue").get("xanchor"), "label at the slider's right end");
        assertEquals("η: ", map(slider, "currentvalue").get("prefix"));
        Map<String, Object> menu = list(layout, "updatemenus").get(0);
        assertEquals(0.0, menu.get("x"));
        @SuppressWarnings("unchecked")
        Map<String, Object> opts = (Map<String, Object>) ((List<Object>) list(menu, "buttons").get(0).get("args")).get(1);
        assertEquals(300, map(opts, "frame").get("duration"));
    }

    @Test
    void shownAnimationKeepsTheLegendOffTheControls() {
        Chart c = animated().legend(Legend.BELOW);
        Map<String, Object> legend = map(map(shown(c), "layout"), "legend");
        assertEquals("v", legend.get("orientation"));
        assertTrue(((Number) legend.get("x")).doubleValue() > 1, "legend to the right of the plot, not below it");
    }

    @Test
    void aFrameWithMoreTracesThanTheChartIsRefused() {
        Chart c = Chart.of("t", "x", "y", Traces.line("a", new double[]{1}, new double[]{1}));
        var e = assertThrows(IllegalArgumentException.class, () -> c.frame("f",
                Traces.line("a", new double[]{1}, new double[]{1}), Traces.line("b", new double[]{1}, new double[]{1})));
        assertTrue(e.getMessage().contains("2 traces") && e.getMessage().contains("only 1"), e.getMessage());
    }
}
