package dl.plot;

import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.traces.Trace;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Several figures as panels of one figure, in a grid of rows and columns — for a row of
 * small plots the slide shows side by side (three learning rates, eleven activations, eight images).
 * Each panel keeps its traces, axis labels, ranges and title; a legend entry that repeats in
 * several panels is listed once.
 * <pre>{@code
 * Panels.grid("Three learning rates", 3, figureFor(0.2), figureFor(0.01), figureFor(1.0))
 * }</pre>
 */
public final class Panels {
    /** Height of one row of panels, in pixels, unless set with {@link Chart#size}. */
    public static final int ROW_HEIGHT = 320;
    /** Space between two rows of panels, in pixels: the upper row's x labels and the lower row's panel titles. */
    static final int ROW_GAP = 90;
    /** Added to rows·ROW_HEIGHT for the figure's height, in pixels (the title and the bottom margin). */
    static final int FRAME = 110;

    private Panels() {
    }

    /** The panels in a grid with the given number of columns, filled row by row. */
    public static Chart grid(String title, int columns, Figure... panels) {
        // Arrays.asList, not List.of: a null panel gets the message naming its index below, not a bare NPE
        return grid(title, columns, java.util.Arrays.asList(Objects.requireNonNull(panels, "panels")));
    }

    /** The panels in a grid with the given number of columns, filled row by row. */
    public static Chart grid(String title, int columns, List<? extends Figure> panels) {
        Objects.requireNonNull(panels, "panels");
        int rows = columns < 1 ? 1 : (panels.size() + columns - 1) / columns;
        // the same gap in pixels for any number of rows, as a fraction of the plotting area's height
        double area = rows * ROW_HEIGHT + FRAME - Style.MARGIN_TOP - Style.MARGIN_BOTTOM;
        double gapY = rows > 1 ? ROW_GAP / area : 0;
        return grid(title, columns, panels, columns > 1 ? 0.07 : 0, gapY);
    }

