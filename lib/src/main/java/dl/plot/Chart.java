package dl.plot;

import tech.tablesaw.plotly.components.Annotation;
import tech.tablesaw.plotly.components.Axis;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.components.threeD.Scene;
import tech.tablesaw.plotly.traces.Trace;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A Tablesaw {@link Figure} with what Tablesaw 0.44's {@link Layout} lacks: log axes with
 * 10ⁿ ticks, axis ranges, legend placement, annotations and arrows, equal or hidden axes, and
 * animation frames with a ▶ Play button and a slider. Start from any Tablesaw figure, or from
 * traces:
 * <pre>{@code
 * Chart.of(LinePlot.create("Loss", history.table(), "epoch", "train loss")).logY()
 * Chart.of("f(x) = x² − 4x + 6", "x", "f(x)", Traces.line("f", xs, ys), Traces.path("x_k", path))
 * }</pre>
 * A chart is a Tablesaw figure: it shows as a cell's last value or with {@link Plots#show}.
 */
public class Chart extends Figure {
    /** Default size of a chart made from traces: fits a 1280-px projector with JupyterLab's file browser open. */
    public static final int WIDTH = 760;
    public static final int HEIGHT = 460;

    private final Map<String, Object> layoutExtras = new LinkedHashMap<>();
    private final List<Map<String, Object>> annotations = new ArrayList<>();
    private final List<Frame> frames = new ArrayList<>();
    private int frameMillis = 500;
    private String sliderPrefix = "";

    private record Frame(String label, String title, Trace[] traces) {
    }

    Chart(Layout layout, Trace... traces) {
        super(layout, traces);
    }

    /** Wraps a figure made by Tablesaw's plot API (LinePlot, ScatterPlot, Heatmap, …). */
    public static Chart of(Figure figure) {
        Objects.requireNonNull(figure, "figure");
        if (figure instanceof Chart c) {
            return c;
        }
        return new Chart(figure.getLayout(), figure.getTraces());
    }

    /** A 2-D chart of the given traces with a title and axis labels. */
    public static Chart of(String title, String xLabel, String yLabel, Trace... traces) {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(xLabel, "xLabel");
        Objects.requireNonNull(yLabel, "yLabel");
        Layout layout = Layout.builder(title, xLabel, yLabel).width(WIDTH).height(HEIGHT).build();
        return new Chart(layout, checkTraces(traces));
    }

    /** A 3-D chart (a scene with three labelled axes) of the given traces. */
    public static Chart of3d(String title, String xLabel, String yLabel, String zLabel, Trace... traces) {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(zLabel, "zLabel");
        Scene scene = Scene.sceneBuilder()
                .xAxis(Axis.builder().title(xLabel).build())
                .yAxis(Axis.builder().title(yLabel).build())
                .zAxis(Axis.builder().title(zLabel).build()).build();
        Layout layout = Layout.builder(title).width(680).height(640).scene(scene).build();
        Chart chart = new Chart(layout, checkTraces(traces));
        // far enough out that the corners of the box and their tick labels stay inside the figure
        chart.set("scene.camera", Map.of("eye", Map.of("x", 1.75, "y", -1.75, "z", 1.1)));
        chart.set("scene.aspectmode", "cube");
        chart.set("margin", new LinkedHashMap<>(Map.of("l", 10, "r", 10, "t", 60, "b", 45)));
        return chart;
    }

    private static Trace[] checkTraces(Trace[] traces) {
        Objects.requireNonNull(traces, "traces");
        for (int i = 0; i < traces.length; i++) {
            if (traces[i] == null) {
                throw new IllegalArgumentException("trace " + i + " is null");
            }
        }
        return traces;
    }

    /** Adds traces on top of the existing ones. */
    public Chart add(Trace... traces) {
        checkTraces(traces);
        Trace[] old = getTraces() == null ? new Trace[0] : getTraces();
        Trace[] all = Arrays.copyOf(old, old.length + traces.length);
        System.arraycopy(traces, 0, all, old.length, traces.length);
        setTraces(all);
        return this;
    }

    /** Replaces the title. */
    public Chart title(String title) {
        return set("title", Map.of("text", Objects.requireNonNull(title, "title")));
    }

    /** Labels the x and y axes. */
    public Chart axes(String xLabel, String yLabel) {
        set("xaxis.title", Map.of("text", Objects.requireNonNull(xLabel, "xLabel")));
        return set("yaxis.title", Map.of("text", Objects.requireNonNull(yLabel, "yLabel")));
    }

