package dl.plot;

import dl.descent.Path;
import tech.tablesaw.plotly.components.Marker;
import tech.tablesaw.plotly.traces.BarTrace;
import tech.tablesaw.plotly.traces.ContourTrace;
import tech.tablesaw.plotly.traces.HeatmapTrace;
import tech.tablesaw.plotly.traces.HistogramTrace;
import tech.tablesaw.plotly.traces.Scatter3DTrace;
import tech.tablesaw.plotly.traces.ScatterTrace;
import tech.tablesaw.plotly.traces.Trace;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Short helpers that build Tablesaw traces (and the course's trace extensions) for the figures the
 * lectures draw: a curve, points, a labelled gradient-descent path, contours, an image, a surface
 * with a path on it, arrows. Combine them in a {@link Chart}:
 * <pre>{@code
 * Chart.of("Gradient descent on x² − 4x + 6", "x", "f(x)",
 *         Traces.line("f(x)", xs, f.values(xs)), Traces.path("x_k", path), Traces.point("minimum", 2, 2))
 * }</pre>
 * Every helper checks its input: arrays of different lengths, a grid whose rows do not match, a
 * negative count, each an {@link IllegalArgumentException} naming the argument.
 */
public final class Traces {
    /** How many points of a path are always labelled (x₀ … x₃); later labels only where there is room. */
    public static final int ALWAYS_LABELLED = 4;

    /** Marks a labelled path so that {@link Chart} thins its labels against the whole chart's ranges. */
    static final String PATH_META = "dlLabelledPath";

    private Traces() {
    }

    /**
     * A curve through (xs[i], ys[i]). A point with a NaN or ±∞ coordinate is a gap in the curve (a diverged run still
     * draws), and the series' name says how many: "loss (3 of 50 points NaN or ±∞, not drawn)".
     */
    public static ScatterTrace line(String name, double[] xs, double[] ys) {
        checkSameLength(name, "xs", xs, "ys", ys);
        return ScatterTrace.builder(xs, ys).name(withGaps(name, xs, ys)).mode(ScatterTrace.Mode.LINE).build();
    }

    /**
     * The name of a series with "(k of n points NaN or ±∞, not drawn)" when k of its n points have a non-finite
     * coordinate, else the name itself. ({@link Palette} colours the series by the name without this note.)
     */
    static String withGaps(String name, double[] xs, double[] ys) {
        int gaps = 0;
        for (int i = 0; i < xs.length; i++) {
            gaps += Double.isFinite(xs[i]) && Double.isFinite(ys[i]) ? 0 : 1;
        }
        return gaps == 0 ? name : notDrawn(name, gaps, xs.length, "points NaN or ±∞");
    }

    /** "name (k of n what, not drawn)": the note of values a figure leaves out. */
    static String notDrawn(String name, int k, int n, String what) {
        return name + " (" + k + " of " + n + " " + what + ", not drawn)";
    }

    /** A dashed curve (for a tangent or a reference line). */
    public static StyledTrace dashed(String name, double[] xs, double[] ys) {
        return StyledTrace.of(line(name, xs, ys)).with("line.dash", "dash");
    }

    /** Points (xs[i], ys[i]) as markers; one with a NaN or ±∞ coordinate is left out, and the name says how many. */
    public static ScatterTrace markers(String name, double[] xs, double[] ys) {
        checkSameLength(name, "xs", xs, "ys", ys);
        return ScatterTrace.builder(xs, ys).name(withGaps(name, xs, ys)).mode(ScatterTrace.Mode.MARKERS)
                .marker(Marker.builder().size(8).build()).build();
    }

    /**
     * One point, a landmark rather than a series (a minimum, a start point): a large white diamond with a dark
     * outline, so it takes none of the series' {@link Palette} colours.
     */
    public static StyledTrace point(String name, double x, double y) {
        ScatterTrace t = ScatterTrace.builder(new double[]{x}, new double[]{y}).name(name)
                .mode(ScatterTrace.Mode.MARKERS).build();
        return StyledTrace.of(t).with("marker", Map.of("size", 14, "symbol", "diamond", "color", "#ffffff",
                "line", Map.of("width", 2, "color", "#222")));
    }

    /**
     * A path of iterates joined by lines, labelled with its text (x₀, x₁, …). Labels do not pile up:
     * the first {@link #ALWAYS_LABELLED} are drawn, a later one only if it is clear of every label
     * drawn so far (3 % of the path's extent on either axis); the others show on hover.
     */
    public static StyledTrace path(String name, double[] xs, double[] ys, List<String> labels) {
        checkSameLength(name, "xs", xs, "ys", ys);
        Objects.requireNonNull(labels, "labels");
        if (labels.size() != xs.length) {
            throw new IllegalArgumentException("'" + name + "': labels has " + labels.size()
                    + " entries but xs has " + xs.length);
        }
        List<String> shown = thinLabels(xs, ys, labels, ALWAYS_LABELLED);
        ScatterTrace t = ScatterTrace.builder(xs, ys).name(withGaps(name, xs, ys)).mode(ScatterTrace.Mode.LINE_TEXT_AND_MARKERS)
                .text(shown.toArray(String[]::new)).build();
        return StyledTrace.of(t)
                .with("textposition", "top right")
                .with("textfont", Map.of("size", 14, "color", "#111"))
                .with("hovertext", labels)
                .with("hoverinfo", "text+x+y")
                .with("marker", Map.of("size", 8, "line", Map.of("width", 1, "color", "white")))
                .with("cliponaxis", false)
                .with(PATH_META, true);
    }

    /**
     * The path of gradient descent: in 1-D over (xₖ, f(xₖ)), in 2-D over (xₖ, yₖ) — draw that one on a
     * {@link #contour}.
     */
    public static StyledTrace path(String name, Path path) {
        Objects.requireNonNull(path, "path");
        if (path.dimension() == 1) {
            return path(name, path.xs(), path.values(), path.labels());
        }
        if (path.dimension() != 2) {
            throw new IllegalArgumentException("'" + name + "': a 1-D or 2-D path is needed, got dimension " + path.dimension());
        }
        return path(name, path.xs(), path.ys(), path.labels());
    }

    /** The label list with labels that would overlap an earlier one replaced by "". */
    static List<String> thinLabels(double[] xs, double[] ys, List<String> labels, int always) {
        return thinLabels(xs, ys, labels, always, extent(xs), extent(ys));
    }

    /** Thinned against a chart's x and y extents: only x₀ is always labelled, the others where clear. */
    static List<String> thinLabels(double[] xs, double[] ys, List<String> labels, double xExtent, double yExtent) {
        return thinLabels(xs, ys, labels, 1, xExtent * 1.6, yExtent * 1.6);
    }

    private static List<String> thinLabels(double[] xs, double[] ys, List<String> labels, int always,
                                           double xExtent, double yExtent) {
        double dx = xExtent * 0.03;
        double dy = yExtent * 0.03;
        List<String> out = new ArrayList<>(Collections.nCopies(labels.size(), ""));
        List<Integer> drawn = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            if (!Double.isFinite(xs[i]) || !Double.isFinite(ys[i])) {
                continue;
            }
            boolean clear = true;
            for (int j : drawn) {
                if (Math.abs(xs[i] - xs[j]) < 2.5 * dx && Math.abs(ys[i] - ys[j]) < 2 * dy) {
                    clear = false;
                    break;
                }
            }
            if (i < always || clear) {
                out.set(i, labels.get(i));
                drawn.add(i);
            }
        }
        return out;
    }

    private static double extent(double[] v) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            if (Double.isFinite(x)) {
                min = Math.min(min, x);
                max = Math.max(max, x);
            }
        }
        return max > min ? max - min : 1;
    }

    /**
     * Contour lines (등고선) of z[i][j] = f(xs[j], ys[i]): coloured lines with their levels written
     * on them and a colour bar, on a white background, so a path drawn on top stays readable.
     */
    public static StyledTrace contour(String name, double[] xs, double[] ys, double[][] z) {
        checkGrid(name, xs, ys, z);
        ContourTrace t = ContourTrace.builder(boxed(xs), boxed(ys), z).build();
        return StyledTrace.of(t).with("name", name)
                .with("colorscale", ColorScale.VIRIDIS.plotly())
                .with("contours", Map.of("coloring", "lines", "showlabels", true,
                        "labelfont", Map.of("size", 14, "color", "#444")))
                .with("line", Map.of("width", 1.6))
                .with("ncontours", 18)
                .with("colorbar", Map.of("title", Map.of("text", name), "len", 0.8, "thickness", 14));
    }

    /** Contour lines of a sampled surface (see {@link dl.calculus.Grid}). */
    public static StyledTrace contour(String name, dl.calculus.Grid grid) {
        Objects.requireNonNull(grid, "grid");
        return contour(name, grid.xs(), grid.ys(), grid.z());
    }

    /**
     * Contour lines at levels evenly spaced in log₁₀ f, two per decade (log₁₀ f = −1, −0.5, 0, 0.5, …: f = 0.1,
     * 0.32, 1, 3.2, …), from {@code lowest} (rounded to the nearest half decade) up, for a surface whose values
     * span decades, like Rosenbrock's valley. Evenly spaced levels there crowd the steep walls and break the
     * flat valley floor into a chain of small loops that look like many minima. The lines are drawn on
     * log₁₀ f (values below the lowest level count as half a decade below it, so that the lowest line follows f
     * where it crosses that level instead of tracing the edge of a flat plateau cell by cell; four decimals are
     * enough to draw them) and labelled with it; the colour bar says so.
     */
    public static StyledTrace logContour(String name, dl.calculus.Grid grid, double lowest) {
        Objects.requireNonNull(grid, "grid");
        if (!(lowest > 0) || !Double.isFinite(lowest)) {
            throw new IllegalArgumentException("logContour(\"" + name + "\"): the lowest level must be a finite "
                    + "positive number, got " + lowest);
        }
        double start = Math.round(2 * Math.log10(lowest)) / 2.0;
        double floor = Math.pow(10, start);
        double below = start - 0.5;
        dl.calculus.Grid logs = grid.map(v -> v < floor ? below : Math.round(1e4 * Math.log10(v)) / 1e4);
        double top = start;
        for (double[] row : logs.z()) {
            for (double v : row) {
                if (v > top) {
                    top = v;
                }
            }
        }
        if (Double.isNaN(top) || top == start) {
            throw new IllegalArgumentException("logContour(\"" + name + "\"): no finite value of the grid lies above "
                    + "the lowest level " + floor + " (a NaN, or a surface below it everywhere)");
        }
        String title = "log₁₀ " + name;
        return contour(title, logs)
                .with("autocontour", false)
                .with("contours", Map.of("coloring", "lines", "showlabels", true,
                        "labelfont", Map.of("size", 14, "color", "#444"),
                        "start", start, "end", Math.ceil(2 * top) / 2, "size", 0.5));
    }

    /** Filled contours in a chosen colour scale. */
    public static StyledTrace filledContour(String name, double[] xs, double[] ys, double[][] z, ColorScale scale) {
        return contour(name, xs, ys, z).with("contours", Map.of("coloring", "fill", "showlabels", false))
                .with("colorscale", Objects.requireNonNull(scale, "scale").plotly())
                .with("line", Map.of("width", 0.5, "color", "rgba(255,255,255,0.5)"));
    }

    /** A heat map of z[i][j] at (xs[j], ys[i]) in a chosen colour scale. */
    public static StyledTrace heatmap(String name, double[] xs, double[] ys, double[][] z, ColorScale scale) {
        checkGrid(name, xs, ys, z);
        HeatmapTrace t = HeatmapTrace.builder(boxed(xs), boxed(ys), z).build();
        return StyledTrace.of(t).with("name", name)
                .with("colorscale", Objects.requireNonNull(scale, "scale").plotly())
                .with("colorbar", Map.of("len", 0.8, "thickness", 14));
    }

    /** A heat map over category labels (a confusion table: rows = true class, columns = predicted). */
    public static StyledTrace heatmap(String name, List<String> columns, List<String> rows, double[][] z,
                                      ColorScale scale) {
        Objects.requireNonNull(columns, "columns");
        Objects.requireNonNull(rows, "rows");
        checkRows(name, z, rows.size(), columns.size());
        HeatmapTrace t = HeatmapTrace.builder(columns.toArray(), rows.toArray(), z).build();
        return StyledTrace.of(t).with("name", name)
                .with("colorscale", Objects.requireNonNull(scale, "scale").plotly())
                .with("colorbar", Map.of("len", 0.8, "thickness", 14));
    }

    /**
     * An image (pixels[row][column], row 0 at the top when the chart's y axis points down, see
     * {@link Figures#image}) in grey: 0 black, 1 white; no colour bar.
     */
    public static StyledTrace image(String name, double[][] pixels) {
        Objects.requireNonNull(pixels, "pixels");
        if (pixels.length == 0 || pixels[0].length == 0) {
            throw new IllegalArgumentException("'" + name + "': an image needs at least one pixel");
        }
        double[] cols = new double[pixels[0].length];
        double[] rows = new double[pixels.length];
        for (int j = 0; j < cols.length; j++) cols[j] = j;
        for (int i = 0; i < rows.length; i++) rows[i] = i;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < pixels.length; i++) {
            Objects.requireNonNull(pixels[i], "'" + name + "': pixels row " + i);
            for (int j = 0; j < pixels[i].length; j++) {
                double v = pixels[i][j];
                if (!Double.isFinite(v)) { // NaN has no grey, and ±∞ would stretch the grey scale to nothing
                    throw new IllegalArgumentException("'" + name + "': the pixel at row " + i + ", column " + j + " is "
                            + v + "; an image needs finite values");
                }
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        boolean unit = min >= 0 && max <= 1;
        return heatmap(name, cols, rows, pixels, ColorScale.GREY_IMAGE)
                .with("showscale", false)
                .with("zmin", unit ? 0.0 : min)
                .with("zmax", unit ? 1.0 : max)
                .with("hovertemplate", "row %{y}, column %{x}: %{z:.3f}<extra></extra>");
    }

    /** An image given as one flat row of pixels (a data-set row), height × width in row-major order. */
    public static StyledTrace image(String name, double[] pixels, int height, int width) {
        Objects.requireNonNull(pixels, "pixels");
        if (height <= 0 || width <= 0 || (long) height * width != pixels.length) {
            throw new IllegalArgumentException("'" + name + "': " + pixels.length + " pixels cannot be shaped "
                    + height + " × " + width);
        }
        double[][] img = new double[height][width];
        for (int i = 0; i < height; i++) {
            System.arraycopy(pixels, i * width, img[i], 0, width);
        }
        return image(name, img);
    }

    /** A surface z[i][j] = f(xs[j], ys[i]) (see {@link SurfaceTrace}). */
    public static SurfaceTrace surface(String name, double[] xs, double[] ys, double[][] z) {
        return SurfaceTrace.builder(xs, ys, z).name(name).build();
    }

    /** A surface from a sampled grid. */
    public static SurfaceTrace surface(String name, dl.calculus.Grid grid) {
        Objects.requireNonNull(grid, "grid");
        return surface(name, grid.xs(), grid.ys(), grid.z());
    }

    /**
     * A path in 3-D (gradient-descent iterates on a surface): thick line, markers with a white
     * outline. To keep it visible on the surface, pass z values lifted a little
     * ({@link Figures#surface} does that).
     */
    public static StyledTrace path3d(String name, double[] xs, double[] ys, double[] zs) {
        checkSameLength(name, "xs", xs, "ys", ys);
        checkSameLength(name, "xs", xs, "zs", zs);
        Scatter3DTrace t = Scatter3DTrace.builder(xs, ys, zs).name(name)
                .mode(Scatter3DTrace.Mode.LINE_AND_MARKERS).build();
        return StyledTrace.of(t)
                .with("line", Map.of("width", 6, "color", "#d62728"))
                .with("marker", Map.of("size", 4, "color", "#d62728", "line", Map.of("width", 1, "color", "white")));
    }

    /**
     * Arrows (a quiver plot) from (xs[i], ys[i]) to (xs[i] + us[i], ys[i] + vs[i]),
     * each with a small head, drawn as one line trace with gaps; zero-length arrows draw nothing.
     */
    public static StyledTrace arrows(String name, double[] xs, double[] ys, double[] us, double[] vs) {
        checkSameLength(name, "xs", xs, "ys", ys);
        checkSameLength(name, "xs", xs, "us", us);
        checkSameLength(name, "xs", xs, "vs", vs);
        double[][] points = arrowPoints(xs, ys, us, vs);
        double[] ax = points[0];
        double[] ay = points[1];
        return StyledTrace.of(ScatterTrace.builder(ax, ay).name(name).mode(ScatterTrace.Mode.LINE).build())
                .with("line", Map.of("width", 1.4));
    }

    /** Bars, one per category. */
    public static BarTrace bars(String name, List<String> categories, double[] values) {
        Objects.requireNonNull(categories, "categories");
        Objects.requireNonNull(values, "values");
        if (categories.size() != values.length) {
            throw new IllegalArgumentException("'" + name + "': categories has " + categories.size()
                    + " entries but values has " + values.length);
        }
        return BarTrace.builder(categories.toArray(), values).name(name).build();
    }

    /**
     * A histogram of the values with the given number of bins (at least 1). NaN and ±∞ fall in no bin: they are
     * left out, and the series' name says how many ("h (2 of 10 values NaN or ±∞, not drawn)").
     */
    public static HistogramTrace histogram(String name, double[] values, int bins) {
        Objects.requireNonNull(values, "values");
        if (bins < 1) {
            throw new IllegalArgumentException("'" + name + "': bins must be at least 1, got " + bins);
        }
        int nonFinite = 0;
        for (double v : values) {
            nonFinite += Double.isFinite(v) ? 0 : 1;
        }
        String shown = nonFinite == 0 ? name : notDrawn(name, nonFinite, values.length, "values NaN or ±∞");
        return HistogramTrace.builder(values).name(shown).nBinsX(bins).build();
    }

    /**
     * The points of arrows from (xs[i], ys[i]) to (xs[i] + us[i], ys[i] + vs[i]) as {x, y}: per arrow the
     * shaft, a NaN gap, the head (the reversed arrow shortened to 0.3 and turned by ±25°), a NaN gap;
     * zero-length arrows are left out. The arrays must have the same length (callers check).
     */
    static double[][] arrowPoints(double[] xs, double[] ys, double[] us, double[] vs) {
        List<Double> px = new ArrayList<>();
        List<Double> py = new ArrayList<>();
        double head = 0.3;
        double cos = Math.cos(Math.toRadians(25));
        double sin = Math.sin(Math.toRadians(25));
        for (int i = 0; i < xs.length; i++) {
            double u = us[i];
            double v = vs[i];
            if (u == 0 && v == 0) {
                continue;
            }
            double tx = xs[i] + u;
            double ty = ys[i] + v;
            double bx = -head * u;
            double by = -head * v;
            double[][] seg = {{xs[i], ys[i]}, {tx, ty}, {Double.NaN, Double.NaN},
                    {tx + bx * cos - by * sin, ty + bx * sin + by * cos}, {tx, ty},
                    {tx + bx * cos + by * sin, ty - bx * sin + by * cos}, {Double.NaN, Double.NaN}};
            for (double[] p : seg) {
                px.add(p[0]);
                py.add(p[1]);
            }
        }
        return new double[][] {px.stream().mapToDouble(Double::doubleValue).toArray(),
                py.stream().mapToDouble(Double::doubleValue).toArray()};
    }

    static void checkSameLength(String name, String a, double[] av, String b, double[] bv) {
        Objects.requireNonNull(av, a);
        Objects.requireNonNull(bv, b);
        if (av.length != bv.length) {
            throw new IllegalArgumentException("'" + name + "': " + a + " has " + av.length + " values but "
                    + b + " has " + bv.length);
        }
    }

    static void checkGrid(String name, double[] xs, double[] ys, double[][] z) {
        Objects.requireNonNull(xs, "xs");
        Objects.requireNonNull(ys, "ys");
        checkRows(name, z, ys.length, xs.length);
    }

    private static void checkRows(String name, double[][] z, int rows, int cols) {
        Objects.requireNonNull(z, "z");
        if (z.length != rows) {
            throw new IllegalArgumentException("'" + name + "': z has " + z.length + " rows but ys has " + rows
                    + " values (z[i][j] is the value at ys[i], xs[j])");
        }
        for (int i = 0; i < z.length; i++) {
            if (z[i] == null || z[i].length != cols) {
                throw new IllegalArgumentException("'" + name + "': z row " + i + " has "
                        + (z[i] == null ? "no" : String.valueOf(z[i].length)) + " values but xs has " + cols);
            }
        }
    }

    private static Object[] boxed(double[] v) {
        Object[] out = new Object[v.length];
        for (int i = 0; i < v.length; i++) out[i] = v[i];
        return out;
    }
}