    /** The grid with the gaps between columns and rows given as fractions of the plotting area. */
    @SuppressWarnings("unchecked")
    static Chart grid(String title, int columns, List<? extends Figure> panels, double gapX, double gapY) {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(panels, "panels");
        if (columns < 1) {
            throw new IllegalArgumentException("columns must be at least 1, got " + columns);
        }
        if (panels.isEmpty()) {
            throw new IllegalArgumentException("a grid needs at least one panel");
        }
        int rows = (panels.size() + columns - 1) / columns;
        columns = Math.min(columns, panels.size());
        if (columns == 1) gapX = 0;
        if (rows == 1) gapY = 0;
        double w = (1 - gapX * (columns - 1)) / columns;
        double h = (1 - gapY * (rows - 1)) / rows;

        List<Trace> traces = new ArrayList<>();
        Map<String, Object> layout = new LinkedHashMap<>();
        List<Object> notes = new ArrayList<>();
        Set<String> named = new HashSet<>();
        String[] rowYTitle = new String[rows];
        boolean anyLegend = false;
        for (int k = 0; k < panels.size(); k++) {
            Figure panel = Objects.requireNonNull(panels.get(k), "panels[" + k + "]");
            Map<String, Object> fig = Plots.toPlotly(panel).toPlotly();
            Map<String, Object> pl = (Map<String, Object>) fig.get("layout");
            int row = k / columns;
            int col = k % columns;
            double x0 = col * (w + gapX);
            double y1 = 1 - row * (h + gapY);
            double y0 = y1 - h;
            String n = k == 0 ? "" : String.valueOf(k + 1);
            Map<String, Object> xa = pl.get("xaxis") instanceof Map<?, ?> m ? Json.deepCopy((Map<String, Object>) m) : new LinkedHashMap<>();
            Map<String, Object> ya = pl.get("yaxis") instanceof Map<?, ?> m ? Json.deepCopy((Map<String, Object>) m) : new LinkedHashMap<>();
            // the y title is written once per row: a panel repeating its left neighbour's title drops it
            String yTitle = title(ya);
            if (col == 0) {
                rowYTitle[row] = yTitle;
            } else if (!yTitle.isEmpty() && yTitle.equals(rowYTitle[row])) {
                ya.remove("title");
            }
            xa.put("domain", List.of(x0, x0 + w));
            xa.put("anchor", "y" + n);
            ya.put("domain", List.of(y0, y1));
            ya.put("anchor", "x" + n);
            if ("x".equals(ya.get("scaleanchor"))) {
                ya.put("scaleanchor", "x" + n);
            }
            layout.put("xaxis" + n, xa);
            layout.put("yaxis" + n, ya);
            boolean scene = pl.get("scene") instanceof Map<?, ?>;
            if (scene) {
                Map<String, Object> s = Json.deepCopy((Map<String, Object>) pl.get("scene"));
                s.put("domain", Map.of("x", List.of(x0, x0 + w), "y", List.of(y0, y1)));
                layout.put("scene" + n, s);
                layout.remove("xaxis" + n);
                layout.remove("yaxis" + n);
            }
            String panelTitle = title(pl);
            if (!panelTitle.isEmpty()) {
                Map<String, Object> note = new LinkedHashMap<>();
                note.put("text", panelTitle);
                note.put("x", x0 + w / 2);
                note.put("y", y1);
                note.put("xref", "paper");
                note.put("yref", "paper");
                note.put("xanchor", "center");
                note.put("yanchor", "bottom");
                note.put("yshift", 4);
                note.put("showarrow", false);
                note.put("font", Map.of("size", 14));
                notes.add(note);
            }
            if (pl.get("annotations") instanceof List<?> list) {
                for (Object o : list) {
                    Map<String, Object> a = Json.deepCopy((Map<String, Object>) o);
                    for (String ref : List.of("xref", "axref")) {
                        if ("x".equals(a.getOrDefault(ref, "x"))) a.put(ref, "x" + n);
                    }
                    for (String ref : List.of("yref", "ayref")) {
                        if ("y".equals(a.getOrDefault(ref, "y"))) a.put(ref, "y" + n);
                    }
                    if (!a.containsKey("ax")) { a.remove("axref"); }
                    if (!a.containsKey("ay")) { a.remove("ayref"); }
                    notes.add(a);
                }
            }
            for (Map<String, Object> t : (List<Map<String, Object>>) fig.get("data")) {
                Map<String, Object> trace = Json.deepCopy(t);
                if (scene) {
                    trace.put("scene", "scene" + n);
                } else {
                    trace.put("xaxis", "x" + n);
                    trace.put("yaxis", "y" + n);
                }
                Object name = trace.get("name");
                if (name != null && !name.toString().isEmpty()) {
                    trace.put("legendgroup", name.toString());   // one colour per legend name (Palette), in every panel
                    if (!named.add(name.toString())) {
                        trace.put("showlegend", false);
                    } else if (!Boolean.FALSE.equals(trace.get("showlegend"))) {
                        anyLegend = true;
                    }
                }
                // one colour bar for a grid of images or heat maps is enough (and k of them would overlap)
                if (k > 0 && trace.containsKey("colorscale")) {
                    trace.put("showscale", false);
                }
                traces.add(StyledTrace.ofMap(trace));
            }
        }
        // the x title is written once per column, under its bottom panel: a panel whose lower neighbour
        // has the same title drops it (it would run into the lower panel's caption)
        for (int k = 0; k + columns < panels.size(); k++) {
            String upper = "xaxis" + (k == 0 ? "" : String.valueOf(k + 1));
            String lower = "xaxis" + (k + columns + 1);
            if (layout.get(upper) instanceof Map<?, ?> u && layout.get(lower) instanceof Map<?, ?> l) {
                String t = title((Map<String, Object>) u);
                if (!t.isEmpty() && t.equals(title((Map<String, Object>) l))) {
                    ((Map<String, Object>) u).remove("title");
                }
            }
        }
        Chart chart = new Chart(null, traces.toArray(Trace[]::new));
        layout.forEach(chart::set);
        chart.set("title", Map.of("text", title));
        chart.set("annotations", notes);
        chart.set("showlegend", anyLegend);
        chart.set("width", Style.MAX_WIDTH);
        chart.set("height", rows * ROW_HEIGHT + FRAME);
        return chart;
    }

    private static String title(Map<String, Object> layout) {
        Object t = layout.get("title");
        if (t instanceof Map<?, ?> m && m.get("text") != null) {
            return m.get("text").toString();
        }
        return t instanceof String s ? s : "";
    }
}
