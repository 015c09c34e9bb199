package dl.plot;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class PlotlyFigureArrowsTest {

    @SuppressWarnings("unchecked")
    private static Map<String, Object> onlyTrace(PlotlyFigure fig) {
        List<Map<String, Object>> data = (List<Map<String, Object>>) fig.toPlotly().get("data");
        assertEquals(1, data.size());
        return data.get(0);
    }

    @Test
    @SuppressWarnings("unchecked")
    void anArrowIsAShaftFromTheBaseToTheTipAndAHeadOfTwoSymmetricStrokes() {
        PlotlyFigure fig = new PlotlyFigure("field", "x", "y")
                .arrows("−∇f", new double[] {1}, new double[] {2}, new double[] {2}, new double[] {0});
        Map<String, Object> t = onlyTrace(fig);
        List<Double> x = (List<Double>) t.get("x");
        List<Double> y = (List<Double>) t.get("y");
        assertEquals(7, x.size());
        // shaft (1,2) → (3,2), then a gap
        assertEquals(1.0, x.get(0));
        assertEquals(2.0, y.get(0));
        assertEquals(3.0, x.get(1));
        assertEquals(2.0, y.get(1));
        assertNull(x.get(2));
        assertNull(y.get(2));
        // head: strokes of length 0.3·2 = 0.6 going back from the tip at ±25°
        double back = 0.6 * Math.cos(Math.toRadians(25));
        double side = 0.6 * Math.sin(Math.toRadians(25));
        assertEquals(3 - back, x.get(3), 1e-12);
        assertEquals(2 - side, y.get(3), 1e-12);
        assertEquals(3.0, x.get(4));
        assertEquals(2.0, y.get(4));
        assertEquals(3 - back, x.get(5), 1e-12);
        assertEquals(2 + side, y.get(5), 1e-12);
        assertNull(x.get(6));
        assertEquals("lines", t.get("mode"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void zeroLengthArrowsDrawNothing() {
        PlotlyFigure fig = new PlotlyFigure("field", "x", "y").arrows("v",
                new double[] {0, 1}, new double[] {0, 1}, new double[] {0, 0}, new double[] {0, -1});
        List<Double> y = (List<Double>) onlyTrace(fig).get("y");
        assertEquals(7, y.size());
        assertEquals(1.0, y.get(0));
        assertEquals(0.0, y.get(1));
    }

    @Test
    void mismatchedLengthsNameAllFour() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new PlotlyFigure()
                .arrows("v", new double[2], new double[2], new double[3], new double[2]));
        assertTrue(e.getMessage().contains("2, 2, 3, 2"), e.getMessage());
    }
}
