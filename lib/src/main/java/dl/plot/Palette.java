package dl.plot;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The course's series colours: seven of Okabe and Ito's colours, chosen to stay apart for readers
 * with any of the three kinds of colour blindness — simulated for protanopia, deuteranopia and tritanopia
 * (Machado et al. 2009) no two are closer than 16 in CIELAB (the figure test checks every figure). A series
 * keeps its colour for the whole notebook: the colour belongs to its legend group, or else its legend name.
 * A name seen for the first time takes the first colour no other series of its figure has; the six
 * optimizers have fixed colours in every lecture (SGD blue, Momentum orange, …), whatever their label adds
 * ("SGD η=0.1", "adam, η = 1.00"). A figure with more than seven series repeats the colours with a dashed
 * line (bars: hatched), so two series never differ by nothing.
 * <pre>{@code
 *   Palette.colour("momentum")   // "#E69F00" in every notebook
 * }</pre>
 */
public final class Palette {
    /** Blue, orange, bluish green, vermillion, reddish purple, sky blue, black (Okabe–Ito without yellow). */
    public static final List<String> COLOURS = List.of(
            "#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#000000");
    /** The line dash of each round through the colours: the first seven names solid, the next seven dashed, …. */
    public static final List<String> DASHES = List.of("solid", "dash", "dot", "dashdot");
    /** The optimizers of lectures 10, 11 and 13, in their fixed colour order. */
    public static final List<String> OPTIMIZERS = List.of("sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam");

    private static final Map<String, Integer> INDEX = new HashMap<>();

    private Palette() {
    }

    /** The colour of a series name in this notebook (a new name takes the first colour, or its optimizer's). */
    public static String colour(String name) {
        return colourAt(index(name));
    }

    /** The line dash of a series name in this notebook ("solid" for the first seven colours). */
    public static String dash(String name) {
        return DASHES.get(round(index(name)));
    }

    private static String colourAt(int place) {
        return COLOURS.get(place % COLOURS.size());
    }

    /** How many times the colours have gone round before this place (0 for the first seven). */
    private static int round(int place) {
        return place / COLOURS.size() % DASHES.size();
    }

    static int index(String name) {
        if (name == null) {
            throw new IllegalArgumentException("Palette: the series name is null");
        }
        return indices(List.of(name)).get(key(name));
    }

    /**
     * The places of one figure's series names: a name keeps the place it got in an earlier figure (an
     * optimizer its fixed place); a new name takes the first place no other name of this figure holds.
     */
    static synchronized Map<String, Integer> indices(List<String> names) {
        Map<String, Integer> out = new java.util.LinkedHashMap<>();
        java.util.Set<Integer> used = new java.util.HashSet<>();
        for (String name : names) {
            String key = key(name);
            Integer known = INDEX.containsKey(key) ? INDEX.get(key)
                    : OPTIMIZERS.contains(key) ? Integer.valueOf(OPTIMIZERS.indexOf(key)) : null;
            if (known != null) {
                out.put(key, known);
                used.add(known);
            }
        }
        for (String name : names) {
            String key = key(name);
            if (!out.containsKey(key)) {
                int i = 0;
                while (used.contains(i)) {
                    i++;
                }
                out.put(key, i);
                used.add(i);
            }
            INDEX.put(key, out.get(key));
        }
        return out;
    }

    /** The note a figure adds to a series' name for values it leaves out ({@code Traces.notDrawn}). */
    private static final java.util.regex.Pattern NOT_DRAWN = java.util.regex.Pattern.compile(
            " \\(\\d+ of \\d+ [^()]*, not drawn[^()]*\\)$");

    /**
     * An optimizer's name however the label writes it ("SGD η=0.1" → "sgd"), otherwise the name itself, in both
     * cases without a note of values not drawn ("loss (3 of 50 points NaN or ±∞, not drawn)" keeps the colour of
     * "loss").
     */
    static String key(String name) {
        name = NOT_DRAWN.matcher(name).replaceAll("");
        String lower = name.strip().toLowerCase(Locale.ROOT);
        for (String o : OPTIMIZERS) {
            if (lower.equals(o) || lower.startsWith(o) && !Character.isLetterOrDigit(lower.charAt(o.length()))) {
                return o;
            }
        }
        return name.strip();
    }

    /** Bar fills of the rounds after the first (a bar has no dash). */
    private static final List<String> PATTERNS = List.of("", "/", ".", "x");

    /**
     * Colours the line, marker and bar traces of one figure (Plotly trace maps: its data and its animation
     * frames' data) by legend group or name, except those with a colour of their own: line and markers take the
     * name's colour, a line its dash, a bar from the second round on a hatch pattern. Traces without a name,
     * 3-D traces and colour-scaled ones are left alone.
     */
    static void paint(List<Map<String, Object>> traces) {
        List<String> names = new java.util.ArrayList<>();
        for (Map<String, Object> t : traces) {
            String name = seriesName(t);
            if (name != null && !names.contains(name)) {
                names.add(name);
            }
        }
        Map<String, Integer> places = indices(names);
        for (Map<String, Object> t : traces) {
            String name = seriesName(t);
            if (name != null) {
                paint(t, places.get(key(name)));
            }
        }
    }

    /** The name a trace is coloured by, or null when it keeps its own colours (or has none to get). */
    @SuppressWarnings("unchecked")
    private static String seriesName(Map<String, Object> trace) {
        Object type = trace.getOrDefault("type", "scatter");
        if (!List.of("scatter", "scattergl", "bar", "histogram").contains(type)) {
            return null;
        }
        Map<String, Object> line = trace.get("line") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        Map<String, Object> marker = trace.get("marker") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        if (line.containsKey("color") || marker.containsKey("color")) {
            return null;   // styled on purpose (a colour scale, a landmark point, a chosen colour)
        }
        Object group = trace.get("legendgroup");
        Object name = group != null && !group.toString().isBlank() ? group : trace.get("name");
        return name == null || name.toString().isBlank() ? null : name.toString();
    }

    @SuppressWarnings("unchecked")
    private static void paint(Map<String, Object> trace, int i) {
        boolean scatter = List.of("scatter", "scattergl").contains(trace.getOrDefault("type", "scatter"));
        String colour = colourAt(i);
        int round = round(i);
        Map<String, Object> marker = trace.get("marker") instanceof Map<?, ?> m
                ? (Map<String, Object>) m : new java.util.LinkedHashMap<>();
        marker.put("color", colour);
        trace.put("marker", marker);
        if (scatter) {
            Map<String, Object> line = trace.get("line") instanceof Map<?, ?> m
                    ? (Map<String, Object>) m : new java.util.LinkedHashMap<>();
            line.put("color", colour);
            line.putIfAbsent("dash", DASHES.get(round));
            trace.put("line", line);
        } else if (round > 0) {
            marker.putIfAbsent("pattern", Map.of("shape", PATTERNS.get(round)));
        }
    }

    /** Forgets the names seen so far (a fresh notebook; for tests). */
    static synchronized void reset() {
        INDEX.clear();
    }
}
