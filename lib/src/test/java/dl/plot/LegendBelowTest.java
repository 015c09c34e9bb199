package dl.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LegendBelowTest {

    @Test
    void putsAHorizontalLegendUnderThePlotAndKeepsTheRestOfTheLayout() {
        PlotlyFigure fig = new PlotlyFigure("paths", "x", "y").legendBelow().size(600, 400);
        Map<String, Object> layout = (Map<String, Object>) fig.toPlotly().get("layout");
        Map<?, ?> legend = (Map<?, ?>) layout.get("legend");
        assertEquals("h", legend.get("orientation"));
        assertEquals("top", legend.get("yanchor"));
        assertEquals(true, (Double) legend.get("y") < 0, "legend must sit below the plot area (y < 0)");
        assertEquals("paths", fig.titleText());
        assertEquals("x", fig.axisTitle("xaxis"));
        assertEquals(600, layout.get("width"));
    }
}
