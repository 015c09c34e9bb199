package dl.plot;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the legend goes. Inside positions sit in a corner of the plotting area with a
 * translucent white box; {@link #BELOW} is a horizontal row under the x-axis title, where it
 * covers neither data nor a colour bar.
 */
public enum Legend {
    /** Plotly's default: a column to the right of the plot. */
    RIGHT(1.02, 1.0, "left", "top", "v"),
    BELOW(0.0, -0.18, "left", "top", "h"),
    TOP_LEFT(0.01, 0.99, "left", "top", "v"),
    TOP_RIGHT(0.99, 0.99, "right", "top", "v"),
    BOTTOM_LEFT(0.01, 0.01, "left", "bottom", "v"),
    BOTTOM_RIGHT(0.99, 0.01, "right", "bottom", "v"),
    /** No legend. */
    HIDDEN(0, 0, "left", "top", "v");

    private final double x;
    private final double y;
    private final String xAnchor;
    private final String yAnchor;
    private final String orientation;

    Legend(double x, double y, String xAnchor, String yAnchor, String orientation) {
        this.x = x;
        this.y = y;
        this.xAnchor = xAnchor;
        this.yAnchor = yAnchor;
        this.orientation = orientation;
    }

    /** The layout's {@code legend} section for this placement. */
    Map<String, Object> plotly() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("orientation", orientation);
        m.put("x", x);
        m.put("y", y);
        m.put("xanchor", xAnchor);
        m.put("yanchor", yAnchor);
        if (this != RIGHT && this != BELOW) {
            m.put("bgcolor", "rgba(255,255,255,0.8)");
            m.put("bordercolor", "#ccc");
            m.put("borderwidth", 1);
        }
        return m;
    }
}
