package dl.plot;

import dl.notebook.Notebook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/** The keyboard controls emitted beside an animated figure (issue 34): what the HTML carries, and where it goes. */
class AnimationControlsTest {

    @AfterEach
    void detach() {
        Notebook.detach();
        System.clearProperty("dl.plotly.js");
    }

    private static Chart race(String... frames) {
        double[] xs = {0, 1};
        Chart c = Chart.of("Race on x² + y²", "x", "y", Traces.line("SGD", xs, new double[]{1, 0}));
        for (String f : frames) {
            c.frame(f, Traces.line("SGD", xs, new double[]{0, 1}));
        }
        return c;
    }

    private static String figureId(Map<String, Object> bundle) {
        Matcher m = Pattern.compile("^<div id=\"([^\"]+)\" class=\"dl-plot\"").matcher((String) bundle.get("text/html"));
        assertTrue(m.find(), "the snippet starts with the figure's element");
        return m.group(1);
    }

    @Test
    void anAnimatedFigureGetsALabelledButtonAndRangeThatDriveIt() {
        Map<String, Object> figure = Plots.bundle(race("step 0", "step 1", "step 2").animation(300, "η = "));
        Map<String, Object> controls = Plots.controlsBundle(figure);
        assertNotNull(controls);
        assertEquals(List.of("text/html", "text/plain"), new ArrayList<>(controls.keySet()));
        String html = (String) controls.get("text/html");
        String id = figureId(figure);
        // a named group, kept out of JupyterLab's shortcuts, for the figure of the same output area or id
        assertTrue(html.startsWith("<div id=\"" + id + "-controls\" class=\"dl-anim\" role=\"group\" "
                + "data-lm-suppress-shortcuts=\"true\" aria-label=\"Animation controls: Race on x² + y²\"></div>"), html);
        assertTrue(html.contains("figureId = \"" + id + "\""), html);
        assertTrue(html.contains("closest('.jp-OutputArea-child')"), "JupyterLab: the next output's plot");
        // real controls: a button, a range input with a label for it, the frames in order, the frame time
        assertTrue(html.contains("createElement('button')") && html.contains("button.type = 'button'"), html);
        assertTrue(html.contains("range.type = 'range'") && html.contains("range.max = names.length - 1"), html);
        assertTrue(html.contains("label.htmlFor = range.id"), html);
        assertTrue(html.contains("var names = [\"step 0\",\"step 1\",\"step 2\"], prefix = \"η = \", ms = 300"), html);
        assertTrue(html.contains("aria-valuetext"), "a screen reader reads the frame's name, not its index");
        // they drive Plotly: Play runs the frames after the current one, the range shows one frame at once
        assertTrue(html.contains("window.Plotly.animate(gd, names.slice("), html);
        assertTrue(html.contains("frame: {duration: ms, redraw: true}, transition: {duration: 0}"), html);
        assertTrue(html.contains("range.addEventListener('input'"), html);
        assertTrue(html.contains("plotly_animatingframe"), "the range follows Plotly's own Play and slider");
        // reduced motion: no timed playback; the keys stay with the controls (a deck's Space, Lab's Enter)
        assertTrue(html.contains("matchMedia('(prefers-reduced-motion: reduce)')") && html.contains("'Next step'"), html);
        assertTrue(html.contains("if (reduce) { still((index + 1) % names.length); return; }"), html);
        assertTrue(html.contains("e.stopPropagation()"), html);
        assertTrue(html.contains(":focus-visible{outline:3px solid"), "a visible focus ring");
        assertEquals("Animation controls: Play and a slider over 3 frames (step 0 to step 2)", controls.get("text/plain"));
    }

