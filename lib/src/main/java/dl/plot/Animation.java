package dl.plot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The play/pause buttons and the slider that Plotly needs to animate a figure's frames. */
final class Animation {
    private Animation() {
    }

    /** The ▶ Play arguments: play every frame from the current one, redrawing each, at frameMillis per frame. */
    static List<Object> playArgs(int frameMillis) {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("frame", Map.of("duration", frameMillis, "redraw", true));
        options.put("fromcurrent", true);
        options.put("transition", Map.of("duration", 0));
        options.put("mode", "immediate");
        List<Object> args = new ArrayList<>();
        args.add(null);                    // null = all frames, in order
        args.add(options);
        return args;
    }

    /** The ❚❚ Pause arguments: Plotly's idiom, an array holding null, with a zero-length frame. */
    static List<Object> pauseArgs() {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("frame", Map.of("duration", 0, "redraw", false));
        options.put("transition", Map.of("duration", 0));
        options.put("mode", "immediate");
        List<Object> nullFrame = new ArrayList<>();
        nullFrame.add(null);
        return List.of(nullFrame, options);
    }

    static void addControls(Map<String, Object> layout, List<Map<String, Object>> frames) {
        addControls(layout, frames, 500, "");
    }

    /**
     * Adds the buttons and the slider below the plot: buttons on the left, the slider to their
     * right, the slider's current-value label at the slider's right end (clear of the buttons).
     */
    static void addControls(Map<String, Object> layout, List<Map<String, Object>> frames, int frameMillis,
                            String prefix) {
        Map<String, Object> menu = new LinkedHashMap<>();
        menu.put("type", "buttons");
        menu.put("showactive", false);
        menu.put("direction", "left");
        menu.put("x", 0.0);
        menu.put("xanchor", "left");
        menu.put("y", 0.0);
        menu.put("yanchor", "top");
        menu.put("pad", Map.of("t", 60, "r", 10));
        menu.put("buttons", List.of(
                Map.of("label", "▶ Play", "method", "animate", "args", playArgs(frameMillis)),
                Map.of("label", "❚❚ Pause", "method", "animate", "args", pauseArgs())));

        List<Map<String, Object>> steps = new ArrayList<>();
        for (Map<String, Object> frame : frames) {
            Object name = frame.get("name");
            steps.add(Map.of("label", name, "method", "animate",
                    "args", List.of(List.of(name), Map.of("mode", "immediate",
                            "frame", Map.of("duration", 0, "redraw", true), "transition", Map.of("duration", 0)))));
        }
        Map<String, Object> slider = new LinkedHashMap<>();
        slider.put("active", 0);
        slider.put("x", 0.36);
        slider.put("len", 0.64);
        slider.put("xanchor", "left");
        slider.put("y", 0.0);
        slider.put("yanchor", "top");
        slider.put("pad", Map.of("t", 50, "b", 10));
        slider.put("currentvalue", Map.of("prefix", prefix, "xanchor", "right", "visible", true,
                "font", Map.of("size", 15)));
        slider.put("steps", steps);

        layout.put("updatemenus", List.of(menu));
        layout.put("sliders", List.of(slider));
        Map<String, Object> margin = Json.section(layout, "margin");
        Object b = margin.get("b");
        if (!(b instanceof Number n) || n.intValue() < 150) {
            margin.put("b", 150);
        }
    }
}
