package dl.plot;

import dl.notebook.Notebook;
import org.unbescape.html.HtmlEscape;
import tech.tablesaw.plotly.components.Figure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shows figures (Tablesaw {@link Figure}s or {@link PlotlyFigure}s) inline in a notebook:
 * {@code Plots.show(figure)}. A figure that is a cell's last value shows by itself too.
 *
 * <p>Each figure is sent in two forms: Plotly's JSON MIME type, which JupyterLab draws with the
 * Plotly extension even in an untrusted notebook, and an HTML snippet with a script, which the
 * HTML export draws. The snippet expects {@code window.Plotly}: the course's exporter
 * (tools/run_notebooks.py, tools/course_site.py) puts the pinned plotly.js on every exported page, so a
 * saved notebook stays small and JupyterLab never loads plotly.js twice. {@link #page} and
 * {@link #save} inline the pinned plotly.js (the file named by {@code DL_PLOTLY_JS}) themselves,
 * so nothing is ever fetched from the network.
 */
public final class Plots {
    /** The MIME type JupyterLab's Plotly extension renders. */
    public static final String PLOTLY_MIME = "application/vnd.plotly.v1+json";

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static String plotlyJs;
    private static String plotlyJsLocation;

    private Plots() {
    }

    /**
     * Shows a Tablesaw {@link Figure} or a {@link PlotlyFigure} as an output of the running cell, after its text
     * alternative ({@link #textBundle}) and, for an animated figure, its keyboard controls ({@link #controlsBundle}).
     */
    public static void show(Object figure) {
        Map<String, Object> bundle = displayBundle(figure);
        Notebook.display(bundle);
    }

    /**
     * The MIME bundle for a figure (see {@link #bundle}); no plotly.js goes into the notebook, the
     * exporter provides it. The kernel's renderer calls this when a figure is a cell's last value. Inside a
     * notebook, the figure's text alternative ({@link #textBundle}: its summary and its data as a table) and an
     * animated figure's keyboard controls ({@link #controlsBundle}) are shown first, in that order, each as an
     * output of its own: JupyterLab draws the figure's output from its Plotly JSON alone, so they cannot be in it.
     * The figure's HTML snippet then names the summary as its description ({@code aria-describedby}).
     */
    public static Map<String, Object> displayBundle(Object figure) {
        Map<String, Object> bundle = bundle(toPlotly(figure));
        if (!Notebook.isAttached()) {
            return bundle;
        }
        Notebook.display(textBundleOrNote(bundle));
        Map<String, Object> controls = controlsBundle(bundle);
        if (controls != null) {
            Notebook.display(controls);
        }
        return describedBy(bundle, figureId(bundle) + "-text-summary");
    }

    /**
     * The text alternative of a figure's {@link #bundle} ({@link FigureText}): HTML, a {@code <div
     * class="dl-figure-text">} with id {@code <figure's id>-text} holding a {@code <details>} whose summary line is
     * "Data of the figure “title”: what it shows" and whose body is the figure's data as a table; as text, only
     * "Data of the figure “title” (a table of N rows)": the sentence's numbers come from the figure's data, which
     * may be measured times (lecture 09's loss against wall-clock time), and a notebook's printed text must be the
     * same in every run (tools/check_determinism.py compares it).
     */
    public static Map<String, Object> textBundle(Map<String, Object> figureBundle) {
        FigureText text = FigureText.ofPlotly(plotlyOf(figureBundle));
        Map<String, Object> bundle = new LinkedHashMap<>();
        bundle.put("text/html", text.html(figureId(figureBundle) + "-text"));
        bundle.put("text/plain", "Data of the figure" + (text.title().isEmpty() ? "" : " “" + text.title() + "”")
                + " (a table of " + text.table().rowCount() + " rows)");
        return bundle;
    }

    /**
     * The figure's text alternative; should it fail on a figure of a shape it does not know, a note that says so
     * (with no table: the figure test fails it), so that the figure itself still shows.
     */
    private static Map<String, Object> textBundleOrNote(Map<String, Object> figureBundle) {
        try {
            return textBundle(figureBundle);
        } catch (RuntimeException e) {
            String note = "Data of the figure: not summarised (" + e + ")";
            return Map.of("text/html", "<div id=\"" + figureId(figureBundle) + "-text\" class=\"dl-figure-text\" "
                    + "style=\"font-size:14px;\"><details><summary id=\"" + figureId(figureBundle) + "-text-summary\">"
                    + HtmlEscape.escapeHtml4Xml(note) + "</summary></details></div>", "text/plain", note);
        }
    }

    /** The figure's element id in its HTML snippet. */
    private static String figureId(Map<String, Object> figureBundle) {
        plotlyOf(figureBundle);
        String html = (String) figureBundle.get("text/html");
        Matcher id = Pattern.compile("^<div id=\"([^\"]+)\"").matcher(html);
        if (!id.find()) {
            throw new IllegalArgumentException("the figure's HTML snippet has no element id: " + html.substring(0, Math.min(80, html.length())));
        }
        return id.group(1);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> plotlyOf(Map<String, Object> figureBundle) {
        if (!(figureBundle.get(PLOTLY_MIME) instanceof Map<?, ?> p) || !(figureBundle.get("text/html") instanceof String)) {
            throw new IllegalArgumentException("not a figure's bundle (Plots.bundle): it needs " + PLOTLY_MIME + " and text/html");
        }
        return (Map<String, Object>) p;
    }

    /** A copy of a figure's bundle whose snippet is described by the element with the given id. */
    private static Map<String, Object> describedBy(Map<String, Object> figureBundle, String id) {
        Map<String, Object> out = new LinkedHashMap<>(figureBundle);
        out.put("text/html", ((String) figureBundle.get("text/html"))
                .replaceFirst(" role=\"figure\"", Matcher.quoteReplacement(" role=\"figure\" aria-describedby=\"" + id + "\"")));
        return out;
    }

    /** The MIME bundle of a figure: Plotly JSON, an HTML snippet and a text summary. */
    public static Map<String, Object> bundle(Object figure) {
        PlotlyFigure fig = toPlotly(figure);
        Map<String, Object> plotly = Style.apply(fig.toPlotly());
        Map<String, Object> bundle = new LinkedHashMap<>();
        bundle.put(PLOTLY_MIME, plotly);
        bundle.put("text/html", snippet(plotly, "dl-plot-" + COUNTER.incrementAndGet()));
        bundle.put("text/plain", fig.toString());
        return bundle;
    }

    /**
     * The keyboard controls of an animated figure's {@link #bundle} (null if it has no frames): HTML with a
     * ▶ Play / ❚❚ Pause button and a labelled range input over its frames, which drive the figure drawn by the
     * next output (see {@code Animation.controlsHtml}), and a text summary.
     */
    public static Map<String, Object> controlsBundle(Map<String, Object> figureBundle) {
        Map<String, Object> plotly = plotlyOf(figureBundle);
        String id = figureId(figureBundle);
        String controls = Animation.controlsHtml(plotly, id, accessibleName(plotly));
        if (controls == null) {
            return null;
        }
        List<String> names = Animation.frameNames(plotly);
        Map<String, Object> bundle = new LinkedHashMap<>();
        bundle.put("text/html", controls);
        bundle.put("text/plain", "Animation controls: Play and a slider over " + names.size() + " frames ("
                + names.get(0) + " to " + names.get(names.size() - 1) + ")");
        return bundle;
    }

    /** Converts a Tablesaw {@link Figure} (or returns a {@link PlotlyFigure} as it is). */
    public static PlotlyFigure toPlotly(Object figure) {
        if (figure instanceof PlotlyFigure p) {
            return p;
        }
        if (figure instanceof Chart c) {
            return c.toPlotlyFigure();
        }
        if (figure instanceof Figure f) {
            return TablesawBridge.convert(f);
        }
        throw new IllegalArgumentException("Plots can show a Tablesaw Figure or a dl.plot.PlotlyFigure, not "
                + (figure == null ? "null" : figure.getClass().getName()));
    }

    /** A self-contained HTML page of the figure, with plotly.js inlined: opens offline in any browser. */
    public static String page(Object figure) {
        PlotlyFigure fig = toPlotly(figure);
        String title = fig.titleText().isEmpty() ? "figure" : HtmlEscape.escapeHtml4Xml(fig.titleText());
        Map<String, Object> plotly = Style.apply(fig.toPlotly());
        String controls = Animation.controlsHtml(plotly, "dl-plot", accessibleName(plotly));
        Map<String, Object> shown = describedBy(Map.of(PLOTLY_MIME, plotly, "text/html", snippet(plotly, "dl-plot")),
                "dl-plot-text-summary");
        return "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + title + "</title>\n"
                + loaderHtml() + "\n</head><body>\n" + FigureText.ofPlotly(plotly).html("dl-plot-text") + "\n"
                + (controls == null ? "" : controls + "\n") + shown.get("text/html")
                + "\n</body></html>\n";
    }

    /** Writes {@link #page} to a file (for use outside a notebook). */
    public static Path save(Object figure, Path file) {
        try {
            Files.writeString(file, page(figure), StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write figure to " + file + ": " + e.getMessage(), e);
        }
    }

    static String snippet(Map<String, Object> plotly, String id) {
        String json = Json.write(plotly).replace("</", "<\\/");
        Object layout = plotly.get("layout");
        Object height = layout instanceof Map<?, ?> m && m.get("height") != null ? m.get("height") : 450;
        return "<div id=\"" + id + "\" class=\"dl-plot\" role=\"figure\" aria-label=\""
                + HtmlEscape.escapeHtml4Xml(accessibleName(plotly)) + "\" style=\"width:100%;height:" + height + "px;\"></div>\n"
                + "<script type=\"text/javascript\">(function () {\n"
                + "  var fig = " + json + ";\n"
                + "  var el = document.getElementById('" + id + "');\n"
                + "  if (!window.Plotly) { el.textContent = 'plotly.js is not loaded: run the notebook from the top'; return; }\n"
                + (stretches(plotly)
                   ? "  var room = Math.floor(el.getBoundingClientRect().width);\n"
                     + "  if (!el.closest('.reveal') && room > fig.layout.width) {\n"
                     + "    fig.layout = Object.assign({}, fig.layout, {width: Math.min(room, " + STRETCH_MAX + ")});\n"
                     + "  }\n"
                   : "")
                + "  window.Plotly.newPlot(el, fig.data, fig.layout, fig.config).then(function () {\n"
                + "    if (fig.frames) { window.Plotly.addFrames(el, fig.frames); }\n"
                + "  });\n"
                + "})();</script>";
    }

    /** The widest a figure is stretched to in a wide page (px): wider, a curve of 460 px height lies flat. */
    static final int STRETCH_MAX = 1400;

    /**
     * Whether the HTML snippet widens the figure to its output's width (up to {@link #STRETCH_MAX}; its height
     * stays): a 2-D figure whose width the library chose for JupyterLab's output area with the file browser
     * open (Style.MAX_WIDTH and below) leaves a wide page's output area empty on the right. Figures of square
     * pixels or equal axes (images, grids of images, a square drawn as a square) and 3-D scenes keep their size;
     * so do the slide decks (their own fitting scales every figure to the slide).
     */
    @SuppressWarnings("unchecked")
    static boolean stretches(Map<String, Object> plotly) {
        if (!(plotly.get("layout") instanceof Map<?, ?> l) || !(l.get("width") instanceof Number)) {
            return false;
        }
        Map<String, Object> layout = (Map<String, Object>) l;
        for (Map.Entry<String, Object> e : layout.entrySet()) {
            if (e.getKey().matches("scene\\d*")) {
                return false;
            }
            if (e.getKey().matches("[xy]axis\\d*") && e.getValue() instanceof Map<?, ?> axis
                    && (axis.containsKey("scaleanchor") || axis.containsKey("scaleratio"))) {
                return false;
            }
        }
        return true;
    }

    /**
     * What a screen reader announces for a figure (WCAG 1.1.1), read from the figure itself: "Figure: title.
     * Horizontal axis: …; vertical axis: …. Series: a, b, c." (the series names as the legend shows them).
     */
    static String accessibleName(Map<String, Object> plotly) {
        Object layout = plotly.get("layout");
        StringBuilder b = new StringBuilder("Figure");
        String title = text(layout, "title");
        b.append(title.isEmpty() ? "" : ": " + title).append('.');
        String x = text(child(layout, "xaxis"), "title"), y = text(child(layout, "yaxis"), "title");
        if (!x.isEmpty()) b.append(" Horizontal axis: ").append(x).append(y.isEmpty() ? "." : ";");
        if (!y.isEmpty()) b.append(x.isEmpty() ? " Vertical axis: " : " vertical axis: ").append(y).append('.');
        List<String> names = new ArrayList<>();
        if (plotly.get("data") instanceof List<?> traces) {
            for (Object t : traces) {
                if (t instanceof Map<?, ?> m && m.get("name") instanceof String n && !n.isBlank()
                        && !names.contains(Style.unscripts(n))) {
                    names.add(Style.unscripts(n));
                }
            }
        }
        if (!names.isEmpty()) b.append(" Series: ").append(String.join(", ", names)).append('.');
        return b.toString();
    }

    private static Object child(Object map, String key) {
        return map instanceof Map<?, ?> m ? m.get(key) : null;
    }

    /** A title that is a string or {text: …}, without HTML tags. */
    static String text(Object map, String key) {
        Object t = child(map, key);
        if (t instanceof Map<?, ?> m) t = m.get("text");
        return t instanceof String str ? Style.unscripts(str).replaceAll("</?[A-Za-z][^<>]*>", " ").replaceAll("\\s+", " ").trim() : "";
    }

    /**
     * A script tag (used by {@link #page}) that defines {@code window.Plotly} from the pinned plotly.js, hiding any AMD
     * loader (require.js) or CommonJS globals so the bundle always attaches itself to the window.
     */
    static String loaderHtml() {
        return "<script type=\"text/javascript\">if (!window.Plotly) { (function (define, module, exports) {\n"
                + plotlyJs().replace("</script", "<\\/script")
                + "\n}).call(window, undefined, undefined, undefined); }</script>";
    }

    private static synchronized String plotlyJs() {
        String location = System.getProperty("dl.plotly.js", System.getenv("DL_PLOTLY_JS"));
        if (location == null || location.isBlank()) {
            throw new IllegalStateException("plotly.js location unknown: the course kernel sets DL_PLOTLY_JS "
                    + "(reinstall it with ./course setup), or pass -Ddl.plotly.js=/path/to/plotly.min.js");
        }
        if (!location.equals(plotlyJsLocation)) {
            try {
                plotlyJs = Files.readString(Path.of(location), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read plotly.js from " + location + " (DL_PLOTLY_JS): " + e, e);
            }
            plotlyJsLocation = location;
        }
        return plotlyJs;
    }

}
