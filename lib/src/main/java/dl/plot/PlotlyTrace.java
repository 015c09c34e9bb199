package dl.plot;

import tech.tablesaw.plotly.components.HoverLabel;
import tech.tablesaw.plotly.traces.Trace;

import java.util.Map;

/**
 * A Tablesaw {@link Trace} that knows its Plotly attributes as data. The course's extensions
 * ({@link SurfaceTrace}, {@link StyledTrace}) implement it, so they go into a Tablesaw
 * {@code Figure} like any Tablesaw trace and are written as plain JSON.
 */
public interface PlotlyTrace extends Trace {

    /** The trace's Plotly attributes ({@code type}, {@code x}, {@code y}, …), a fresh map. */
    Map<String, Object> toPlotly();

    /** Tablesaw's contract: the trace as a JavaScript variable {@code trace<i>}. */
    @Override
    default String asJavascript(int i) {
        return "var trace" + i + " = " + Json.write(toPlotly()) + ";";
    }

    @Override
    default String name() {
        Object name = toPlotly().get("name");
        return name == null ? "" : name.toString();
    }

    @Override
    default HoverLabel hoverLabel() {
        return null;
    }

    @Override
    default boolean showLegend() {
        return !Boolean.FALSE.equals(toPlotly().get("showlegend"));
    }
}
