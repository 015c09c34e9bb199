package dl.plot;

import org.junit.jupiter.api.Test;
import tech.tablesaw.plotly.components.Axis;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.traces.ContourTrace;
import tech.tablesaw.plotly.traces.HeatmapTrace;
import tech.tablesaw.plotly.traces.ScatterTrace;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class TablesawBridgeTest {

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> data(PlotlyFigure fig) {
        return (List<Map<String, Object>>) fig.toPlotly().get("data");
    }

    @Test
    void titlesBecomeTitleObjectsAndStringsAreUnescaped() {
        Layout layout = Layout.builder().title("It's \"x\" & y")
                .xAxis(Axis.builder().title("x axis").build())
                .yAxis(Axis.builder().title("y").type(Axis.Type.LOG).build()).build();
        Figure figure = new Figure(layout, ScatterTrace.builder(new double[]{1, 2, 3}, new double[]{1, 4, Double.NaN})
                .name("it's a name").build());
        PlotlyFigure fig = Plots.toPlotly(figure);
        assertEquals("It's \"x\" & y", fig.titleText());
        assertEquals("x axis", fig.axisTitle("xaxis"));
        assertEquals("y", fig.axisTitle("yaxis"));
        Map<String, Object> trace = data(fig).get(0);
        assertEquals("it's a name", trace.get("name"));
        assertEquals(List.of(1.0, 2.0, 3.0), trace.get("x"));
        assertEquals(Arrays.asList(1.0, 4.0, null), trace.get("y"), "quoted numbers become numbers, NaN a gap");
    }

    @Test
    void tracesKeepTheirOrderEvenWhenTablesawReusesTheName() {
        Object[] cats = {"a", "b"};
        double[][] z = {{1, 2}, {3, 4}};
        Figure figure = new Figure(
                ScatterTrace.builder(new double[]{1, 2}, new double[]{3, 4}).build(),
                ContourTrace.builder(cats, cats, z).build(),
                HeatmapTrace.builder(cats, cats, z).build());
        List<Map<String, Object>> traces = data(Plots.toPlotly(figure));
        assertEquals(List.of("scatter", "contour", "heatmap"), traces.stream().map(t -> t.get("type")).toList());
        assertEquals(List.of("a", "b"), traces.get(1).get("x"), "categories stay strings");
        assertEquals(List.of(List.of(1.0, 2.0), List.of(3.0, 4.0)), traces.get(1).get("z"));
        assertFalse(traces.get(0).containsKey("name"), "Tablesaw's empty name is dropped");
    }

    @Test
    void aFigureWithoutLayoutStillConverts() {
        Figure figure = new Figure(ScatterTrace.builder(new double[]{1}, new double[]{2}).build());
        PlotlyFigure fig = Plots.toPlotly(figure);
        assertEquals(1, fig.traceCount());
        assertEquals("", fig.titleText());
    }
}
