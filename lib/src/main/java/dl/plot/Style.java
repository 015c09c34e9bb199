package dl.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The style step applied to every figure when it is shown: projector-ready fonts (Korean text
 * included), a width that fits a 1280-px screen with JupyterLab's file browser open, margins that
 * make room for titles, 10ⁿ tick labels on log axes, and a legend that covers nothing — below the
 * plot when a colour bar takes the right-hand side, to the right of the plot when animation controls
 * take the bottom.
 */
public final class Style {
    /** The widest figure that fits next to JupyterLab's file browser on a 1280-px screen. */
    public static final int MAX_WIDTH = 900;
    static final String FONT_FAMILY = "'Noto Sans', 'Noto Sans CJK KR', 'NanumGothic', 'Malgun Gothic', Arial, sans-serif";
    private static final Set<String> COLOUR_BAR_TYPES = Set.of("contour", "heatmap", "surface");

    private Style() {
    }

    /** A styled copy of a Plotly figure {data, layout, frames?, config}; the input is not changed. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> apply(Map<String, Object> figure) {
        Map<String, Object> out = Json.deepCopy(figure);
        Map<String, Object> layout = Json.section(out, "layout");
        List<Map<String, Object>> data = out.get("data") instanceof List<?> l
                ? (List<Map<String, Object>>) l : new ArrayList<>();

        Map<String, Object> font = Json.section(layout, "font");
        font.putIfAbsent("family", FONT_FAMILY);
        font.putIfAbsent("size", 14);
        if (layout.get("title") instanceof Map<?, ?> t) {
            Map<String, Object> title = Json.section(layout, "title");
            Map<String, Object> titleFont = Json.section(title, "font");
            titleFont.putIfAbsent("size", 17);
            title.putIfAbsent("x", 0.03);
            title.putIfAbsent("xanchor", "left");
        }
        if (layout.get("width") instanceof Number w && w.intValue() == 800
                && layout.get("height") instanceof Number h && h.intValue() == 600 && !layout.containsKey("scene")) {
            // Tablesaw's default size: a little tall for a projector
            layout.put("width", Chart.WIDTH);
            layout.put("height", Chart.HEIGHT);
        }
        if (layout.get("width") instanceof Number w && w.intValue() > MAX_WIDTH) {
            double scale = (double) MAX_WIDTH / w.intValue();
            layout.put("width", MAX_WIDTH);
            if (layout.get("height") instanceof Number h) {
                layout.put("height", (int) Math.max(300, Math.round(h.doubleValue() * Math.max(scale, 0.8))));
            }
        }
        Map<String, Object> margin = Json.section(layout, "margin");
        margin.putIfAbsent("t", 70);
        margin.putIfAbsent("l", 70);
        margin.putIfAbsent("r", 30);
        margin.putIfAbsent("b", 60);

        for (String key : new ArrayList<>(layout.keySet())) {
            if (key.matches("[xy]axis\\d*") && layout.get(key) instanceof Map<?, ?>) {
                styleAxis(Json.section(layout, key));
            }
            if (key.matches("scene\\d*") && layout.get(key) instanceof Map<?, ?>) {
                Map<String, Object> scene = Json.section(layout, key);
                for (String a : List.of("xaxis", "yaxis", "zaxis")) {
                    if (scene.get(a) instanceof Map<?, ?>) {
                        Map<String, Object> axis = Json.section(scene, a);
                        if ("log".equals(axis.get("type"))) {
                            axis.putIfAbsent("exponentformat", "power");
                        }
                    }
                }
            }
        }

        boolean animated = out.get("frames") instanceof List<?> f && !f.isEmpty();
        boolean colourBar = data.stream().anyMatch(t -> COLOUR_BAR_TYPES.contains(String.valueOf(t.get("type")))
                && !Boolean.FALSE.equals(t.get("showscale")));
        long legendEntries = data.stream().filter(Style::inLegend).map(t -> t.get("name")).distinct().count();
        Map<String, Object> legend = layout.get("legend") instanceof Map<?, ?> ? Json.section(layout, "legend") : null;
        if (animated) {
            // the controls sit below the plot: a legend there would run into them
            if (legend == null || "h".equals(legend.get("orientation"))
                    || legend.get("y") instanceof Number y && y.doubleValue() < 0) {
                layout.put("legend", Legend.RIGHT.plotly());
            }
        } else if (legend == null && colourBar && legendEntries > 0) {
            layout.put("legend", Legend.BELOW.plotly());
            legend = Json.section(layout, "legend");
        }
        if (legend != null && "h".equals(legend.get("orientation"))) {
            Object b = margin.get("b");
            if (!(b instanceof Number n) || n.intValue() < 110) {
                margin.put("b", 110);
            }
        }
        if (layout.get("legend") instanceof Map<?, ?>) {
            Json.section(Json.section(layout, "legend"), "font").putIfAbsent("size", 13);
        }
        return out;
    }

    private static boolean inLegend(Map<String, Object> trace) {
        Object name = trace.get("name");
        return name != null && !name.toString().isEmpty() && !Boolean.FALSE.equals(trace.get("showlegend"))
                && !COLOUR_BAR_TYPES.contains(String.valueOf(trace.get("type")));
    }

    private static void styleAxis(Map<String, Object> axis) {
        axis.putIfAbsent("automargin", true);
        if ("log".equals(axis.get("type"))) {
            axis.putIfAbsent("exponentformat", "power");
        }
        if (axis.get("title") instanceof Map<?, ?>) {
            Map<String, Object> title = Json.section(axis, "title");
            Json.section(title, "font").putIfAbsent("size", 15);
        }
        Json.section(axis, "tickfont").putIfAbsent("size", 13);
    }
}
