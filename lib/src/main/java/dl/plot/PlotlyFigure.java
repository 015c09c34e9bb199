package dl.plot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Plotly figure as plain data: a list of traces, a layout and optional animation
 * frames, ready to be shown with {@link Plots#show(Object)}.
 *
 * <p>Tablesaw builds line, scatter, bar, histogram, heatmap and contour plots; this class adds
 * what the lectures need beyond that — 3-D surfaces, paths drawn on them, and animations with a
 * play button and a slider — while reading like the figure it draws:
 * <pre>{@code
 * var fig = new PlotlyFigure("f(x) = x² − 4x + 6", "x", "f(x)")
 *         .line("f", xs, ys)
 *         .markers("gradient-descent path", path.xs(), path.values());
 * Plots.show(fig);
 * }</pre>
 * Non-finite numbers (NaN, ±∞) become gaps ({@code null}) so a diverging path still draws.
 */
public final class PlotlyFigure {
    private final List<Map<String, Object>> traces = new ArrayList<>();
    private final Map<String, Object> layout = new LinkedHashMap<>();
    private final List<Map<String, Object>> frames = new ArrayList<>();
    private int frameMillis = 500;
    private String sliderPrefix = "";

    /** An empty figure; set a title and axis labels with {@link #title} and {@link #axes}. */
    public PlotlyFigure() {
    }

    /** A figure with a title and x/y axis labels. */
    public PlotlyFigure(String title, String xLabel, String yLabel) {
        title(title);
        axes(xLabel, yLabel);
    }

    /** Sets the figure's title. */
    public PlotlyFigure title(String title) {
        layout.put("title", Map.of("text", title));
        return this;
    }

    /** Labels the x and y axes of a 2-D figure. */
    public PlotlyFigure axes(String xLabel, String yLabel) {
        section("xaxis").put("title", Map.of("text", xLabel));
        section("yaxis").put("title", Map.of("text", yLabel));
        return this;
    }

    /** Labels the three axes of a 3-D scene (surface plots). */
    public PlotlyFigure axes3d(String xLabel, String yLabel, String zLabel) {
        Map<String, Object> scene = section("scene");
        scene.put("xaxis", Map.of("title", Map.of("text", xLabel)));
        scene.put("yaxis", Map.of("title", Map.of("text", yLabel)));
        scene.put("zaxis", Map.of("title", Map.of("text", zLabel)));
        return this;
    }

    /** Fixes the x-axis range. */
    public PlotlyFigure xRange(double min, double max) {
        section("xaxis").put("range", List.of(min, max));
        return this;
    }

    /** Fixes the y-axis range. */
    public PlotlyFigure yRange(double min, double max) {
        section("yaxis").put("range", List.of(min, max));
        return this;
    }

    /** Draws the y axis on a logarithmic scale. */
    public PlotlyFigure logY() {
        section("yaxis").put("type", "log");
        return this;
    }

    /** Draws the x axis on a logarithmic scale. */
    public PlotlyFigure logX() {
        section("xaxis").put("type", "log");
        return this;
    }

    /**
     * Lays the legend out as a row below the plot, where it cannot cover the colour bar of a
     * contour or heat map drawn on the right. (A figure with a colour bar and no legend settings
     * gets this layout by default.)
     */
    public PlotlyFigure legendBelow() {
        section("legend").putAll(LEGEND_BELOW);
        return this;
    }

    private static final Map<String, Object> LEGEND_BELOW =
            Map.of("orientation", "h", "x", 0.0, "y", -0.15, "yanchor", "top");

    /** Sets the figure size in pixels. */
    public PlotlyFigure size(int width, int height) {
        layout.put("width", width);
        layout.put("height", height);
        return this;
    }

    /** A line y = f(x) through the points (xs[i], ys[i]). */
    public PlotlyFigure line(String name, double[] xs, double[] ys) {
        return add(xy("lines", name, xs, ys));
    }

    /** Points (xs[i], ys[i]) as markers. */
    public PlotlyFigure markers(String name, double[] xs, double[] ys) {
        return add(xy("markers", name, xs, ys));
    }

    /** Points joined by lines, each labelled with its text (e.g. x₀, x₁, …). */
    public PlotlyFigure path(String name, double[] xs, double[] ys, List<String> labels) {
        Map<String, Object> t = xy("lines+markers+text", name, xs, ys);
        t.put("text", labels);
        t.put("textposition", "top center");
        return add(t);
    }

    /** A 3-D surface z[i][j] = f(xs[j], ys[i]). */
    public PlotlyFigure surface(String name, double[] xs, double[] ys, double[][] z) {
        Map<String, Object> t = grid("surface", name, xs, ys, z);
        t.put("colorscale", "Viridis");
        return add(t);
    }

    /** Contour lines of z[i][j] = f(xs[j], ys[i]). */
    public PlotlyFigure contour(String name, double[] xs, double[] ys, double[][] z) {
        Map<String, Object> t = grid("contour", name, xs, ys, z);
        t.put("colorscale", "Viridis");
        return add(t);
    }

    /** A heat map of z[i][j] at (xs[j], ys[i]). */
    public PlotlyFigure heatmap(String name, double[] xs, double[] ys, double[][] z) {
        return add(grid("heatmap", name, xs, ys, z));
    }

    /** A path in 3-D (for example gradient-descent iterates drawn on a surface). */
    public PlotlyFigure path3d(String name, double[] xs, double[] ys, double[] zs) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("type", "scatter3d");
        t.put("mode", "lines+markers");
        t.put("name", name);
        t.put("x", Json.array(xs));
        t.put("y", Json.array(ys));
        t.put("z", Json.array(zs));
        return add(t);
    }

    /**
     * Arrows (a quiver plot) from (xs[i], ys[i]) to (xs[i] + us[i], ys[i] + vs[i]), each
     * with a small head, for a vector field such as −∇f on a grid. Drawn as one line trace whose
     * segments are separated by gaps; zero-length arrows draw nothing.
     */
    public PlotlyFigure arrows(String name, double[] xs, double[] ys, double[] us, double[] vs) {
        if (xs.length != ys.length || xs.length != us.length || xs.length != vs.length) {
            throw new IllegalArgumentException("'" + name + "': xs, ys, us, vs must have the same length, got "
                    + xs.length + ", " + ys.length + ", " + us.length + ", " + vs.length);
        }
        double[][] points = Traces.arrowPoints(xs, ys, us, vs);    // the gaps are NaN there, null in Plotly JSON
        List<Double> px = new ArrayList<>();
        List<Double> py = new ArrayList<>();
        for (int i = 0; i < points[0].length; i++) {
            px.add(Double.isFinite(points[0][i]) ? points[0][i] : null);
            py.add(Double.isFinite(points[1][i]) ? points[1][i] : null);
        }
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("type", "scatter");
        t.put("mode", "lines");
        t.put("name", name);
        t.put("x", px);
        t.put("y", py);
        t.put("line", Map.of("width", 1.2));
        return add(t);
    }

    /** A bar chart. */
    public PlotlyFigure bars(String name, List<String> categories, double[] values) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("type", "bar");
        t.put("name", name);
        t.put("x", categories);
        t.put("y", Json.array(values));
        return add(t);
    }

    /** A histogram of the values with the given number of bins. */
    public PlotlyFigure histogram(String name, double[] values, int bins) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("type", "histogram");
        t.put("name", name);
        t.put("x", Json.array(values));
        t.put("nbinsx", bins);
        return add(t);
    }

    /** Adds a trace given as raw Plotly attributes (an escape hatch for anything not covered above). */
    public PlotlyFigure add(Map<String, Object> trace) {
        traces.add(trace);
        return this;
    }

    /**
     * Adds an animation frame: when it plays, the figure's traces take the frame's traces, in
     * order. A play/pause button and a slider over the frames' labels are added automatically.
     *
     * @param label the slider label of this frame (for example "η = 0.1" or "step 7")
     * @param frame a figure whose traces replace this figure's traces at this frame
     */
    public PlotlyFigure frame(String label, PlotlyFigure frame) {
        if (frame.traces.size() > traces.size()) {
            throw new IllegalArgumentException("frame '" + label + "' has " + frame.traces.size()
                    + " traces but the figure has only " + traces.size() + "; add the figure's first state as traces");
        }
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("name", label);
        f.put("data", new ArrayList<>(frame.traces));
        if (frame.layout.containsKey("title")) {
            f.put("layout", Map.of("title", frame.layout.get("title")));
        }
        frames.add(f);
        return this;
    }

    /** Adds a frame of already-converted traces (used by {@link Chart}). */
    void rawFrame(String label, String title, List<Map<String, Object>> data) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("name", label);
        f.put("data", data);
        if (title != null) {
            f.put("layout", Map.of("title", Map.of("text", title)));
        }
        frames.add(f);
    }

    void animationSettings(int frameMillis, String sliderPrefix) {
        this.frameMillis = frameMillis;
        this.sliderPrefix = sliderPrefix;
    }

    /** The number of traces. */
    public int traceCount() {
        return traces.size();
    }

    /** The number of animation frames. */
    public int frameCount() {
        return frames.size();
    }

    /** The figure as Plotly's JSON structure {data, layout, frames?, config}. */
    public Map<String, Object> toPlotly() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("data", traces);
        Map<String, Object> lay = new LinkedHashMap<>(layout);
        if (!lay.containsKey("legend") && traces.stream().anyMatch(t -> t.containsKey("colorscale"))) {
            // a colour bar sits where the legend would be
            lay.put("legend", LEGEND_BELOW);
        }
        if (!frames.isEmpty()) {
            Animation.addControls(lay, frames, frameMillis, sliderPrefix);
            out.put("frames", frames);
        }
        out.put("layout", lay);
        out.put("config", Map.of("responsive", true, "displaylogo", false));
        return out;
    }

    /** Wraps an already-built Plotly structure (used by the Tablesaw bridge). */
    static PlotlyFigure of(List<Map<String, Object>> data, Map<String, Object> layout) {
        PlotlyFigure fig = new PlotlyFigure();
        fig.traces.addAll(data);
        fig.layout.putAll(layout);
        return fig;
    }

    /** The figure's title text, or "" if it has none. */
    public String titleText() {
        Object title = layout.get("title");
        if (title instanceof Map<?, ?> m && m.get("text") != null) {
            return String.valueOf(m.get("text"));
        }
        return "";
    }

    /** The text of an axis title ("xaxis", "yaxis"), or "" if it has none. */
    public String axisTitle(String axis) {
        Object a = layout.get(axis);
        if (a instanceof Map<?, ?> m && m.get("title") instanceof Map<?, ?> t && t.get("text") != null) {
            return String.valueOf(t.get("text"));
        }
        return "";
    }

    @Override
    public String toString() {
        String t = titleText();
        return "PlotlyFigure(" + (t.isEmpty() ? "untitled" : "'" + t + "'") + ", " + traces.size() + " traces"
                + (frames.isEmpty() ? "" : ", " + frames.size() + " frames") + ")";
    }

    private Map<String, Object> xy(String mode, String name, double[] xs, double[] ys) {
        if (xs.length != ys.length) {
            throw new IllegalArgumentException("'" + name + "': xs has " + xs.length + " values but ys has " + ys.length);
        }
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("type", "scatter");
        t.put("mode", mode);
        t.put("name", name);
        t.put("x", Json.array(xs));
        t.put("y", Json.array(ys));
        return t;
    }

    private static Map<String, Object> grid(String type, String name, double[] xs, double[] ys, double[][] z) {
        if (z.length != ys.length) {
            throw new IllegalArgumentException("'" + name + "': z has " + z.length + " rows but ys has " + ys.length
                    + " values (z[i][j] is the value at ys[i], xs[j])");
        }
        for (int i = 0; i < z.length; i++) {
            if (z[i].length != xs.length) {
                throw new IllegalArgumentException("'" + name + "': z row " + i + " has " + z[i].length
                        + " values but xs has " + xs.length);
            }
        }
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("type", type);
        t.put("name", name);
        t.put("x", Json.array(xs));
        t.put("y", Json.array(ys));
        t.put("z", Json.matrix(z));
        return t;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> section(String key) {
        Object existing = layout.get(key);
        if (existing instanceof Map<?, ?> m) {
            Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) m);
            layout.put(key, copy);
            return copy;
        }
        Map<String, Object> created = new LinkedHashMap<>();
        layout.put(key, created);
        return created;
    }
}
