package dl.plot;

import org.unbescape.html.HtmlEscape;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A figure's text alternative (WCAG 1.1.1), computed from the figure's own data as it is drawn (the Plotly
 * structure after {@link Style#apply}): its title, a one-sentence summary of what it shows, and its numbers as a
 * Tablesaw {@link Table}, shown together as a disclosure ({@code <details>}) just before the figure
 * ({@link Plots#displayBundle}).
 *
 * <p>The summary says, per series, only what the numbers say: a line where it starts and ends and, when they lie
 * between, its lowest (and, with few series, its highest) value and where; a path drawn over contours or a heat map
 * where it starts and ends in the plane; a cloud of markers how many points it has and the ranges of x and y (one
 * marker: where it is); bars their largest and smallest bar; a histogram how many values it counts and their range;
 * a heat map, contour or surface the range of its values over the ranges of x and y (contours and surfaces also
 * where the lowest value is); a 3-D path where it starts and ends. The axis titles are the units ("mean squared
 * error against iteration (1 to 300)", "at x = 2"), said once; numbers have at most 4 significant digits. A grid
 * of panels is said panel by panel, a series drawn alike in every panel once. At most {@value #MAX_NAMED} series
 * are named, the others counted. A series with missing values (NaN or ±∞, drawn as gaps) says how many, one with
 * none at all says so: a summary never hides a NaN. An animated figure's summary is of what it shows first, and
 * says how many frames it has.
 *
 * <p>The table is in long format, one row per point: [panel,] series, x, y (and z for heat maps, contours, surfaces
 * and 3-D paths), the columns named after the axes. A series of more than {@value #MAX_ROWS} points (fewer, down
 * to {@value #MIN_ROWS}, when many series share the table's {@value #MAX_TABLE_ROWS} rows) is sampled evenly, its
 * first and last point kept, and the table's note says so ("every 26th of 1 000 points and the last").
 */
public final class FigureText {
    /** The most rows one series gets in the table. */
    public static final int MAX_ROWS = 40;
    /** The most series the summary names; the others are counted. */
    public static final int MAX_NAMED = 6;
    /** With many series, each gets fewer rows (but at least {@link #MIN_ROWS}) so that the table stays this long. */
    static final int MAX_TABLE_ROWS = 160;
    static final int MIN_ROWS = 10;
    /** With more series than this, each is summarised by its end points only. */
    private static final int DETAILED = 3;

    private final String title;
    private final String summary;
    private final Table table;
    private final String sampling;

    private FigureText(String title, String summary, Table table, String sampling) {
        this.title = title;
        this.summary = summary;
        this.table = table;
        this.sampling = sampling;
    }

    /** The text alternative of a figure (a Tablesaw {@code Figure}, a {@link Chart} or a {@link PlotlyFigure}), as shown. */
    public static FigureText of(Object figure) {
        return ofPlotly(Style.apply(Plots.toPlotly(figure).toPlotly()));
    }

    /** The text alternative of a figure given as its styled Plotly structure {data, layout, frames?}. */
    @SuppressWarnings("unchecked")
    static FigureText ofPlotly(Map<String, Object> plotly) {
        Objects.requireNonNull(plotly, "plotly");
        Map<String, Object> layout = plotly.get("layout") instanceof Map<?, ?> l ? (Map<String, Object>) l : Map.of();
        List<Series> series = new ArrayList<>();
        if (plotly.get("data") instanceof List<?> data) {
            for (Object t : data) {
                if (t instanceof Map<?, ?> m && !Boolean.FALSE.equals(m.get("visible"))) {
                    series.add(Series.of((Map<String, Object>) m, layout, series.size()));
                }
            }
        }
        uniqueNames(series);
        String title = Plots.text(layout, "title");
        String summary = summarise(series, Animation.frameNames(plotly));
        int perSeries = Math.max(MIN_ROWS, Math.min(MAX_ROWS, MAX_TABLE_ROWS / Math.max(1, series.size())));
        Map<String, List<String>> notes = new LinkedHashMap<>();
        List<Series> sampledSeries = new ArrayList<>();
        Table table = table(title, series, perSeries, notes, sampledSeries);
        List<String> said = new ArrayList<>();
        int sampled = sampledSeries.size();
        for (Map.Entry<String, List<String>> e : notes.entrySet()) {
            List<String> names = e.getValue().stream().distinct().toList();   // one name in several panels: once
            said.add(e.getKey() + (series.size() == 1 ? "" : e.getValue().size() == series.size() ? " (each series)"
                    : names.size() <= DETAILED ? " (" + String.join(", ", names) + ")" : " (" + e.getValue().size() + " series)"));
        }
        String sampling = notes.isEmpty() ? (table.rowCount() == 0 ? "The figure has no data points."
                : "Every point of every series.")
                : "Sampled evenly, the first point kept: " + String.join("; ", said)
                + (sampled < series.size() ? "; every point of the other series." : ".");
        return new FigureText(title, summary, table, sampling);
    }

    /** The figure's title, without markup ("" if it has none). */
    public String title() {
        return title;
    }

    /** One sentence on what the figure shows, from its data. */
    public String summary() {
        return summary;
    }

    /** The figure's data, in long format (series, x, y[, z]), each series sampled to at most {@link #MAX_ROWS} rows. */
    public Table table() {
        return table;
    }

    /** How the table samples the series ("Sampled evenly: loss every 26th of 1 000 points and the last."). */
    public String sampling() {
        return sampling;
    }

    /** The summary line: "Data of the figure “title”: summary". */
    public String line() {
        return "Data of the figure" + (title.isEmpty() ? "" : " “" + title + "”") + ": " + summary;
    }

    @Override
    public String toString() {
        return line();
    }

    /**
     * The HTML: a {@code <div class="dl-figure-text">} holding a {@code <details>} whose {@code <summary>} is the
     * summary line (focusable, opened with Enter or Space or a click) and whose body is the table and how it is
     * sampled. It needs no script (JupyterLab's sanitizer keeps all of it in an untrusted notebook); its text is at
     * least 14 px and has the page's own colour, or #595959 (7 : 1 on white) for the table's notes.
     *
     * @param id the element id of the div; the summary sentence's span is {@code id + "-summary"} (the figure's
     *           {@code aria-describedby})
     */
    public String html(String id) {
        return "<div id=\"" + esc(id) + "\" class=\"dl-figure-text\" style=\"font-size:14px;line-height:1.45;margin:2px 0 6px 0;\">"
                + "<details><summary style=\"cursor:pointer;font-size:14px;\">"
                + "<span>" + esc("Data of the figure" + (title.isEmpty() ? "" : " “" + title + "”") + ":")
                + "</span> <span id=\"" + esc(id) + "-summary\">" + esc(summary) + "</span></summary>\n"
                + "<div style=\"margin:4px 0 8px 22px;font-size:14px;\">\n"
                + "<p style=\"margin:0;font-size:14px;color:#595959;\">" + esc(sampling) + "</p>\n"
                + tableHtml() + "\n</div></details></div>";
    }

    /**
     * The table as HTML in {@link Tables}' look and number format, with no style per cell (a figure's table has up to
     * {@value #MAX_TABLE_ROWS} rows, all shown, and a notebook keeps them): every cell right-aligned, as JupyterLab
     * aligns a table's cells.
     */
    private String tableHtml() {
        List<Column<?>> cols = table.columns();
        // the cells' padding outside JupyterLab (whose sanitizer drops the style element, and pads cells itself)
        StringBuilder b = new StringBuilder("<style>.dl-figure-text td,.dl-figure-text th{padding:1px 10px}</style>\n"
                + "<table class=\"dl-table\" style=\"font-size:14px;margin:6px 0 0 0;"
                + "border-collapse:collapse;text-align:right;font-variant-numeric:tabular-nums;\">\n"
                + "<caption style=\"text-align:left;font-weight:bold;padding-bottom:4px;white-space:nowrap;\">" + esc(table.name())
                + " <span style=\"font-weight:normal;color:#595959;\">(" + table.rowCount()
                + (table.rowCount() == 1 ? " row" : " rows") + " × " + cols.size() + " columns)</span></caption>\n<thead><tr>");
        for (Column<?> c : cols) {
            b.append("<th scope=\"col\" style=\"border-bottom:1px solid #767676;\">").append(esc(c.name())).append("</th>");
        }
        b.append("</tr></thead>\n<tbody>\n");
        for (int r = 0; r < table.rowCount(); r++) {
            b.append("<tr>");
            for (Column<?> c : cols) {
                b.append("<td>").append(esc(Tables.format(c.get(r)))).append("</td>");
            }
            b.append("</tr>\n");
        }
        return b.append("</tbody>\n</table>").toString();
    }

    // --- the series ------------------------------------------------------------------------------------------------

    private enum Kind { LINE, PIECES, POINTS, BARS, HISTOGRAM, GRID, PATH3D, OTHER }

    /** One trace as the summary and the table see it. */
    private static final class Series {
        String name;
        final String type;
        final Kind kind;
        final Axes axes;
        final String panel;             // its panel's caption in a grid of panels, or ""
        final String panelKey;          // its axes ("x2 y2") or 3-D scene
        final List<Object> xs;
        final List<Object> ys;
        final List<Object> zs;          // a 3-D path's heights
        final List<List<Object>> grid;  // a heat map's, contour's or surface's z[i][j] at (xs[j], ys[i])
        final boolean horizontal;       // bars whose values are x

        private Series(String name, String type, Kind kind, Axes axes, String panel, String panelKey, List<Object> xs,
                       List<Object> ys, List<Object> zs, List<List<Object>> grid, boolean horizontal) {
            this.name = name;
            this.type = type;
            this.kind = kind;
            this.axes = axes;
            this.panel = panel;
            this.panelKey = panelKey;
            this.xs = xs;
            this.ys = ys;
            this.zs = zs;
            this.grid = grid;
            this.horizontal = horizontal;
        }

        static Series of(Map<String, Object> t, Map<String, Object> layout, int index) {
            String type = String.valueOf(t.getOrDefault("type", "scatter"));
            String mode = String.valueOf(t.getOrDefault("mode", "lines+markers"));
            List<Object> xs = list(t.get("x"));
            List<Object> ys = list(t.get("y"));
            List<Object> zs = null;
            List<List<Object>> grid = null;
            boolean horizontal = "h".equals(t.get("orientation"));
            Kind kind;
            switch (type) {
                case "scatter", "scattergl" -> {
                    kind = mode.contains("lines") ? (pieces(xs, ys) > 3 ? Kind.PIECES : Kind.LINE) : Kind.POINTS;
                    if (xs == null && ys != null) xs = indices(ys.size());
                }
                case "bar" -> {
                    kind = Kind.BARS;
                    if (horizontal && ys == null && xs != null) ys = indices(xs.size());
                    if (!horizontal && xs == null && ys != null) xs = indices(ys.size());
                }
                case "histogram" -> kind = Kind.HISTOGRAM;
                case "heatmap", "contour", "surface" -> {
                    kind = Kind.GRID;
                    grid = new ArrayList<>();
                    if (t.get("z") instanceof List<?> rows) {
                        for (Object row : rows) grid.add(row instanceof List<?> r ? new ArrayList<>(r) : new ArrayList<>());
                    }
                    int cols = grid.stream().mapToInt(List::size).max().orElse(0);
                    if (xs == null) xs = indices(cols);
                    if (ys == null) ys = indices(grid.size());
                }
                case "scatter3d" -> {
                    kind = mode.contains("line") ? Kind.PATH3D : Kind.POINTS;   // Tablesaw writes "line + markers"
                    zs = list(t.get("z"));
                }
                default -> kind = Kind.OTHER;
            }
            Axes axes = Axes.of(t, layout, kind == Kind.GRID ? colourBarTitle(t) : "");
            // Traces' note of the points it leaves out ("(3 of 50 points NaN or ±∞, not drawn)"): said once, below
            String name = plain(t.get("name")).replaceFirst(" \\(\\d+ of \\d+ [^()]*not drawn\\)$", "");
            if (name.isEmpty()) {
                // an unnamed series (Tablesaw's plots without groups) is what its axis measures
                name = kind == Kind.GRID || kind == Kind.PATH3D ? axes.z() : kind == Kind.HISTOGRAM ? axes.x() : axes.y();
            }
            if (name.isEmpty()) name = "series " + (index + 1);
            String panelKey = "scatter3d".equals(type) || "surface".equals(type) ? String.valueOf(t.getOrDefault("scene", "scene"))
                    : t.getOrDefault("xaxis", "x") + " " + t.getOrDefault("yaxis", "y");
            return new Series(name, type, kind, axes, panelTitle(t, layout), panelKey, xs == null ? List.of() : xs,
                    ys == null ? List.of() : ys, zs == null ? List.of() : zs, grid, horizontal);
        }

        int size() {
            return switch (kind) {
                case GRID -> grid.stream().mapToInt(List::size).sum();
                case HISTOGRAM -> xs.isEmpty() ? ys.size() : xs.size();
                default -> Math.max(xs.size(), ys.size());
            };
        }
    }

    /** The titles of a series' axes (x, y and, for grids and 3-D, z) and whether x is a category axis. */
    private record Axes(String x, String y, String z) {
        @SuppressWarnings("unchecked")
        static Axes of(Map<String, Object> t, Map<String, Object> layout, String zTitle) {
            if ("scatter3d".equals(t.get("type")) || "surface".equals(t.get("type"))) {
                String scene = String.valueOf(t.getOrDefault("scene", "scene"));
                Object s = layout.get(scene);
                String z = Plots.text(child(s, "zaxis"), "title");
                return new Axes(Plots.text(child(s, "xaxis"), "title"), Plots.text(child(s, "yaxis"), "title"),
                        z.isEmpty() ? zTitle : z);
            }
            String xa = axisKey(t.get("xaxis"), "x"), ya = axisKey(t.get("yaxis"), "y");
            return new Axes(axisTitle(layout, xa, true), axisTitle(layout, ya, false), zTitle);
        }
    }

    /** "x2" → "xaxis2", "x" or nothing → "xaxis". */
    private static String axisKey(Object ref, String letter) {
        String r = ref == null ? letter : String.valueOf(ref);
        return letter + "axis" + r.substring(1);
    }

    /**
     * An axis's title; one a grid of panels leaves off (a column's x title is written once, under its bottom panel,
     * a row's y title once, left of its first) is that of the titled axis with the same domain.
     */
    @SuppressWarnings("unchecked")
    private static String axisTitle(Map<String, Object> layout, String key, boolean x) {
        String own = Plots.text(layout.get(key), "title");
        if (!own.isEmpty() || !(layout.get(key) instanceof Map<?, ?> axis)) {
            return own;
        }
        Object domain = axis.get("domain");
        for (Map.Entry<String, Object> e : layout.entrySet()) {
            if (e.getKey().matches((x ? "x" : "y") + "axis\\d*") && e.getValue() instanceof Map<?, ?> other
                    && domain != null && domain.equals(other.get("domain"))) {
                String t = Plots.text(other, "title");
                if (!t.isEmpty()) return t;
            }
        }
        return "";
    }

    /** A colour bar's title (what a grid's values measure), or "". */
    private static String colourBarTitle(Map<String, Object> t) {
        return Plots.text(child(t, "colorbar"), "title");
    }

    /** The caption of the panel a trace is drawn in (Panels: an annotation centred above its axes), or "". */
    private static String panelTitle(Map<String, Object> t, Map<String, Object> layout) {
        if (!(layout.get("annotations") instanceof List<?> notes) || t.get("xaxis") == null) {
            return "";
        }
        Object xd = child(layout.get(axisKey(t.get("xaxis"), "x")), "domain");
        Object yd = child(layout.get(axisKey(t.get("yaxis"), "y")), "domain");
        if (!(xd instanceof List<?> x) || x.size() != 2 || !(yd instanceof List<?> y) || y.size() != 2) {
            return "";
        }
        double cx = (number(x.get(0)) + number(x.get(1))) / 2, top = number(y.get(1));
        for (Object n : notes) {
            if (n instanceof Map<?, ?> a && "paper".equals(a.get("xref")) && "paper".equals(a.get("yref"))
                    && Math.abs(number(a.get("x")) - cx) < 1e-6 && Math.abs(number(a.get("y")) - top) < 1e-6) {
                return plain(a.get("text"));
            }
        }
        return "";
    }

    /** Two series of the same name in one panel are told apart by a number: "loss", "loss (2)". */
    private static void uniqueNames(List<Series> series) {
        Set<String> used = new LinkedHashSet<>();
        for (Series s : series) {
            String base = s.name;
            for (int k = 2; !used.add(s.panelKey + "\u0000" + s.name); k++) {
                s.name = base + " (" + k + ")";
            }
        }
    }

    // --- the summary -----------------------------------------------------------------------------------------------

    /** One series' phrase in the summary, and in how many panels the same series (name and data) is drawn. */
    private static final class Part {
        final Series series;
        String text;
        int panels = 1;

        Part(Series series) {
            this.series = series;
        }
    }

    /**
     * The sentence: per panel (a figure of one panel has one) its axes and what x spans, then its series' phrases
     * ("mean squared error against iteration (1 to 300) — RNN falls from …; LSTM …"). A series drawn the same in
     * several panels (a curve under each panel's path) is said once, "(in all 3 panels)".
     */
    private static String summarise(List<Series> series, List<String> frames) {
        if (series.isEmpty()) {
            return "the figure has no data.";
        }
        Map<String, List<Series>> panels = new LinkedHashMap<>();
        series.forEach(s -> panels.computeIfAbsent(s.panelKey, k -> new ArrayList<>()).add(s));
        boolean several = panels.size() > 1;
        Map<List<Object>, Part> seen = new LinkedHashMap<>();
        List<List<Part>> grouped = new ArrayList<>();
        int parts = 0, unnamed = 0;
        for (List<Series> panel : panels.values()) {
            List<Part> group = new ArrayList<>();
            for (Series s : panel) {
                List<Object> key = List.of(s.name, s.xs, s.ys, s.zs, s.grid == null ? List.of() : s.grid);
                Part earlier = seen.get(key);
                if (several && earlier != null) {
                    earlier.panels++;
                    continue;
                }
                Part p = new Part(s);
                seen.put(key, p);
                if (parts < MAX_NAMED) {
                    group.add(p);
                    parts++;
                } else {
                    unnamed++;
                }
            }
            grouped.add(group);
        }
        boolean detailed = seen.size() <= DETAILED;
        String images = images(series);
        if (images != null) {
            return images + (unnamed > 0 ? "; and " + unnamed + " more" : "") + ".";
        }
        // panels of the same axes (a row of panels, one per learning rate): the axes are said once, first
        Set<String> leads = new LinkedHashSet<>();
        grouped.stream().filter(g -> !g.isEmpty()).forEach(g -> leads.add(leadIn(g.get(0).series)));
        String common = several && leads.size() == 1 && !leads.iterator().next().isEmpty() ? leads.iterator().next() : null;
        List<String> texts = new ArrayList<>();
        int k = 0;
        for (List<Series> panel : panels.values()) {
            List<Part> group = grouped.get(k++);
            if (group.isEmpty()) continue;
            Series lead = group.get(0).series;
            String[] shared = sharedX(group);
            boolean onGrid = panel.stream().anyMatch(s -> s.kind == Kind.GRID && !"surface".equals(s.type));
            List<String> phrases = new ArrayList<>();
            for (Part p : group) {
                Series s = p.series;
                String text = onGrid && s.kind == Kind.LINE ? path(s) : describe(s, detailed, shared != null);
                String name = s.name + (p.panels > 1 ? (p.panels == panels.size() ? (p.panels == 2 ? " (in both panels)"
                        : " (in all " + p.panels + " panels)")
                        : " (in " + p.panels + " panels)") : "");
                if (!sameAxes(s, lead) && !leadIn(s).isEmpty()) name += " (" + axesText(s) + ")";
                phrases.add(text.startsWith(s.name) ? name + text.substring(s.name.length()) : text);
            }
            String leadIn = leadIn(lead);
            if (shared != null) {
                leadIn = leadIn.isEmpty() ? axisName(lead.axes.x(), "x") + " from " + shared[0] + " to " + shared[1]
                        : leadIn + " (" + shared[0] + " to " + shared[1] + ")";
            }
            // a panel is named by its caption, unless its one series is named alike (a grid of histograms, "layer 1")
            boolean namedAlike = panel.size() == 1 && lead.panel.equals(lead.name);
            String where = several && !namedAlike ? "in " + (lead.panel.isEmpty() ? "panel " + k : "“" + lead.panel + "”") : "";
            if (common != null) {
                String range = shared == null ? "" : " (" + axisName(lead.axes.x(), "x") + " " + shared[0] + " to " + shared[1] + ")";
                texts.add((texts.isEmpty() ? common + " — " : "") + (where.isEmpty() ? "" : where + range + ", ")
                        + String.join("; ", phrases));
                continue;
            }
            String head = where.isEmpty() ? leadIn : leadIn.isEmpty() ? where : where + ", " + leadIn;
            texts.add((head.isEmpty() ? "" : head + " — ") + String.join("; ", phrases));
        }
        if (unnamed > 0) {
            texts.add("and " + unnamed + " more series (in the table)");
        }
        String sentence = String.join("; ", texts);
        if (!frames.isEmpty()) {
            sentence += ", in the first of " + count(frames.size()) + " animation frames ("
                    + plain(frames.get(0)) + " to " + plain(frames.get(frames.size() - 1)) + ")";
        }
        return sentence + ".";
    }

    /**
     * A figure of images only (Figures.image, Figures.images): "8 images of 28 × 28 pixels — #0: shirt (values from 0
     * to 1); …", the first {@value #MAX_NAMED} named; null for any other figure.
     */
    private static String images(List<Series> series) {
        Set<String> sizes = new LinkedHashSet<>();
        for (Series s : series) {
            if (s.kind != Kind.GRID || !"column".equals(s.axes.x()) || !"row".equals(s.axes.y())) return null;
            sizes.add(count(s.grid.size()) + " × " + count(s.grid.stream().mapToInt(List::size).max().orElse(0)));
        }
        if (series.size() < 2) return null;
        List<String> parts = new ArrayList<>();
        for (Series s : series.subList(0, Math.min(MAX_NAMED, series.size()))) {
            double[] r = range(s.grid.stream().flatMap(List::stream).toList());
            parts.add(s.name + (r == null ? " (no finite values)" : " (values from " + num(r[0]) + " to " + num(r[1]) + ")"));
        }
        return count(series.size()) + " images" + (sizes.size() == 1 ? " of " + sizes.iterator().next() + " pixels" : "")
                + " — " + String.join("; ", parts);
    }

    /** The first and last x of a panel's lines, when they all share them and their axes ({first, last}), else null. */
    private static String[] sharedX(List<Part> group) {
        String first = null, last = null;
        for (Part p : group) {
            Series s = p.series;
            if (s.kind != Kind.LINE || !s.axes.equals(group.get(0).series.axes) || !increasing(s.xs)) return null;
            int[] ends = ends(s);
            if (ends == null) continue;
            String a = label(s.xs.get(ends[0])), b = label(s.xs.get(ends[1]));
            if (first == null) {
                first = a;
                last = b;
            } else if (!a.equals(first) || !b.equals(last)) {
                return null;
            }
        }
        return first == null || first.equals(last) ? null : new String[]{first, last};
    }

    /** A path drawn over contours or a heat map, in the plane of its two axes: where it starts and ends. */
    private static String path(Series s) {
        int[] ends = ends(s);
        if (ends == null) return none(s, Math.max(s.xs.size(), s.ys.size()), "points");
        int drawn = 0;
        for (int i = 0; i < Math.min(s.xs.size(), s.ys.size()); i++) drawn += finite(s.xs.get(i)) && finite(s.ys.get(i)) ? 1 : 0;
        int n = Math.max(s.xs.size(), s.ys.size());
        if (ends[0] == ends[1]) {
            return s.name + " at " + point(s, ends[0]) + gaps(s, n - drawn, n, "points");
        }
        return s.name + " goes in " + count(drawn) + " points from " + point(s, ends[0]) + " to " + point(s, ends[1])
                + gaps(s, n - drawn, n, "points");
    }

    private static String point(Series s, int i) {
        return "(" + label(s.xs.get(i)) + ", " + label(s.ys.get(i)) + ")";
    }

    private static String leadIn(Series s) {
        return EnumSet.of(Kind.LINE, Kind.PIECES, Kind.POINTS, Kind.BARS).contains(s.kind) && s.zs.isEmpty() ? axesText(s) : "";
    }

    private static boolean sameAxes(Series a, Series b) {
        return a.axes.x().equals(b.axes.x()) && a.axes.y().equals(b.axes.y());
    }

    /** "loss against iteration", "f(x, y) over x and y", or "" without axis titles. */
    private static String axesText(Series s) {
        Axes a = s.axes;
        if (s.kind == Kind.GRID || s.kind == Kind.PATH3D || (!a.z().isEmpty() && s.kind == Kind.POINTS && !s.zs.isEmpty())) {
            if (a.x().isEmpty() && a.y().isEmpty()) return a.z();
            return (a.z().isEmpty() ? "values" : a.z()) + " over " + axisName(a.x(), "x") + " and " + axisName(a.y(), "y");
        }
        if (s.kind == Kind.HISTOGRAM) {
            String v = s.xs.isEmpty() ? a.y() : a.x();
            return v.isEmpty() ? "" : "counts of " + v;
        }
        if (a.x().isEmpty() && a.y().isEmpty()) return "";
        if (s.kind == Kind.BARS && s.horizontal) return axisName(a.x(), "x") + " by " + axisName(a.y(), "y");
        return axisName(a.y(), "y") + " against " + axisName(a.x(), "x");
    }

    private static String axisName(String title, String letter) {
        return title.isEmpty() ? letter : title;
    }

    private static String describe(Series s, boolean detailed, boolean sharedX) {
        int n = s.size();
        if (n == 0) {
            return s.name + " has no points";
        }
        return switch (s.kind) {
            case LINE -> line(s, detailed, sharedX);
            case PIECES -> pieces(s);
            case POINTS -> s.zs.isEmpty() ? points(s) : points3d(s);
            case BARS -> bars(s);
            case HISTOGRAM -> histogram(s);
            case GRID -> grid(s, detailed);
            case PATH3D -> path3d(s, detailed);
            case OTHER -> s.name + " (a " + s.type + " trace of " + count(n) + " values)";
        };
    }

    /** The first and last index with a drawn point (both coordinates present and finite), or null. */
    private static int[] ends(Series s) {
        int first = -1, last = -1;
        for (int i = 0; i < Math.min(s.xs.size(), s.ys.size()); i++) {
            if (present(s.xs.get(i)) && finite(s.ys.get(i))) {
                if (first < 0) first = i;
                last = i;
            }
        }
        return first < 0 ? null : new int[]{first, last};
    }

    /** ", with 3 of 50 points missing (NaN or ±∞, not drawn)", or "" if none is. */
    private static String gaps(Series s, int missing, int of, String what) {
        if (missing == 0) return "";
        return ", with " + count(missing) + " of " + count(of) + " " + what + " missing (NaN or ±∞, not drawn)";
    }

    private static String none(Series s, int n, String what) {
        return s.name + " has no finite values (" + (n == 1 ? "its only " + what.replaceAll("s$", "") + " is"
                : "all " + count(n) + " " + what + " are") + " NaN or ±∞)";
    }

    private static String line(Series s, boolean detailed, boolean sharedX) {
        int n = Math.min(s.xs.size(), s.ys.size());
        int[] ends = ends(s);
        if (ends == null) return none(s, n, "points");
        int missing = 0, lo = -1, hi = -1;
        for (int i = 0; i < n; i++) {
            if (!(present(s.xs.get(i)) && finite(s.ys.get(i)))) {
                missing++;
                continue;
            }
            double v = value(s.ys.get(i));
            if (lo < 0 || v < value(s.ys.get(lo))) lo = i;
            if (hi < 0 || v > value(s.ys.get(hi))) hi = i;
        }
        missing += Math.max(s.xs.size(), s.ys.size()) - n;
        String gap = gaps(s, missing, Math.max(s.xs.size(), s.ys.size()), "points");
        int a = ends[0], b = ends[1];
        double ya = value(s.ys.get(a)), yb = value(s.ys.get(b));
        String x = s.axes.x();
        if (a == b) {
            return s.name + " is a single point, " + num(ya) + " " + at(x, s.xs.get(a)) + gap;
        }
        double lowest = value(s.ys.get(lo)), highest = value(s.ys.get(hi));
        String where = sharedX ? "" : " from " + coordinate(x, "x", s.xs.get(a)) + " to " + label(s.xs.get(b));
        if (lowest == highest) {
            double[] r = range(s.xs);
            return s.name + (increasing(s.xs) || r == null ? " stays at " + num(ya) + where
                    : " is " + num(ya) + " at every point, " + span(x, "x", r)) + gap;
        }
        String verb;
        if (num(ya).equals(num(yb))) {
            verb = "is " + num(ya) + (sharedX ? " at both ends" : " " + at(x, s.xs.get(a)) + " and " + at(x, s.xs.get(b)));
        } else {
            verb = (yb < ya ? "falls from " : "rises from ") + num(ya) + (sharedX ? "" : " " + at(x, s.xs.get(a)))
                    + " to " + num(yb) + (sharedX ? "" : " " + at(x, s.xs.get(b)));
        }
        // where it turns: the lowest value if it lies between the ends, the highest too when there is room
        List<String> extremes = new ArrayList<>();
        if (num(lowest).equals(num(Math.min(ya, yb))) || lowest >= Math.min(ya, yb)) {
            lo = -1;
        }
        if (lo >= 0) extremes.add("lowest " + num(lowest) + " " + at(x, s.xs.get(lo)));
        if (detailed && highest > Math.max(ya, yb) && !num(highest).equals(num(Math.max(ya, yb)))) {
            extremes.add("highest " + num(highest) + " " + at(x, s.xs.get(hi)));
        }
        return s.name + " " + verb + (extremes.isEmpty() ? "" : " (" + String.join(", ", extremes) + ")") + gap;
    }

    private static String pieces(Series s) {
        int n = Math.min(s.xs.size(), s.ys.size());
        double[] x = range(s.xs), y = range(s.ys);
        if (x == null || y == null) return none(s, n, "points");
        return s.name + " is drawn as " + count(pieces(s.xs, s.ys)) + " separate pieces over "
                + span(s.axes.x(), "x", x) + " and " + span(s.axes.y(), "y", y);
    }

    private static String points(Series s) {
        int n = Math.min(s.xs.size(), s.ys.size());
        int drawn = 0, only = -1;
        for (int i = 0; i < n; i++) {
            if (present(s.xs.get(i)) && finite(s.ys.get(i))) {
                drawn++;
                only = i;
            }
        }
        if (drawn == 0) return none(s, n, "points");
        String gap = gaps(s, n - drawn, n, "points");
        if (drawn == 1) {
            return s.name + " at " + point(s, only) + gap;
        }
        double[] x = range(s.xs), y = range(s.ys);
        String xs = x == null ? count(categories(s.xs).size()) + " " + axisName(s.axes.x(), "x") + " categories"
                : span(s.axes.x(), "x", x);
        return s.name + " has " + count(drawn) + " points, " + xs + " and " + span(s.axes.y(), "y", y) + gap;
    }

    private static String points3d(Series s) {
        int n = s.xs.size();
        double[] x = range(s.xs), y = range(s.ys), z = range(s.zs);
        if (x == null || y == null || z == null) return none(s, n, "points");
        return s.name + " has " + count(n) + " points, " + span(s.axes.x(), "x", x) + ", " + span(s.axes.y(), "y", y)
                + " and " + span(s.axes.z(), "z", z);
    }

    private static String bars(Series s) {
        List<Object> cats = s.horizontal ? s.ys : s.xs, vals = s.horizontal ? s.xs : s.ys;
        int n = Math.min(cats.size(), vals.size());
        int lo = -1, hi = -1, drawn = 0;
        for (int i = 0; i < n; i++) {
            if (!finite(vals.get(i))) continue;
            drawn++;
            if (lo < 0 || value(vals.get(i)) < value(vals.get(lo))) lo = i;
            if (hi < 0 || value(vals.get(i)) > value(vals.get(hi))) hi = i;
        }
        if (drawn == 0) return none(s, n, "bars");
        String gap = gaps(s, n - drawn, n, "bars");
        if (drawn == 1) {
            return s.name + " has one bar, " + label(cats.get(hi)) + " (" + num(value(vals.get(hi))) + ")" + gap;
        }
        if (value(vals.get(lo)) == value(vals.get(hi))) {
            return s.name + " has " + count(drawn) + " bars, all " + num(value(vals.get(hi))) + gap;
        }
        return s.name + " has " + count(drawn) + " bars, the largest " + bar(s, cats, vals, hi)
                + ", the smallest " + bar(s, cats, vals, lo) + gap;
    }

    /** "Adam (0.9)" for a category, "0.12 at activation 0.45" for a number, "0 (12 bars)" for a value several share. */
    private static String bar(Series s, List<Object> cats, List<Object> vals, int i) {
        double v = value(vals.get(i));
        long same = vals.stream().filter(o -> finite(o) && value(o) == v).count();
        if (same > 1) return num(v) + " (" + count((int) same) + " bars)";
        Object c = cats.get(i);
        return c instanceof String ? label(c) + " (" + num(v) + ")" : num(v) + " " + at(s.horizontal ? s.axes.y() : s.axes.x(), c);
    }

    private static String histogram(Series s) {
        List<Object> values = s.xs.isEmpty() ? s.ys : s.xs;
        int n = values.size();
        double[] r = range(values);
        if (r == null) {
            Set<String> cats = categories(values);
            return cats.isEmpty() ? none(s, n, "values")
                    : s.name + " counts " + count(n) + " values in " + count(cats.size()) + " categories";
        }
        int finite = 0;
        for (Object v : values) finite += finite(v) ? 1 : 0;
        String unit = s.xs.isEmpty() ? s.axes.y() : s.axes.x();
        return s.name + " is a histogram of " + count(finite) + (unit.isEmpty() || unit.equals(s.name) ? "" : " " + unit)
                + " values from " + num(r[0]) + " to " + num(r[1])
                + gaps(s, n - finite, n, "values");
    }

    private static String grid(Series s, boolean detailed) {
        int n = s.size();
        int lo = -1, loRow = -1, finite = 0;
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < s.grid.size(); i++) {
            List<Object> row = s.grid.get(i);
            for (int j = 0; j < row.size(); j++) {
                if (!finite(row.get(j))) continue;
                finite++;
                double v = value(row.get(j));
                if (v < min) { min = v; lo = j; loRow = i; }
                if (v > max) max = v;
            }
        }
        if (finite == 0) return none(s, n, "values");
        String gap = gaps(s, n - finite, n, "values");
        boolean image = "column".equals(s.axes.x()) && "row".equals(s.axes.y());
        if (image) {
            int cols = s.grid.stream().mapToInt(List::size).max().orElse(0);
            return s.name + " is an image of " + count(s.grid.size()) + " × " + count(cols) + " pixels, values from "
                    + num(min) + " to " + num(max) + gap;
        }
        // a surface's or contour's lowest point is where descent heads: say where it is
        String where = "heatmap".equals(s.type) || !detailed ? ""
                : " at (" + label(at(s.xs, lo)) + ", " + label(at(s.ys, loRow)) + ")";
        return s.name + " ranges from " + num(min) + where + " to " + num(max) + " over "
                + extent(s.axes.x(), "x", s.xs) + " and " + extent(s.axes.y(), "y", s.ys) + gap;
    }

    private static String path3d(Series s, boolean detailed) {
        int n = Math.min(s.xs.size(), Math.min(s.ys.size(), s.zs.size()));
        int first = -1, last = -1, lo = -1, missing = 0;
        for (int i = 0; i < n; i++) {
            if (!(finite(s.xs.get(i)) && finite(s.ys.get(i)) && finite(s.zs.get(i)))) {
                missing++;
                continue;
            }
            if (first < 0) first = i;
            last = i;
            if (lo < 0 || value(s.zs.get(i)) < value(s.zs.get(lo))) lo = i;
        }
        if (first < 0) return none(s, n, "points");
        String gap = gaps(s, n - missing == n ? 0 : missing, n, "points");
        String z = s.axes.z();
        String from = valueAt(z, s, first), to = valueAt(z, s, last);
        String low = detailed && lo != first && lo != last && value(s.zs.get(lo)) < Math.min(value(s.zs.get(first)), value(s.zs.get(last)))
                ? " (lowest " + valueAt(z, s, lo) + ")" : "";
        return s.name + " goes in " + count(n - missing) + " points from " + from + " to " + to + low + gap;
    }

    private static String valueAt(String zTitle, Series s, int i) {
        return coordinate(zTitle, "z", s.zs.get(i)) + " at (" + num(value(s.xs.get(i))) + ", " + num(value(s.ys.get(i))) + ")";
    }

    /** "from −2 to 2" for numbers, "in 10 categories (cat to dog)" for labels. */
    private static String extent(String title, String letter, List<Object> values) {
        double[] r = range(values);
        if (r != null) return span(title, letter, r);
        Set<String> cats = categories(values);
        List<String> c = new ArrayList<>(cats);
        return axisName(title, letter) + " in " + count(c.size()) + " categories"
                + (c.isEmpty() ? "" : " (" + c.get(0) + (c.size() > 1 ? " to " + c.get(c.size() - 1) : "") + ")");
    }

    private static String span(String title, String letter, double[] r) {
        return axisName(title, letter) + " from " + num(r[0]) + " to " + num(r[1]);
    }

    /** "at iteration 300" for an axis titled by one word, "at x = 2" or "at learning rate η = 0.1" otherwise. */
    private static String at(String axisTitle, Object x) {
        return "at " + coordinate(axisTitle, "x", x);
    }

    private static String coordinate(String axisTitle, String letter, Object x) {
        String t = axisTitle.replaceAll("\\s+\\([^)]*\\)$", "").trim();
        if (t.isEmpty()) t = axisTitle.isEmpty() ? letter : axisTitle;
        if (t.matches("\\p{L}{2,}") && !(x instanceof String)) return t + " " + label(x);
        return t + " = " + label(x);
    }

    // --- the table -------------------------------------------------------------------------------------------------

    /** The long table: [panel,] series, x, y[, z], each series sampled by {@link #sample}; notes gets how. */
    private static Table table(String title, List<Series> series, int perSeries, Map<String, List<String>> notes,
                               List<Series> sampledSeries) {
        boolean hasZ = series.stream().anyMatch(s -> s.kind == Kind.GRID || !s.zs.isEmpty());
        boolean hasY = series.stream().anyMatch(s -> s.kind != Kind.HISTOGRAM || s.xs.isEmpty());
        List<String> names = new ArrayList<>(), panels = new ArrayList<>();
        List<String> panelKeys = series.stream().map(s -> s.panelKey).distinct().toList();
        List<Object> xs = new ArrayList<>(), ys = new ArrayList<>(), zs = new ArrayList<>();
        for (Series s : series) {
            int n = s.size();
            List<Integer> rows = sample(n, perSeries);
            if (rows.size() < n) {
                int step = rows.size() > 1 ? rows.get(1) - rows.get(0) : n;
                String what = s.kind == Kind.GRID ? "cells (row by row)" : s.kind == Kind.HISTOGRAM ? "values (in order)" : "points";
                notes.computeIfAbsent("every " + ordinal(step) + " of " + count(n) + " " + what
                        + ((n - 1) % step == 0 ? "" : " and the last"), k -> new ArrayList<>()).add(s.name);
                sampledSeries.add(s);
            }
            int panel = panelKeys.indexOf(s.panelKey);
            for (int r : rows) {
                names.add(s.name);
                panels.add(s.panel.isEmpty() ? "panel " + (panel + 1) : s.panel);
                if (s.kind == Kind.GRID) {
                    int i = 0, j = r;
                    while (i < s.grid.size() && j >= s.grid.get(i).size()) {
                        j -= s.grid.get(i).size();
                        i++;
                    }
                    xs.add(at(s.xs, j));
                    ys.add(at(s.ys, i));
                    zs.add(i < s.grid.size() ? s.grid.get(i).get(j) : null);
                } else if (s.kind == Kind.HISTOGRAM) {
                    xs.add(s.xs.isEmpty() ? null : at(s.xs, r));
                    ys.add(s.xs.isEmpty() ? at(s.ys, r) : null);
                    zs.add(null);
                } else {
                    xs.add(at(s.xs, r));
                    ys.add(at(s.ys, r));
                    zs.add(at(s.zs, r));
                }
            }
        }
        // the columns are named after the axes when every series shares them
        String zLetter = series.stream().anyMatch(s -> s.kind == Kind.GRID) ? "value" : "z";
        String xName = shared(series, Axes::x, "x"), yName = shared(series, Axes::y, "y"),
                zName = shared(series.stream().filter(s -> s.kind == Kind.GRID || !s.zs.isEmpty()).toList(), Axes::z, zLetter);
        Set<String> distinct = new LinkedHashSet<>(List.of("panel", "series", xName, yName, zName));
        if (distinct.size() < 5) {
            xName = "x";
            yName = "y";
            zName = zLetter;
        }
        Table t = Table.create(title.isEmpty() ? "Data of the figure" : title);
        boolean panelIsSeries = true;   // a grid of one series a panel, each named after its panel: no panel column
        for (int i = 0; i < names.size(); i++) panelIsSeries &= names.get(i).equals(panels.get(i));
        if (panelKeys.size() > 1 && !panelIsSeries) t.addColumns(StringColumn.create("panel", panels));
        t.addColumns(StringColumn.create("series", names), column(xName, xs));
        if (hasY) t.addColumns(column(yName, ys));
        if (hasZ) t.addColumns(column(zName, zs));
        return t;
    }

    /** The axis title all the series share, else the letter. */
    private static String shared(List<Series> series, java.util.function.Function<Axes, String> axis, String letter) {
        Set<String> titles = new LinkedHashSet<>();
        series.forEach(s -> titles.add(axis.apply(s.axes)));
        return titles.size() == 1 && !titles.iterator().next().isEmpty() ? titles.iterator().next() : letter;
    }

    /** A number column if every value is a number or missing, else the values as text. */
    private static Column<?> column(String name, List<Object> values) {
        boolean numeric = values.stream().allMatch(v -> v == null || v instanceof Number);
        if (numeric) {
            DoubleColumn c = DoubleColumn.create(name);
            for (Object v : values) {
                if (finite(v)) c.append(value(v));
                else c.appendMissing();
            }
            return c;
        }
        StringColumn c = StringColumn.create(name);
        for (Object v : values) c.append(v == null ? "—" : label(v));
        return c;
    }

    /** The rows of an evenly sampled series of n points: every k-th from the first, and the last. */
    static List<Integer> sample(int n, int max) {
        List<Integer> rows = new ArrayList<>();
        if (n <= max) {
            for (int i = 0; i < n; i++) rows.add(i);
            return rows;
        }
        int step = (int) Math.ceil((n - 1) / (double) (max - 1));
        for (int i = 0; i < n; i += step) rows.add(i);
        if (rows.get(rows.size() - 1) != n - 1) rows.add(n - 1);
        return rows;
    }

    // --- values ----------------------------------------------------------------------------------------------------

    /** A number with at most 4 significant digits (integers below a million exactly), as the course writes it: −0.5, 1.5e-05. */
    static String num(double v) {
        if (Double.isNaN(v)) return "NaN";
        if (Double.isInfinite(v)) return v > 0 ? "∞" : "−∞";
        if (v == 0) return "0";
        double a = Math.abs(v);
        String s;
        if (v == Math.rint(v) && a < 1e6) {
            s = String.valueOf((long) v);
        } else if (a >= 1e6 || a < 1e-4) {
            s = Tables.format(v);                     // 1.235e-08: four significant digits
        } else {
            s = new BigDecimal(v).round(new MathContext(4)).stripTrailingZeros().toPlainString();
        }
        return s.replace('-', '−').replace("e−", "e-");
    }

    /** A count, its thousands apart: 1 000, 12 500. */
    static String count(int n) {
        return String.format(Locale.ROOT, "%,d", n).replace(',', '\u00a0');
    }

    private static String ordinal(int k) {
        if (k == 2) return "2nd";
        int last = k % 10, tens = k % 100;
        String suffix = tens >= 11 && tens <= 13 ? "th" : last == 1 ? "st" : last == 2 ? "nd" : last == 3 ? "rd" : "th";
        return k + suffix;
    }

    /** A value as a label: a number by {@link #num}, a text as it is. */
    private static String label(Object v) {
        if (v instanceof Number n) return num(n.doubleValue());
        return v == null ? "—" : plain(v);
    }

    private static boolean finite(Object v) {
        return v instanceof Number n && Double.isFinite(n.doubleValue());
    }

    /** A coordinate that draws: a finite number or a category label. */
    private static boolean present(Object v) {
        return finite(v) || v instanceof String s && !s.isEmpty();
    }

    private static double value(Object v) {
        return ((Number) v).doubleValue();
    }

    private static double number(Object v) {
        return v instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    /** The finite values' {min, max}, or null if there are none. */
    private static double[] range(List<Object> values) {
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        for (Object v : values) {
            if (finite(v)) {
                min = Math.min(min, value(v));
                max = Math.max(max, value(v));
            }
        }
        return min > max ? null : new double[]{min, max};
    }

    private static Set<String> categories(List<Object> values) {
        Set<String> out = new LinkedHashSet<>();
        for (Object v : values) if (v instanceof String s && !s.isEmpty()) out.add(plain(s));
        return out;
    }

    /** How many pieces a line with gaps draws (runs of consecutive drawn points). */
    private static int pieces(List<Object> xs, List<Object> ys) {
        if (ys == null) return 0;
        int pieces = 0;
        boolean in = false;
        for (int i = 0; i < ys.size(); i++) {
            boolean drawn = finite(ys.get(i)) && (xs == null || i < xs.size() && present(xs.get(i)));
            if (drawn && !in) pieces++;
            in = drawn;
        }
        return pieces;
    }

    /** Whether the drawn x values never decrease (a curve over x, not a path that comes back). */
    private static boolean increasing(List<Object> xs) {
        double last = Double.NEGATIVE_INFINITY;
        for (Object x : xs) {
            if (!finite(x)) {
                if (x instanceof String) return true;   // categories: in their order
                continue;
            }
            if (value(x) < last) return false;
            last = value(x);
        }
        return true;
    }

    private static Object at(List<Object> values, int i) {
        return i >= 0 && i < values.size() ? values.get(i) : null;
    }

    private static List<Object> list(Object o) {
        return o instanceof List<?> l ? new ArrayList<>(l) : null;
    }

    private static List<Object> indices(int n) {
        List<Object> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) out.add((double) i);
        return out;
    }

    private static Object child(Object map, String key) {
        return map instanceof Map<?, ?> m ? m.get(key) : null;
    }

    /** A text as read: sub- and superscripts as characters, without tags. */
    private static String plain(Object text) {
        if (text == null) return "";
        return Style.unscripts(String.valueOf(text)).replaceAll("</?[A-Za-z][^<>]*>", " ").replaceAll("\\s+", " ").trim();
    }

    private static String esc(String s) {
        return HtmlEscape.escapeHtml4Xml(s);
    }
}
