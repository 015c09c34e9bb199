package dl.plot;

import tech.tablesaw.plotly.traces.Trace;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A Tablesaw trace plus Plotly attributes that Tablesaw 0.44's builders do not offer (a text
 * position, a colour scale, contour labels, a line dash, …). Keys may be dotted paths:
 * {@code StyledTrace.of(trace).with("line.dash", "dot")}.
 *
 * <p>The helpers in {@link Traces} use this so that notebook cells never write Plotly keys.
 */
public final class StyledTrace implements PlotlyTrace {
    private final Map<String, Object> base;
    private final Map<String, Object> extras = new LinkedHashMap<>();

    private StyledTrace(Map<String, Object> base) {
        this.base = base;
    }

    /** Wraps a Tablesaw trace (or another {@link PlotlyTrace}). */
    public static StyledTrace of(Trace trace) {
        Objects.requireNonNull(trace, "trace");
        if (trace instanceof StyledTrace s) {
            StyledTrace copy = new StyledTrace(s.toPlotly());
            return copy;
        }
        return new StyledTrace(TablesawBridge.trace(trace, 0));
    }

    /** A trace from already-converted Plotly attributes (used by {@link Panels}). */
    static StyledTrace ofMap(Map<String, Object> attributes) {
        return new StyledTrace(Json.deepCopy(attributes));
    }

    /** Sets a Plotly attribute; a dotted key ("marker.size") sets a nested one. */
    public StyledTrace with(String key, Object value) {
        Objects.requireNonNull(key, "key");
        extras.put(key, value);
        return this;
    }

    @Override
    public Map<String, Object> toPlotly() {
        Map<String, Object> out = Json.deepCopy(base);
        extras.forEach((k, v) -> Json.putPath(out, k, v));
        return out;
    }

    @Override
    public String toString() {
        return "StyledTrace(" + toPlotly().get("type") + ", '" + name() + "')";
    }
}
