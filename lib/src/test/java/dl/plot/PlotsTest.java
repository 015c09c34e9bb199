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

import static org.junit.jupiter.api.Assertions.*;

class PlotsTest {

    @AfterEach
    void detach() {
        Notebook.detach();
        System.clearProperty("dl.plotly.js");
    }

    private static PlotlyFigure figure() {
        return new PlotlyFigure("A </script> title", "x", "y").line("l", new double[]{0, 1}, new double[]{1, 0});
    }

    @Test
    void bundleHasPlotlyJsonHtmlAndText() {
        Map<String, Object> bundle = Plots.bundle(figure());
        assertEquals(List.of(Plots.PLOTLY_MIME, "text/html", "text/plain"), new ArrayList<>(bundle.keySet()));
        assertEquals(Style.apply(figure().toPlotly()), bundle.get(Plots.PLOTLY_MIME), "the bundle holds the styled figure");
        String html = (String) bundle.get("text/html");
        assertTrue(html.contains("Plotly.newPlot"), html);
        assertFalse(html.contains("</script> title"), "a closing tag inside the data must be escaped");
        assertTrue(html.contains("<\\/script> title"));
        assertEquals("PlotlyFigure('A </script> title', 1 traces)", bundle.get("text/plain"));
    }

    @Test
    void everyFigureHasAnAccessibleNameFromItsTitleAxesAndSeries() {
        Chart c = Chart.of("Loss <b>by</b> epoch & rate", "epoch", "loss",
                Traces.line("η = 0.1", new double[] {1, 2}, new double[] {3, 4}),
                Traces.line("η = 0.01", new double[] {1, 2}, new double[] {5, 6}));
        String html = (String) Plots.bundle(c).get("text/html");
        assertTrue(html.contains("role=\"figure\""), html);   // "figure", not "img": Plotly's buttons are focusable inside it
        assertTrue(html.contains("aria-label=\"Figure: Loss by epoch &amp; rate. Horizontal axis: epoch; vertical axis: loss."
                + " Series: η = 0.1, η = 0.01.\""), html);
        Map<String, Object> bare = new java.util.LinkedHashMap<>();
        bare.put("data", List.of());
        assertEquals("Figure.", Plots.accessibleName(bare));
    }

    @Test
    void inANotebookAFigureComesAfterItsTextAlternativeWhichDescribesIt() {
        List<Map<String, Object>> shown = new ArrayList<>();
        Notebook.attach(shown::add, (id, b) -> { });
        Chart c = Chart.of("Loss", "epoch", "loss", Traces.line("SGD", new double[]{1, 2}, new double[]{2, 1}));
        Plots.show(c);
        assertEquals(2, shown.size());
        String figure = (String) shown.get(1).get("text/html");
        String id = figure.substring("<div id=\"".length(), figure.indexOf('"', "<div id=\"".length()));
        String text = (String) shown.get(0).get("text/html");
        assertFalse(shown.get(0).containsKey(Plots.PLOTLY_MIME), "the text alternative is an output of its own");
        assertTrue(text.startsWith("<div id=\"" + id + "-text\" class=\"dl-figure-text\""), text);
        assertTrue(text.contains("<span id=\"" + id + "-text-summary\">loss against epoch (1 to 2) — SGD falls from 2 to 1.</span>"), text);
        assertTrue(figure.contains("role=\"figure\" aria-describedby=\"" + id + "-text-summary\""), figure);
        // as text, no numbers of the data (they may be measured times; printed text must not change between runs)
        assertEquals("Data of the figure “Loss” (a table of 2 rows)", shown.get(0).get("text/plain"));
        // the figure as a cell's last value: its text is displayed, the figure returned for the kernel to send after it
        Map<String, Object> last = Plots.displayBundle(c);
        assertEquals(3, shown.size());
        assertTrue(String.valueOf(shown.get(2).get("text/html")).contains("class=\"dl-figure-text\""));
        assertTrue(((String) last.get("text/html")).contains("aria-describedby="));
        assertFalse(((String) Plots.bundle(c).get("text/html")).contains("aria-describedby"), "Plots.bundle itself is as before");
        var e = assertThrows(IllegalArgumentException.class, () -> Plots.textBundle(Map.of("text/plain", "x")));
        assertTrue(e.getMessage().contains("Plots.bundle"), e.getMessage());
    }

