package dl.plot;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.unbescape.html.HtmlEscape;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.traces.Trace;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a Tablesaw {@link Figure} into a {@link PlotlyFigure}.
 *
 * <p>Tablesaw 0.44 writes a figure as JavaScript for plotly.js 1.x: object literals rather than
 * JSON, HTML-escaped strings, numbers quoted as strings, plain-string titles (which plotly.js 3
 * ignores) and every heatmap or contour trace named {@code trace0}. This bridge reads each object
 * literal in the order Tablesaw writes it and repairs those points, so a Tablesaw figure shows
 * with its titles in current plotly.js.
 */
final class TablesawBridge {
    private TablesawBridge() {
    }

    static PlotlyFigure convert(Figure figure) {
        Map<String, Object> layout = layout(figure.getLayout());
        List<Map<String, Object>> traces = new ArrayList<>();
        Trace[] data = figure.getTraces();
        for (int i = 0; data != null && i < data.length; i++) {
            traces.add(trace(data[i], i));
        }
        return PlotlyFigure.of(traces, layout);
    }

    /** A Tablesaw layout as Plotly's layout structure (empty for null). */
    static Map<String, Object> layout(Layout layout) {
        if (layout == null) {
            return new LinkedHashMap<>();
        }
        String js = layout.asJavascript();
        int at = js.indexOf("var layout =");
        return at < 0 ? new LinkedHashMap<>() : cleanLayout(readObject(js, js.indexOf('{', at)));
    }

    /** One trace as Plotly attributes: a {@link PlotlyTrace} as it is, a Tablesaw trace from its script. */
    static Map<String, Object> trace(Trace trace, int index) {
        if (trace == null) {
            throw new IllegalArgumentException("trace " + index + " of the figure is null");
        }
        if (trace instanceof PlotlyTrace p) {
            return p.toPlotly();
        }
        String js = trace.asJavascript(index);
        int brace = js.indexOf('{');
        if (brace < 0) {
            throw new IllegalStateException("cannot read Tablesaw's trace script: " + js);
        }
        return cleanTrace(readObject(js, brace));
    }

    /** Reads the object literal that starts at {@code brace} in Tablesaw's script. */
    static Map<String, Object> object(String js, int brace) {
        if (brace < 0) {
            throw new IllegalStateException("no object literal in Tablesaw's script: " + js);
        }
        return readObject(js, brace);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> readObject(String js, int brace) {
        try {
            // Jackson stops after the first complete value, so the rest of the script is ignored.
            return (Map<String, Object>) unescape(Json.LENIENT.readValue(js.substring(brace), Map.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read Tablesaw's plot script near: "
                    + js.substring(brace, Math.min(js.length(), brace + 80)), e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Object unescape(Object value) {
        if (value instanceof String s) {
            return HtmlEscape.unescapeHtml(s);
        }
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            ((Map<String, Object>) m).forEach((k, v) -> out.put(k, unescape(v)));
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(v -> out.add(unescape(v)));
            return out;
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cleanLayout(Map<String, Object> layout) {
        fixTitle(layout);
        for (Map.Entry<String, Object> e : layout.entrySet()) {
            String key = e.getKey();
            if (e.getValue() instanceof Map<?, ?> section && (key.matches("[xyz]axis\\d*") || key.equals("scene"))) {
                Map<String, Object> s = (Map<String, Object>) section;
                fixTitle(s);
                if (key.equals("scene")) {
                    for (Object axis : s.values()) {
                        if (axis instanceof Map<?, ?> a) {
                            fixTitle((Map<String, Object>) a);
                        }
                    }
                }
            }
        }
        return layout;
    }

    /** plotly.js ≥ 3 wants {@code title: {text: …, font: …}}; Tablesaw writes {@code title: '…'} and {@code titlefont}. */
    private static void fixTitle(Map<String, Object> section) {
        Object title = section.get("title");
        if (title instanceof String text) {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("text", text);
            section.put("title", t);
        }
        Object font = section.remove("titlefont");
        if (font != null && section.get("title") instanceof Map<?, ?> t) {
            @SuppressWarnings("unchecked")
            Map<String, Object> titleMap = (Map<String, Object>) t;
            titleMap.put("font", font);
        }
    }

    private static Map<String, Object> cleanTrace(Map<String, Object> trace) {
        for (String key : List.of("x", "y", "z")) {
            if (trace.containsKey(key)) {
                trace.put(key, numbersIfNumeric(trace.get(key)));
            }
        }
        if ("".equals(trace.get("name"))) {
            trace.remove("name");
        }
        return trace;
    }

    /** Tablesaw quotes numbers ("1.0", "NaN"): turn an all-numeric array back into numbers, NaN into a gap. */
    private static Object numbersIfNumeric(Object value) {
        if (!(value instanceof List<?> list) || !allNumeric(list)) {
            return value;
        }
        List<Object> out = new ArrayList<>(list.size());
        for (Object v : list) {
            if (v instanceof List<?>) {
                out.add(numbersIfNumeric(v));
            } else {
                double d = v instanceof Number n ? n.doubleValue() : Double.parseDouble((String) v);
                out.add(Double.isFinite(d) ? d : null);
            }
        }
        return out;
    }

    private static boolean allNumeric(List<?> list) {
        for (Object v : list) {
            if (v == null || v instanceof Number) {
                continue;
            }
            if (v instanceof List<?> inner) {
                if (!allNumeric(inner)) {
                    return false;
                }
                continue;
            }
            if (!(v instanceof String s)) {
                return false;
            }
            try {
                Double.parseDouble(s);
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return true;
    }
}
