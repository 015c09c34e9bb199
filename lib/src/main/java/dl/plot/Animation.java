package dl.plot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The play/pause buttons and the slider that Plotly needs to animate a figure's frames. */
final class Animation {
    private Animation() {
    }

    static void addControls(Map<String, Object> layout, List<Map<String, Object>> frames) {
        Map<String, Object> playArgs = new LinkedHashMap<>();
        playArgs.put("frame", Map.of("duration", 400, "redraw", true));
        playArgs.put("transition", Map.of("duration", 0));
        playArgs.put("fromcurrent", true);
        Map<String, Object> pauseArgs = new LinkedHashMap<>();
        pauseArgs.put("frame", Map.of("duration", 0, "redraw", false));
        pauseArgs.put("mode", "immediate");

        List<Object> nullFrames = new ArrayList<>();
        nullFrames.add(null);
        Map<String, Object> menu = new LinkedHashMap<>();
        menu.put("type", "buttons");
        menu.put("showactive", false);
        menu.put("x", 0.0);
        menu.put("y", -0.08);
        menu.put("xanchor", "left");
        menu.put("yanchor", "top");
        menu.put("direction", "left");
        menu.put("buttons", List.of(
                Map.of("label", "▶ Play", "method", "animate", "args", List.of(nullFrames, playArgs)),
                Map.of("label", "❚❚ Pause", "method", "animate", "args", List.of(List.of(nullFrames), pauseArgs))));

        List<Map<String, Object>> steps = new ArrayList<>();
        for (Map<String, Object> frame : frames) {
            Object name = frame.get("name");
            steps.add(Map.of("label", name, "method", "animate",
                    "args", List.of(List.of(name), Map.of("mode", "immediate",
                            "frame", Map.of("duration", 0, "redraw", true), "transition", Map.of("duration", 0)))));
        }
        Map<String, Object> slider = new LinkedHashMap<>();
        slider.put("active", 0);
        slider.put("x", 0.18);
        slider.put("len", 0.82);
        slider.put("y", -0.05);
        slider.put("yanchor", "top");
        slider.put("currentvalue", Map.of("prefix", ""));
        slider.put("steps", steps);

        layout.put("updatemenus", List.of(menu));
        layout.put("sliders", List.of(slider));
        if (!layout.containsKey("margin")) {
            layout.put("margin", Map.of("b", 110));
        }
    }
}