    @Test
    void showOutsideANotebookExplainsWhatToDo() {
        var e = assertThrows(IllegalStateException.class, () -> Plots.show(figure()));
        assertTrue(e.getMessage().contains("Plots.save"), e.getMessage());
    }

    @Test
    void unknownObjectsAreRejectedByType() {
        var e = assertThrows(IllegalArgumentException.class, () -> Plots.show("not a figure"));
        assertTrue(e.getMessage().contains("java.lang.String"), e.getMessage());
    }

    @Test
    void shownFiguresCarryNoPlotlyJs(@TempDir Path dir) throws IOException {
        // plotly.js comes from JupyterLab's renderer or the exporter, never from the notebook's outputs
        Path js = dir.resolve("plotly.min.js");
        Files.writeString(js, "window.Plotly = {fake: true};");
        System.setProperty("dl.plotly.js", js.toString());
        List<Map<String, Object>> shown = new ArrayList<>();
        Notebook.attach(shown::add, (id, b) -> { });
        Plots.show(figure());
        Plots.show(figure());
        Map<String, Object> last = Plots.displayBundle(figure());
        assertEquals(5, shown.size(), "per shown figure its text and itself, no loader output");
        assertFalse(String.valueOf(last.get("text/html")).contains("window.Plotly = {fake: true}"));
        for (Map<String, Object> b : shown) {
            assertFalse(String.valueOf(b.get("text/html")).contains("window.Plotly = {fake: true}"));
            assertTrue(b.get(Notebook.DISPLAY_ID).toString().startsWith("dl-"));
        }
        assertEquals(2, shown.stream().filter(b -> b.containsKey(Plots.PLOTLY_MIME)).count());
    }

    @Test
    void savedPageInlinesPlotlyAndNeedsNoNetwork(@TempDir Path dir) throws IOException {
        Path js = dir.resolve("plotly.min.js");
        Files.writeString(js, "window.Plotly = {fake: true};");
        System.setProperty("dl.plotly.js", js.toString());
        String page = Files.readString(Plots.save(figure(), dir.resolve("f.html")));
        assertTrue(page.contains("window.Plotly = {fake: true};"));
        assertFalse(page.contains("http://") || page.contains("https://"), "no address to fetch anything from");
        assertTrue(page.contains("<title>A &lt;/script&gt; title</title>"));
        int text = page.indexOf("<div id=\"dl-plot-text\" class=\"dl-figure-text\"");
        assertTrue(text > 0 && text < page.indexOf("<div id=\"dl-plot\" class=\"dl-plot\" role=\"figure\" "
                + "aria-describedby=\"dl-plot-text-summary\""), "the page has the figure's text alternative before it");
    }

    @Test
    void missingPlotlyJsIsReportedWithTheSetting(@TempDir Path dir) {
        System.setProperty("dl.plotly.js", dir.resolve("absent.js").toString());
        var e = assertThrows(RuntimeException.class, () -> Plots.page(figure()));
        assertTrue(e.getMessage().contains("absent.js"), e.getMessage());
    }

    @Test
    void theHtmlSnippetWidensAPlotToAWidePageButNotImagesScenesOrDecks() {
        Map<String, Object> line = Style.apply(Chart.of("t", "x", "y", Traces.line("a", new double[]{0, 1},
                new double[]{0, 1})).toPlotly());
        assertTrue(Plots.stretches(line));
        String snippet = Plots.snippet(line, "p");
        assertTrue(snippet.contains("room > fig.layout.width") && snippet.contains("closest('.reveal')"), snippet);
        Map<String, Object> image = Style.apply(Figures.image("img", new double[][]{{0, 1}, {1, 0}}).toPlotly());
        assertFalse(Plots.stretches(image), "square pixels keep their size");
        assertFalse(Plots.snippet(image, "i").contains("room"));
        Map<String, Object> scene = Style.apply(Chart.of3d("s", "x", "y", "z",
                Traces.surface("f", new double[]{0, 1}, new double[]{0, 1}, new double[][]{{0, 1}, {1, 0}})).toPlotly());
        assertFalse(Plots.stretches(scene), "a 3-D scene keeps its size");
    }
}
