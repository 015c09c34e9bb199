package dl.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The style step applied to every figure when it is shown: each series in its {@link Palette} colour,
 * projector-ready fonts (Korean text included), a width that fits a 1280-px screen with JupyterLab's file browser open, margins that
 * make room for titles, 10ⁿ tick labels on log axes, and a legend that covers nothing — below the
 * plot when a colour bar takes the right-hand side, to the right of the plot when animation controls
 * take the bottom. Every colour bar is titled (with its series' name), the x and y tick labels keep apart
 * where the two axes meet, and superscripts and subscripts (x², x₀, 10⁻⁶) are drawn as Plotly's
 * {@code <sup>}/{@code <sub>} in the text's own font: the Unicode characters are missing from most fonts
 * (Noto Sans CJK has ¹²³ but not ⁰ or ⁻), and a fallback font drew "10⁻¹⁰" with digits of two fonts.
 */
public final class Style {
    /** The widest figure that fits JupyterLab's output area with the file browser open on a 1280-px screen (848 px). */
    public static final int MAX_WIDTH = 840;
    static final String FONT_FAMILY = "'Noto Sans', 'Noto Sans CJK KR', 'NanumGothic', 'Malgun Gothic', Arial, sans-serif";
    private static final Set<String> COLOUR_BAR_TYPES = Set.of("contour", "heatmap", "surface");

    private Style() {
    }

    /** Default top and bottom margins, in pixels (title above, x-axis title below). */
    static final int MARGIN_TOP = 70;
    static final int MARGIN_BOTTOM = 60;

    /** A styled copy of a Plotly figure {data, layout, frames?, config}; the input is not changed. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> apply(Map<String, Object> figure) {
        Map<String, Object> out = Json.deepCopy(figure);
        Map<String, Object> layout = Json.section(out, "layout");
        List<Map<String, Object>> data = out.get("data") instanceof List<?> l
                ? (List<Map<String, Object>>) l : new ArrayList<>();

        data.forEach(t -> t.remove(Traces.PATH_META));
        data.forEach(Style::markLonePoint);
        // a series' colour by its name, the same in every figure of the notebook (animation frames included)
        List<Map<String, Object>> series = new ArrayList<>(data);
        if (out.get("frames") instanceof List<?> frames) {
            for (Object f : frames) {
                if (f instanceof Map<?, ?> frame && frame.get("data") instanceof List<?> traces) {
                    traces.forEach(t -> series.add((Map<String, Object>) t));
                }
            }
        }
        Palette.paint(series);
        layout.putIfAbsent("colorway", Palette.COLOURS);
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
        margin.putIfAbsent("t", MARGIN_TOP);
        margin.putIfAbsent("l", 70);
        margin.putIfAbsent("r", 30);
        margin.putIfAbsent("b", MARGIN_BOTTOM);

        double legendShare = rightLegendShare(layout, data);   // of the width, for narrow panels' ticks
        for (String key : new ArrayList<>(layout.keySet())) {
            if (key.matches("[xy]axis\\d*") && layout.get(key) instanceof Map<?, ?>) {
                Map<String, Object> axis = Json.section(layout, key);
                styleAxis(axis, key.startsWith("x"));
                double pixels = axisPixels(layout, key, axis);
                if ("log".equals(axis.get("type"))) {
                    requireSomethingPositive(data, key);
                    noteNonPositive(data, key);
                    logTicks(axis, dataRange(data, key), pixels, key.startsWith("x"));
                } else if (key.startsWith("x")) {
                    Set<String> categories = categoryLabels(data, key);
                    if (categories.isEmpty()) {
                        fewerTicksWhenNarrow(axis, data, key, pixels * legendShare);
                    } else {
                        angleLongCategories(axis, categories, pixels);
                    }
                }
            }
            if (key.matches("scene\\d*") && layout.get(key) instanceof Map<?, ?>) {
                Map<String, Object> scene = Json.section(layout, key);
                for (String a : List.of("xaxis", "yaxis", "zaxis")) {
                    if (scene.get(a) instanceof Map<?, ?>) {
                        Map<String, Object> axis = Json.section(scene, a);
                        // five or six ticks per axis: more pile into each other where two axes meet
                        axis.putIfAbsent("nticks", 6);
                        Json.section(axis, "tickfont").putIfAbsent("size", 14);
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
        } else if (legend == null && colourBar && legendEntries > 0 && !Boolean.FALSE.equals(layout.get("showlegend"))) {
            layout.put("legend", Legend.BELOW.plotly());
            legend = Json.section(layout, "legend");
        }
        if (legend != null && "h".equals(legend.get("orientation")) && !Boolean.FALSE.equals(layout.get("showlegend"))) {
            Object b = margin.get("b");
            if (!(b instanceof Number n) || n.intValue() < 110) {
                margin.put("b", 110);
            }
            // place the row ~75 px below the plotting area, under the x-axis title, whatever the figure's height
            if (legend.get("y") instanceof Number y && y.doubleValue() < 0 && layout.get("height") instanceof Number h) {
                double plot = Math.max(100, h.doubleValue() - ((Number) margin.get("t")).doubleValue()
                        - ((Number) margin.get("b")).doubleValue());
                legend.put("y", -75.0 / plot);
            }
        }
        if (layout.get("legend") instanceof Map<?, ?>) {
            Json.section(Json.section(layout, "legend"), "font").putIfAbsent("size", 14);
        }
        data.forEach(Style::titleColourBar);
        scriptsInText(out);
        return out;
    }

    /**
     * A colour bar says what its colours measure: one without a title gets its series' name, written along
     * the bar (a long name above a 14-px-wide bar would run off the figure).
     */
    @SuppressWarnings("unchecked")
    private static void titleColourBar(Map<String, Object> trace) {
        if (trace.get("marker") instanceof Map<?, ?> marker && Boolean.TRUE.equals(marker.get("showscale"))
                && marker.get("colorbar") instanceof Map<?, ?> bar && bar.get("title") instanceof Map<?, ?> title) {
            ((Map<String, Object>) title).putIfAbsent("side", "right");   // markers coloured by a value: named by the cell
        }
        if (!COLOUR_BAR_TYPES.contains(String.valueOf(trace.get("type"))) || Boolean.FALSE.equals(trace.get("showscale"))) {
            return;
        }
        Map<String, Object> bar = Json.section(trace, "colorbar");
        Map<String, Object> title = Json.section(bar, "title");
        if (!(title.get("text") instanceof String t) || t.isBlank()) {
            if (!(trace.get("name") instanceof String name) || name.isBlank()) {
                return;   // nothing to name it by: the figure test reports the untitled colour bar
            }
            title.put("text", name);
        }
        title.putIfAbsent("side", "right");
        Json.section(title, "font").putIfAbsent("size", 14);
    }

    private static final String SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁿⁱ";
    private static final String SUPERSCRIPTED = "0123456789+−=()ni";
    private static final String SUBSCRIPTS = "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑₒₓₕₖₗₘₙₚₛₜᵢⱼ";
    private static final String SUBSCRIPTED = "0123456789+−=()aeoxhklmnpstij";

    /**
     * Plotly draws {@code <sup>} and {@code <sub>} at 70 % of the text's size (9.8 px on 14-px tick labels):
     * the span inside raises them to 84 % (11.8 px), as large as a superscript can be and still read as one.
     */
    private static final String SCRIPT_SPAN = "<span style=\"font-size:120%\">";

    /** Text as a superscript: {@code sup("−6")} is drawn as ⁻⁶, at 84 % of the text's size. */
    static String sup(String text) {
        return "<sup>" + SCRIPT_SPAN + text + "</span></sup>";
    }

    /** Text as a subscript (see {@link #sup}). */
    static String sub(String text) {
        return "<sub>" + SCRIPT_SPAN + text + "</span></sub>";
    }

    /**
     * A text with its runs of Unicode superscripts and subscripts as Plotly's {@code <sup>}/{@code <sub>}
     * ({@link #sup}, {@link #sub}): "x₀ = 10⁻⁶" becomes "x" + sub("0") + " = 10" + sup("−6").
     */
    static String scripts(String text) {
        StringBuilder b = new StringBuilder(text.length() + 16);
        String open = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int up = SUPERSCRIPTS.indexOf(c), down = SUBSCRIPTS.indexOf(c);
            String tag = up >= 0 ? "sup" : down >= 0 ? "sub" : null;
            if (!java.util.Objects.equals(tag, open)) {
                if (open != null) b.append("</span></").append(open).append('>');
                if (tag != null) b.append('<').append(tag).append('>').append(SCRIPT_SPAN);
                open = tag;
            }
            b.append(up >= 0 ? SUPERSCRIPTED.charAt(up) : down >= 0 ? SUBSCRIPTED.charAt(down) : c);
        }
        if (open != null) b.append("</span></").append(open).append('>');
        return b.toString();
    }

    /** The reverse of {@link #scripts}, for text read aloud or compared: "10" + sup("−6") is "10⁻⁶" again. */
    static String unscripts(String text) {
        StringBuilder b = new StringBuilder(text.length());
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<(sup|sub)>(?:<span[^>]*>)?(.*?)(?:</span>)?</\\1>")
                .matcher(text);
        int at = 0;
        while (m.find()) {
            b.append(text, at, m.start());
            boolean up = m.group(1).equals("sup");
            for (char c : m.group(2).toCharArray()) {
                int k = (up ? SUPERSCRIPTED : SUBSCRIPTED).indexOf(c);
                b.append(k >= 0 ? (up ? SUPERSCRIPTS : SUBSCRIPTS).charAt(k) : c);
            }
            at = m.end();
        }
        return b.append(text.substring(at)).toString();
    }

    /**
     * Rewrites superscripts and subscripts ({@link #scripts}) in every text plotly.js draws as SVG: titles,
     * axis titles and tick texts, annotations, slider labels, colour-bar titles, series names and text
     * labels, in the frames too. A 3-D scene's axes are left as they are (WebGL draws them, from Unicode).
     */
    @SuppressWarnings("unchecked")
    private static void scriptsInText(Map<String, Object> figure) {
        Map<String, Object> layout = Json.section(figure, "layout");
        scriptTitle(layout);
        for (Map.Entry<String, Object> e : layout.entrySet()) {
            if (e.getKey().matches("[xy]axis\\d*") && e.getValue() instanceof Map<?, ?> axis) {
                scriptTitle((Map<String, Object>) axis);
                if (axis.get("ticktext") instanceof List<?> texts) {
                    ((Map<String, Object>) axis).put("ticktext", scriptList(texts));
                }
            }
        }
        if (layout.get("legend") instanceof Map<?, ?> legend) scriptTitle((Map<String, Object>) legend);
        if (layout.get("annotations") instanceof List<?> notes) {
            notes.forEach(n -> scriptKey(n, "text"));
        }
        if (layout.get("sliders") instanceof List<?> sliders) {
            for (Object slider : sliders) {
                if (slider instanceof Map<?, ?> sl && sl.get("steps") instanceof List<?> steps) {
                    steps.forEach(st -> scriptKey(st, "label"));
                }
            }
        }
        List<Object> traces = new ArrayList<>();
        if (figure.get("data") instanceof List<?> d) traces.addAll(d);
        if (figure.get("frames") instanceof List<?> frames) {
            for (Object f : frames) {
                if (f instanceof Map<?, ?> frame) {
                    if (frame.get("data") instanceof List<?> d) traces.addAll(d);
                    if (frame.get("layout") instanceof Map<?, ?> fl) scriptTitle((Map<String, Object>) fl);
                }
            }
        }
        for (Object t : traces) {
            if (!(t instanceof Map<?, ?> m)) continue;
            Map<String, Object> trace = (Map<String, Object>) m;
            scriptKey(trace, "name");
            if (trace.get("text") instanceof List<?> texts) {
                trace.put("text", scriptList(texts));
            } else {
                scriptKey(trace, "text");
            }
            if (trace.get("colorbar") instanceof Map<?, ?> bar) scriptTitle((Map<String, Object>) bar);
        }
    }

    /** A map's "title" (a string or {text: …}) with {@link #scripts} applied. */
    @SuppressWarnings("unchecked")
    private static void scriptTitle(Map<String, Object> owner) {
        Object t = owner.get("title");
        if (t instanceof String str) {
            owner.put("title", scripts(str));
        } else if (t instanceof Map<?, ?> m) {
            scriptKey(m, "text");
        }
    }

    @SuppressWarnings("unchecked")
    private static void scriptKey(Object owner, String key) {
        if (owner instanceof Map<?, ?> m && m.get(key) instanceof String str) {
            ((Map<String, Object>) m).put(key, scripts(str));
        }
    }

    private static List<Object> scriptList(List<?> texts) {
        List<Object> out = new ArrayList<>(texts.size());
        for (Object o : texts) out.add(o instanceof String str ? scripts(str) : o);
        return out;
    }

    /** A line trace with a single finite point draws nothing: give it a marker (e.g. a run that diverged at once). */
    @SuppressWarnings("unchecked")
    private static void markLonePoint(Map<String, Object> trace) {
        if (!"scatter".equals(trace.getOrDefault("type", "scatter")) || !"lines".equals(trace.get("mode"))
                || !(trace.get("y") instanceof List<?> ys)) {
            return;
        }
        long finite = ys.stream().filter(v -> v instanceof Number n && Double.isFinite(n.doubleValue())).count();
        if (finite == 1) {
            trace.put("mode", "lines+markers");
            Json.section(trace, "marker").putIfAbsent("size", 9);
        }
    }

    /** The axis length in pixels: the figure's size less its margins, times the axis's domain. */
    private static double axisPixels(Map<String, Object> layout, String key, Map<String, Object> axis) {
        double domain = 1;
        if (axis.get("domain") instanceof List<?> d && d.size() == 2) {
            domain = number(d.get(1)) - number(d.get(0));
        }
        return Math.max(50, plotPixels(layout, key.startsWith("x")) * domain);
    }

    /** The plotting area's width (or height) in pixels: the figure's size less its margins. */
    @SuppressWarnings("unchecked")
    private static double plotPixels(Map<String, Object> layout, boolean x) {
        Map<String, Object> margin = layout.get("margin") instanceof Map<?, ?> mm ? (Map<String, Object>) mm : Map.of();
        double size = layout.get(x ? "width" : "height") instanceof Number n ? n.doubleValue() : (x ? Chart.WIDTH : Chart.HEIGHT);
        return size - number(margin.get(x ? "l" : "t")) - number(margin.get(x ? "r" : "b"));
    }

    private static double number(Object o) {
        return o instanceof Number n ? n.doubleValue() : 0;
    }

    /**
     * Refuses a log axis whose data are all zero or negative (it would draw an empty chart without a word),
     * naming the series and the index of its first value. Some values ≤ 0 beside positive ones are gaps, as
     * NaN and ±∞ are (a diverging curve still draws).
     */
    private static void requireSomethingPositive(List<Map<String, Object>> data, String key) {
        double[] positive = dataRange(data, key, true);
        double[] any = dataRange(data, key, false);
        if (positive[0] <= positive[1] || any[0] > any[1]) {
            return; // a positive value to draw, or no finite data at all
        }
        String letter = key.substring(0, 1);
        String ref = letter + key.substring(5);
        for (Map<String, Object> t : data) {
            if (ref.equals(String.valueOf(t.getOrDefault(letter + "axis", letter))) && t.get(letter) instanceof List<?> vs) {
                for (int i = 0; i < vs.size(); i++) {
                    if (vs.get(i) instanceof Number n && Double.isFinite(n.doubleValue())) {
                        throw new IllegalArgumentException("the " + letter + " axis is logarithmic but no value on it is"
                                + " positive: series '" + t.get("name") + "' has " + letter + "[" + i + "] = " + n
                                + " (all are ≤ 0); a log axis cannot show zero or negative values — plot without log"
                                + letter.toUpperCase() + "() or plot |values|");
                    }
                }
            }
        }
    }

    /**
     * A log axis cannot draw zero or negative values: each series on it that has some says how many in its name,
     * "loss (2 of 40 values ≤ 0, not drawn on the log y axis)" (its colour, given before, stays the series').
     */
    private static void noteNonPositive(List<Map<String, Object>> data, String key) {
        String letter = key.substring(0, 1);
        String ref = letter + key.substring(5);
        for (Map<String, Object> t : data) {
            if (!ref.equals(String.valueOf(t.getOrDefault(letter + "axis", letter))) || !(t.get(letter) instanceof List<?> vs)
                    || t.get("name") == null) {
                continue;
            }
            int k = 0;
            for (Object v : vs) {
                k += v instanceof Number n && n.doubleValue() <= 0 ? 1 : 0;
            }
            if (k > 0) {
                String name = t.get("name").toString();
                String note = k + " of " + vs.size() + " values ≤ 0, not drawn on the log " + letter + " axis";
                t.put("name", name.endsWith(", not drawn)") ? name.substring(0, name.length() - 1) + "; " + note + ")"
                        : name + " (" + note + ")");
            }
        }
    }

    /** The smallest and largest positive finite data value drawn on an axis (x for xaxis…, y for yaxis…). */
    private static double[] dataRange(List<Map<String, Object>> data, String key) {
        return dataRange(data, key, true);
    }

    /** The smallest and largest finite data value drawn on an axis (only positive ones if {@code positive}). */
    private static double[] dataRange(List<Map<String, Object>> data, String key, boolean positive) {
        String letter = key.substring(0, 1);
        String ref = letter + key.substring(5);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Map<String, Object> t : data) {
            if (!ref.equals(String.valueOf(t.getOrDefault(letter + "axis", letter))) || !(t.get(letter) instanceof List<?> vs)) {
                continue;
            }
            for (Object v : vs) {
                if (v instanceof Number n && Double.isFinite(n.doubleValue()) && (!positive || n.doubleValue() > 0)) {
                    lo = Math.min(lo, n.doubleValue());
                    hi = Math.max(hi, n.doubleValue());
                }
            }
        }
        return new double[]{lo, hi};
    }

    /** Mantissa sets for log ticks, densest first: 1…9, then 1 2 3 4 5 6 8, 1 2 3 5, 1 2 5, 1 3, 1. */
    private static final double[][] MANTISSAS = {{1, 2, 3, 4, 5, 6, 7, 8, 9}, {1, 2, 3, 4, 5, 6, 8}, {1, 2, 3, 5},
            {1, 2, 5}, {1, 3}, {1}};
    /** Smallest gap between two log tick labels, in pixels. */
    private static final double TICK_GAP = 26;

    /**
     * Ticks of a log axis without ticks of its own: the densest set of values m·10ⁿ whose labels stay
     * {@link #TICK_GAP} pixels apart, labelled 0.02, 5, 300 or 10⁻⁶, 2×10⁵ (never Plotly's small
     * unlabelled minor digits or SI prefixes such as 1µ).
     */
    static void logTicks(Map<String, Object> axis, double[] dataRange, double pixels, boolean horizontal) {
        if (axis.containsKey("tickvals") || axis.containsKey("dtick")) {
            return;
        }
        double lo = dataRange[0];
        double hi = dataRange[1];
        if (axis.get("range") instanceof List<?> r && r.size() == 2 && r.get(0) instanceof Number a && r.get(1) instanceof Number b) {
            lo = Math.pow(10, Math.min(a.doubleValue(), b.doubleValue()));
            hi = Math.pow(10, Math.max(a.doubleValue(), b.doubleValue()));
        }
        if (!(hi > lo) || !Double.isFinite(hi) || lo <= 0) {
            return;
        }
        double perDecade = pixels / Math.log10(hi / lo);
        int first = (int) Math.floor(Math.log10(lo));
        int last = (int) Math.ceil(Math.log10(hi));
        List<Double> values = new ArrayList<>();
        for (double[] set : MANTISSAS) {
            values = logTickValues(set, 1, first, last, lo, hi);
            double gap = Math.log10(10.0 / set[set.length - 1]);
            for (int i = 1; i < set.length; i++) gap = Math.min(gap, Math.log10(set[i] / set[i - 1]));
            if (gap * perDecade >= labelRoom(values, horizontal)) {
                break;
            }
            if (set.length == 1) {
                // even whole decades are too close: every k-th decade
                int every = (int) Math.ceil(labelRoom(values, horizontal) / perDecade);
                values = logTickValues(set, every, first, last, lo, hi);
            }
        }
        if (values.size() < 2) {
            return;   // a very short range: Plotly's own linear-looking ticks are fine
        }
        List<String> texts = new ArrayList<>();
        for (double v : values) texts.add(logLabel(v));
        axis.put("tickvals", values);
        axis.put("ticktext", texts);
    }

    private static List<Double> logTickValues(double[] mantissas, int every, int first, int last, double lo, double hi) {
        List<Double> values = new ArrayList<>();
        for (int e = Math.floorDiv(first, every) * every; e <= last; e += every) {
            for (double m : mantissas) {
                double v = m * Math.pow(10, e);
                if (v >= lo * (1 - 1e-9) && v <= hi * (1 + 1e-9)) values.add(v);
            }
        }
        return values;
    }

    /** Pixels two neighbouring labels need: their height on a vertical axis, the widest label's width (about 7.5 px a character) on a horizontal one. */
    private static double labelRoom(List<Double> values, boolean horizontal) {
        if (!horizontal) {
            return TICK_GAP;
        }
        double longest = values.stream().mapToDouble(v -> characters(logLabel(v))).max().orElse(1);
        return Math.max(TICK_GAP, longest * 7.5 + 14);
    }

    /** How many characters wide a label is drawn: tags take no room, a superscript's characters 0.84 each. */
    static double characters(String label) {
        double n = 0;
        int depth = 0;
        for (String part : label.split("(?=<)|(?<=>)")) {
            if (part.startsWith("</")) {
                depth--;
            } else if (part.startsWith("<")) {
                depth++;
            } else {
                n += part.length() * (depth > 0 ? 0.84 : 1);
            }
        }
        return n;
    }

    /** 0.002 … 3000 written out, others as 10ⁿ or m×10ⁿ (the exponent as Plotly's {@code <sup>}, see {@link #scripts}). */
    static String logLabel(double v) {
        int e = (int) Math.floor(Math.log10(v) + 1e-9);
        long m = Math.round(v / Math.pow(10, e));
        if (e >= -3 && e <= 3) {
            return java.math.BigDecimal.valueOf(m).scaleByPowerOfTen(e).stripTrailingZeros().toPlainString();
        }
        String power = "10" + sup(Integer.toString(e).replace('-', '−'));
        return m == 1 ? power : m + "×" + power;
    }

    /** Category labels (e.g. class names under a heat map) that would run into each other are drawn at an angle. */
    /** The category labels (string x values) drawn on the x axis {@code key} (xaxis, xaxis2, …). */
    private static Set<String> categoryLabels(List<Map<String, Object>> data, String key) {
        String ref = "x" + key.substring(5);
        Set<String> labels = new java.util.LinkedHashSet<>();
        for (Map<String, Object> t : data) {
            if (ref.equals(String.valueOf(t.getOrDefault("xaxis", "x"))) && t.get("x") instanceof List<?> xs) {
                xs.stream().filter(v -> v instanceof String).forEach(v -> labels.add((String) v));
            }
        }
        return labels;
    }

    private static void angleLongCategories(Map<String, Object> axis, Set<String> labels, double pixels) {
        if (labels.isEmpty()) {
            return;
        }
        int longest = labels.stream().mapToInt(String::length).max().orElse(0);
        // about 7.5 px per character at 13 px, and a little room between labels
        if ((longest * 7.5 + 10) * labels.size() > pixels) {
            axis.putIfAbsent("tickangle", -35);
        }
    }

    /**
     * The share of the plotting width left beside a legend on the right (Plotly's default place), about
     * 7.5 px per character of the longest entry plus 60 px for its symbol and padding; 1 without one.
     */
    @SuppressWarnings("unchecked")
    private static double rightLegendShare(Map<String, Object> layout, List<Map<String, Object>> data) {
        if (Boolean.FALSE.equals(layout.get("showlegend"))
                || layout.get("legend") instanceof Map<?, ?> l && "h".equals(((Map<String, Object>) l).get("orientation"))) {
            return 1;
        }
        int longest = data.stream().filter(Style::inLegend).mapToInt(t -> t.get("name").toString().length()).max().orElse(-1);
        if (longest < 0) {
            return 1;
        }
        return Math.max(0.3, 1 - (longest * 7.5 + 60) / Math.max(1, plotPixels(layout, true)));
    }

    /** Below this width, in pixels, a numeric x axis gets ticks chosen by {@link #narrowDtick}. */
    static final int NARROW_AXIS = 240;
    /** The mantissas of a linear tick step: 1, 2 or 5 × 10ⁿ. */
    private static final double[] NICE_STEPS = {1, 2, 5};

    /**
     * A numeric x axis narrower than {@link #NARROW_AXIS} (a panel of a grid) gets the tick step of
     * {@link #narrowDtick}: Plotly puts 5 or more ticks on any axis, and on a 110-px axis labels such as
     * 0, 0.2, …, 1 then run into each other. Axes with ticks of their own keep them.
     */
    private static void fewerTicksWhenNarrow(Map<String, Object> axis, List<Map<String, Object>> data, String key,
                                             double pixels) {
        if (pixels >= NARROW_AXIS || axis.containsKey("dtick") || axis.containsKey("tickvals")
                || axis.containsKey("nticks") || "category".equals(axis.get("type"))) {
            return;
        }
        double lo, hi;
        if (axis.get("range") instanceof List<?> r && r.size() == 2 && r.get(0) instanceof Number a
                && r.get(1) instanceof Number b) {
            lo = Math.min(a.doubleValue(), b.doubleValue());
            hi = Math.max(a.doubleValue(), b.doubleValue());
        } else {
            double[] range = dataRange(data, key, false);
            double pad = 0.05 * (range[1] - range[0]);   // about what Plotly's autorange adds
            lo = range[0] - pad;
            hi = range[1] + pad;
        }
        double step = narrowDtick(lo, hi, pixels);
        if (step > 0) {
            axis.put("tick0", 0);
            axis.put("dtick", step);
        }
    }

    /**
     * The smallest tick step 1, 2 or 5 × 10ⁿ whose labels over [lo, hi] fit into {@code pixels} (about 7.5 px
     * per character and 14 px between labels), or 0 if fewer than two labels would be left.
     */
    static double narrowDtick(double lo, double hi, double pixels) {
        if (!(hi > lo) || !Double.isFinite(hi - lo)) {
            return 0;
        }
        double decade = Math.pow(10, Math.floor(Math.log10((hi - lo) / 20)));
        for (int i = 0; i < 6; i++, decade *= 10) {
            for (double m : NICE_STEPS) {
                double step = m * decade;
                long first = (long) Math.ceil(lo / step - 1e-9);
                long last = (long) Math.floor(hi / step + 1e-9);
                int decimals = (int) Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
                double width = 0;
                for (long t = first; t <= last && width <= pixels; t++) {
                    String label = new java.math.BigDecimal(String.format(java.util.Locale.ROOT, "%." + decimals + "f", t * step))
                            .stripTrailingZeros().toPlainString();   // as Plotly writes it: 0, 0.5, 1
                    width += label.length() * 7.5 + 14;
                }
                if (width <= pixels) {
                    return last > first ? step : 0;
                }
            }
        }
        return 0;
    }

    private static boolean inLegend(Map<String, Object> trace) {
        Object name = trace.get("name");
        return name != null && !name.toString().isEmpty() && !Boolean.FALSE.equals(trace.get("showlegend"))
                && !COLOUR_BAR_TYPES.contains(String.valueOf(trace.get("type")));
    }

    /** Pixels between an x axis and its tick labels, and a y axis and its own. */
    static final int X_TICK_STANDOFF = 6;
    static final int Y_TICK_STANDOFF = 4;

    private static void styleAxis(Map<String, Object> axis, boolean x) {
        axis.putIfAbsent("automargin", true);
        // where the axes meet, the first x label sat against the lowest y label ("−3" under "−10")
        axis.putIfAbsent("ticklabelstandoff", x ? X_TICK_STANDOFF : Y_TICK_STANDOFF);
        if ("log".equals(axis.get("type"))) {
            axis.putIfAbsent("exponentformat", "power");
        }
        if (axis.get("title") instanceof Map<?, ?>) {
            Map<String, Object> title = Json.section(axis, "title");
            Json.section(title, "font").putIfAbsent("size", 15);
        }
        Json.section(axis, "tickfont").putIfAbsent("size", 14);
    }
}
