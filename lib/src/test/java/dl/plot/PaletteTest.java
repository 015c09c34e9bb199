package dl.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PaletteTest {
    @BeforeEach
    void freshNotebook() {
        Palette.reset();
    }

    @Test
    void optimizersKeepTheirColourWhateverTheLabelAdds() {
        Palette.colour("train");   // another series first: the optimizers' places do not move
        assertEquals("#0072B2", Palette.colour("SGD η=0.1"));
        assertEquals("#0072B2", Palette.colour("sgd"));
        assertEquals("#E69F00", Palette.colour("Momentum"));
        assertEquals("#56B4E9", Palette.colour("adam, η = 1.00"));
        assertEquals(Palette.colour("nesterov"), Palette.colour("nesterov (look-ahead), η = 0.00100"));
        assertNotEquals(Palette.colour("adamant"), Palette.colour("adam"));   // a word that only starts like one
    }

    @Test
    void aNameKeepsItsColourAndANewNameTakesTheFirstColourFreeInItsFigure() {
        Palette.indices(List.of("class 0", "class 1"));
        String zero = Palette.colour("class 0"), one = Palette.colour("class 1");
        assertNotEquals(zero, one);
        // a later figure: class 1 keeps its colour, the new name takes the first one this figure leaves free
        Palette.indices(List.of("class 1", "boundary"));
        assertEquals(one, Palette.colour("class 1"));
        assertEquals(zero, Palette.colour("boundary"), "class 0 is not in this figure: its colour is free here");
        assertEquals("solid", Palette.dash("class 1"));
    }

    @Test
    void aFigureOfMoreThanSevenSeriesRepeatsTheColoursDashed() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            names.add("series " + i);
        }
        Palette.indices(names);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < Palette.COLOURS.size(); i++) {
            assertEquals("solid", Palette.dash("series " + i));
            seen.add(Palette.colour("series " + i));
        }
        assertEquals(Palette.COLOURS.size(), seen.size());
        assertEquals(Palette.colour("series 0"), Palette.colour("series 7"));
        assertEquals("dash", Palette.dash("series 7"));
    }

    @Test
    void styleColoursEverySeriesByNameButLeavesChosenColours() {
        Map<String, Object> fig = figure(trace("momentum", null), trace("highlight", "#222222"),
                trace("momentum now", null));
        fig.get("data");
        ((List<Map<String, Object>>) fig.get("data")).get(2).put("legendgroup", "momentum");
        Map<String, Object> styled = Style.apply(fig);
        List<Map<String, Object>> data = (List<Map<String, Object>>) styled.get("data");
        assertEquals("#E69F00", ((Map<?, ?>) data.get(0).get("line")).get("color"));
        assertEquals("#E69F00", ((Map<?, ?>) data.get(0).get("marker")).get("color"));
        assertEquals("#222222", ((Map<?, ?>) data.get(1).get("line")).get("color"));
        assertFalse(((Map<?, ?>) data.get(1)).containsKey("marker"));
        assertEquals("#E69F00", ((Map<?, ?>) data.get(2).get("line")).get("color"), "the legend group's colour");
        assertEquals(Palette.COLOURS, ((Map<?, ?>) styled.get("layout")).get("colorway"));
    }

    @Test
    void animationFramesGetTheSameColours() {
        Map<String, Object> fig = figure(trace("adam", null));
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("name", "step 1");
        frame.put("data", new ArrayList<>(List.of(trace("adam", null))));
        fig.put("frames", new ArrayList<>(List.of(frame)));
        Map<String, Object> styled = Style.apply(fig);
        Map<?, ?> framed = (Map<?, ?>) ((List<?>) ((Map<?, ?>) ((List<?>) styled.get("frames")).get(0)).get("data")).get(0);
        assertEquals("#56B4E9", ((Map<?, ?>) framed.get("line")).get("color"));
    }

    @Test
    void aNullNameIsNamed() {
        var e = assertThrows(IllegalArgumentException.class, () -> Palette.colour(null));
        assertEquals("Palette: the series name is null", e.getMessage());
    }

    private static Map<String, Object> trace(String name, String colour) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("type", "scatter");
        t.put("name", name);
        t.put("mode", "lines");
        t.put("x", List.of(0, 1));
        t.put("y", List.of(1, 2));
        if (colour != null) {
            t.put("line", new LinkedHashMap<>(Map.of("color", colour)));
        }
        return t;
    }

    private static Map<String, Object> figure(Map<String, Object>... traces) {
        Map<String, Object> fig = new LinkedHashMap<>();
        fig.put("data", new ArrayList<>(List.of(traces)));
        Map<String, Object> layout = new LinkedHashMap<>();
        layout.put("title", new LinkedHashMap<>(Map.of("text", "t")));
        layout.put("xaxis", new LinkedHashMap<>(Map.of("title", Map.of("text", "x"))));
        layout.put("yaxis", new LinkedHashMap<>(Map.of("title", Map.of("text", "y"))));
        fig.put("layout", layout);
        return fig;
    }
}