    @Test
    void aStillFigureGetsNoControlsAndNoExtraOutput() {
        Chart still = race();
        assertNull(Plots.controlsBundle(Plots.bundle(still)));
        List<Map<String, Object>> shown = new ArrayList<>();
        Notebook.attach(shown::add, (id, b) -> { });
        Plots.show(still);
        Plots.displayBundle(still);
        assertEquals(3, shown.size(), "a shown still figure: its text and itself; a cell's last value: its text only");
        assertTrue(shown.stream().noneMatch(b -> String.valueOf(b.get("text/html")).contains("dl-anim")));
    }

    @Test
    void inANotebookTheControlsComeJustBeforeTheirFigure() {
        List<Map<String, Object>> shown = new ArrayList<>();
        Notebook.attach(shown::add, (id, b) -> { });
        Chart c = race("a", "b");
        Plots.show(c);
        assertEquals(3, shown.size());
        assertTrue(String.valueOf(shown.get(0).get("text/html")).startsWith("<div id=\"" + figureId(shown.get(2))
                + "-text\" class=\"dl-figure-text\""), "first the figure's text alternative");
        assertFalse(shown.get(1).containsKey(Plots.PLOTLY_MIME), "the controls' output is HTML only");
        assertTrue(shown.get(2).containsKey(Plots.PLOTLY_MIME), "then the figure");
        assertTrue(String.valueOf(shown.get(1).get("text/html")).contains("figureId = \"" + figureId(shown.get(2)) + "\""));
        // a figure as the cell's last value: the kernel sends the returned bundle after what was displayed
        Map<String, Object> last = Plots.displayBundle(c);
        assertEquals(5, shown.size());
        assertTrue(String.valueOf(shown.get(3).get("text/html")).contains("id=\"" + figureId(last) + "-text\""));
        assertTrue(String.valueOf(shown.get(4).get("text/html")).contains("figureId = \"" + figureId(last) + "\""));
        // outside a notebook, nothing is displayed
        Notebook.detach();
        assertNotNull(Plots.displayBundle(c).get(Plots.PLOTLY_MIME));
    }

    @Test
    void frameNamesCannotCloseTheScript() {
        String html = (String) Plots.controlsBundle(Plots.bundle(race("</script><b>", "b"))).get("text/html");
        assertFalse(html.contains("</script><b>"), html);
        assertTrue(html.contains("<\\/script><b>"), html);
        assertTrue(html.trim().endsWith("})();</script>") && html.indexOf("</script>") == html.lastIndexOf("</script>"));
    }

    @Test
    void aSavedPageCarriesTheControlsForItsFigure(@TempDir Path dir) throws IOException {
        Path js = dir.resolve("plotly.min.js");
        Files.writeString(js, "window.Plotly = {fake: true};");
        System.setProperty("dl.plotly.js", js.toString());
        String page = Plots.page(race("a", "b"));
        int text = page.indexOf("<div id=\"dl-plot-text\" class=\"dl-figure-text\"");
        int controls = page.indexOf("<div id=\"dl-plot-controls\" class=\"dl-anim\"");
        assertTrue(text > 0 && text < controls && controls < page.indexOf("<div id=\"dl-plot\" class=\"dl-plot\""), page);
        assertTrue(page.contains("figureId = \"dl-plot\""));
        assertFalse(Plots.page(race()).contains("dl-anim"), "a still figure has none");
    }

    @Test
    void theFrameTimeAndPrefixAreThoseOfPlotlysOwnControls() {
        Map<String, Object> plotly = ExtensionsTestSupport.shown(race("a", "b").animation(120, "step "));
        assertEquals(120, Animation.frameMillis(plotly));
        assertEquals("step ", Animation.sliderPrefix(plotly));
        assertEquals(List.of("a", "b"), Animation.frameNames(plotly));
        assertEquals(500, Animation.frameMillis(Map.of("layout", Map.of())), "Plotly's default when there is no Play");
        var e = assertThrows(IllegalArgumentException.class, () -> Plots.controlsBundle(Map.of("text/plain", "x")));
        assertTrue(e.getMessage().contains("Plots.bundle"), e.getMessage());
    }
}