    /** Fixes the x-axis range. */
    public Chart xRange(double min, double max) {
        return set("xaxis.range", range("xRange", min, max));
    }

    /** Fixes the y-axis range. */
    public Chart yRange(double min, double max) {
        return set("yaxis.range", range("yRange", min, max));
    }

    /** Fixes the z-axis range of a 3-D chart. */
    public Chart zRange(double min, double max) {
        return set("scene.zaxis.range", range("zRange", min, max));
    }

    /**
     * Places the camera of a 3-D chart: its eye at (x, y, z) in the scene's own units, where the drawn box spans
     * about −1 … 1 on each axis around its centre (0, 0, 0), looking at that centre. The nearer the eye, the larger
     * the box is drawn ({@link #of3d} stands at (1.75, −1.75, 1.1), {@link Figures#surface} at (0.9, −1.5, 1.9));
     * the direction decides which side of a surface faces the class, e.g. a valley's far slope.
     */
    public Chart camera(double x, double y, double z) {
        if (!Double.isFinite(x) || !Double.isFinite(y) || !Double.isFinite(z) || x == 0 && y == 0 && z == 0) {
            throw new IllegalArgumentException("camera: need a finite eye other than the centre (0, 0, 0), got ("
                    + x + ", " + y + ", " + z + ")");
        }
        return set("scene.camera", Map.of("eye", Map.of("x", x, "y", y, "z", z)));
    }

    private static List<Double> range(String what, double min, double max) {
        if (!Double.isFinite(min) || !Double.isFinite(max) || min >= max) {
            throw new IllegalArgumentException(what + ": need finite min < max, got min = " + min + ", max = " + max);
        }
        return List.of(min, max);
    }

    /** A logarithmic x axis with ticks 10⁻², 10⁻¹, 10⁰, … */
    public Chart logX() {
        set("xaxis.type", "log");
        return set("xaxis.exponentformat", "power");
    }

    /** A logarithmic y axis with ticks 10⁻², 10⁻¹, 10⁰, … */
    public Chart logY() {
        set("yaxis.type", "log");
        return set("yaxis.exponentformat", "power");
    }

    /**
     * Ticks of the log axes at powers of ten only, every {@code every}-th one (1: 10⁻³, 10⁻², 10⁻¹, 1, …;
     * 2: 10⁻⁴, 10⁻², 1, …), each written as a power: no 2× or 5× ticks between them, and no 0.001 or 0.01 next
     * to 10⁻⁴ (the figures' own log ticks write 0.002 … 3000 out). Call it after {@link #logX} or {@link #logY};
     * only the log axes change.
     */
    public Chart decadeTicks(int every) {
        if (every < 1) {
            throw new IllegalArgumentException("decadeTicks: every must be at least 1, got " + every);
        }
        boolean any = false;
        for (String axis : List.of("xaxis", "yaxis")) {
            if ("log".equals(layoutExtras.get(axis + ".type"))) {
                set(axis + ".dtick", every);
                set(axis + ".tick0", 0);
                any = true;
            }
        }
        if (!any) {
            throw new IllegalStateException("decadeTicks: the chart has no log axis; call logX() or logY() first");
        }
        return this;
    }

    /**
     * Ticks of the y axis at the given values only, each written as its label, e.g. a y axis that only sorts rows:
     * {@code yTicks(new double[] {0, 1}, "input", "hidden state")}.
     */
    public Chart yTicks(double[] values, String... labels) {
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(labels, "labels");
        if (values.length != labels.length || values.length == 0) {
            throw new IllegalArgumentException("yTicks: need as many labels as values (at least one), got "
                    + values.length + " values and " + labels.length + " labels");
        }
        List<Double> vs = new ArrayList<>();
        for (double v : values) {
            vs.add(finite("yTicks: a value", v));
        }
        for (int i = 0; i < labels.length; i++) {
            Objects.requireNonNull(labels[i], "labels[" + i + "]");
        }
        set("yaxis.tickvals", vs);
        return set("yaxis.ticktext", List.of(labels));
    }

    /**
     * No zero lines: Plotly draws x = 0 and y = 0 darker than the grid, which strikes through any text placed on
     * them (e.g. notes at t = 0 of a time axis). The grid lines stay.
     */
    public Chart noZeroLines() {
        set("xaxis.zeroline", false);
        return set("yaxis.zeroline", false);
    }

    /** Sets the size in pixels (both positive). */
    public Chart size(int width, int height) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("size: width and height must be positive, got " + width + " × " + height);
        }
        set("width", width);
        return set("height", height);
    }

    /** Places the legend (or hides it with {@link Legend#HIDDEN}). */
    public Chart legend(Legend placement) {
        Objects.requireNonNull(placement, "placement");
        if (placement == Legend.HIDDEN) {
            layoutExtras.remove("legend");
            return set("showlegend", false);
        }
        set("showlegend", true);
        return set("legend", placement.plotly());
    }

    /** One unit on the x axis is as long as one unit on the y axis (circles look round). */
    public Chart equalAxes() {
        return set("yaxis.scaleanchor", "x");
    }

    /** Hides both axes (ticks, grid, zero line), for images. */
    public Chart hideAxes() {
        for (String axis : List.of("xaxis", "yaxis")) {
            set(axis + ".visible", false);
            set(axis + ".showgrid", false);
            set(axis + ".zeroline", false);
        }
        return this;
    }

    /** Draws the y axis downwards (row 0 of an image at the top). */
    public Chart yDownwards() {
        return set("yaxis.autorange", "reversed");
    }

    /** A text note at data coordinates (x, y), without an arrow. */
    public Chart annotate(double x, double y, String text) {
        Map<String, Object> a = note(text);
        a.put("x", finite("annotate: x", x));
        a.put("y", finite("annotate: y", y));
        a.put("showarrow", false);
        a.put("bgcolor", "rgba(255,255,255,0.85)");
        annotations.add(a);
        return this;
    }

    /** An arrow from (fromX, fromY) to (toX, toY) in data coordinates, with the text at its tail. */
    public Chart arrow(double fromX, double fromY, double toX, double toY, String text) {
        Map<String, Object> a = note(text);
        a.put("x", finite("arrow: toX", toX));
        a.put("y", finite("arrow: toY", toY));
        a.put("ax", finite("arrow: fromX", fromX));
        a.put("ay", finite("arrow: fromY", fromY));
        a.put("xref", "x");
        a.put("yref", "y");
        a.put("axref", "x");
        a.put("ayref", "y");
        a.put("showarrow", true);
        a.put("arrowhead", 2);
        a.put("arrowsize", 1.3);
        a.put("arrowwidth", 2);
        a.put("bgcolor", "rgba(255,255,255,0.85)");
        annotations.add(a);
        return this;
    }

    /** Adds annotations built with Tablesaw's {@link Annotation} builder. */
    public Chart annotations(Annotation... notes) {
        for (Annotation n : notes) {
            Objects.requireNonNull(n, "annotation");
            String js = n.asJavascript();
            annotations.add(TablesawBridge.object(js, js.indexOf('{')));
        }
        return this;
    }

    private static Map<String, Object> note(String text) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("text", Objects.requireNonNull(text, "text"));
        a.put("font", Map.of("size", 14));
        return a;
    }

    private static double finite(String what, double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(what + " must be finite, got " + v);
        }
        return v;
    }

    /**
     * Adds an animation frame: while it shows, the chart's first traces are
     * replaced by these, in order. A ▶ Play / ❚❚ Pause pair and a slider over the frame labels are
     * added when the chart is shown.
     */
    public Chart frame(String label, Trace... traces) {
        return frame(label, null, traces);
    }

    /** As {@link #frame(String, Trace...)}, also changing the chart's title while the frame shows. */
    public Chart frame(String label, String title, Trace... traces) {
        Objects.requireNonNull(label, "label");
        checkTraces(traces);
        int have = getTraces() == null ? 0 : getTraces().length;
        if (traces.length > have) {
            throw new IllegalArgumentException("frame '" + label + "' has " + traces.length
                    + " traces but the chart has only " + have + "; give the chart its first state as traces");
        }
        frames.add(new Frame(label, title, traces.clone()));
        return this;
    }

    /** Milliseconds per frame when ▶ Play runs (default 500), and the slider label's prefix. */
    public Chart animation(int frameMillis, String sliderPrefix) {
        if (frameMillis <= 0) {
            throw new IllegalArgumentException("frameMillis must be positive, got " + frameMillis);
        }
        this.frameMillis = frameMillis;
        this.sliderPrefix = Objects.requireNonNull(sliderPrefix, "sliderPrefix");
        return this;
    }

    /** The number of animation frames. */
    public int frameCount() {
        return frames.size();
    }

    /** Sets a layout attribute Tablesaw does not model, by dotted path; for the library's helpers. */
    Chart set(String path, Object value) {
        layoutExtras.put(path, value);
        return this;
    }

    /** The chart as Plotly's {data, layout, frames?, config}. */
    public Map<String, Object> toPlotly() {
        return toPlotlyFigure().toPlotly();
    }

    PlotlyFigure toPlotlyFigure() {
        Map<String, Object> layout = TablesawBridge.layout(getLayout());
        layoutExtras.forEach((k, v) -> Json.putPath(layout, k, Json.deepCopy(v)));
        if (!annotations.isEmpty()) {
            List<Object> all = new ArrayList<>();
            if (layout.get("annotations") instanceof List<?> existing) {
                all.addAll(existing);
            }
            all.addAll(Json.deepCopy(annotations));
            layout.put("annotations", all);
        }
        List<Map<String, Object>> data = new ArrayList<>();
        Trace[] traces = getTraces() == null ? new Trace[0] : getTraces();
        for (int i = 0; i < traces.length; i++) {
            data.add(TablesawBridge.trace(traces[i], i));
        }
        thinPathLabels(data, layout);
        PlotlyFigure fig = PlotlyFigure.of(data, layout);
        for (Frame f : frames) {
            List<Map<String, Object>> frameData = new ArrayList<>();
            for (int i = 0; i < f.traces().length; i++) {
                frameData.add(TablesawBridge.trace(f.traces()[i], i));
            }
            thinPathLabels(frameData, layout);
            fig.rawFrame(f.label(), f.title(), frameData);
        }
        fig.animationSettings(frameMillis, sliderPrefix);
        return fig;
    }

    /**
     * Labels of {@link Traces#path} traces, thinned against the whole chart's x and y ranges (the
     * axis ranges if fixed, else the extent of all traces): a label is drawn only if it keeps clear
     * of every label drawn before it, so converging iterates do not pile up into a blob.
     */
    @SuppressWarnings("unchecked")
    private static void thinPathLabels(List<Map<String, Object>> data, Map<String, Object> layout) {
        double[] xr = axisRange(layout, "xaxis", data, "x");
        double[] yr = axisRange(layout, "yaxis", data, "y");
        for (Map<String, Object> t : data) {
            if (!(t.get(Traces.PATH_META) instanceof Boolean) || !(t.get("hovertext") instanceof List<?> all)
                    || !(t.get("x") instanceof List<?> xs) || !(t.get("y") instanceof List<?> ys)) {
                continue;
            }
            t.remove(Traces.PATH_META);
            List<String> labels = new ArrayList<>();
            for (Object o : all) labels.add(String.valueOf(o));
            double[] x = new double[xs.size()];
            double[] y = new double[ys.size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = xs.get(i) instanceof Number n ? n.doubleValue() : Double.NaN;
                y[i] = ys.get(i) instanceof Number n ? n.doubleValue() : Double.NaN;
            }
            if (x.length == labels.size() && y.length == labels.size()) {
                t.put("text", Traces.thinLabels(x, y, labels, xr[1] - xr[0], yr[1] - yr[0]));
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static double[] axisRange(Map<String, Object> layout, String axis, List<Map<String, Object>> data, String key) {
        if (layout.get(axis) instanceof Map<?, ?> a && a.get("range") instanceof List<?> r && r.size() == 2
                && r.get(0) instanceof Number lo && r.get(1) instanceof Number hi && !"log".equals(a.get("type"))) {
            return new double[]{lo.doubleValue(), hi.doubleValue()};
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Map<String, Object> t : data) {
            if (t.get(key) instanceof List<?> values) {
                for (Object v : values) {
                    if (v instanceof Number n && Double.isFinite(n.doubleValue())) {
                        min = Math.min(min, n.doubleValue());
                        max = Math.max(max, n.doubleValue());
                    }
                }
            }
        }
        return max > min ? new double[]{min, max} : new double[]{0, 1};
    }

    /** Tablesaw's own rendering (e.g. {@code Plot.show} in a browser) draws the chart with its extensions too. */
    @Override
    public String asJavascript(String divName) {
        Map<String, Object> plotly = toPlotly();
        return "<script>(function () { var fig = " + Json.write(plotly).replace("</", "<\\/") + ";\n"
                + "  var el = document.getElementById('" + divName + "');\n"
                + "  Plotly.newPlot(el, fig.data, fig.layout, fig.config).then(function () {\n"
                + "    if (fig.frames) { Plotly.addFrames(el, fig.frames); } });\n})();</script>";
    }

    @Override
    public String toString() {
        return toPlotlyFigure().toString().replace("PlotlyFigure(", "Chart(");
    }
}
