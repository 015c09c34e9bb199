package dl.graph;

import static org.junit.jupiter.api.Assertions.*;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class GraphSvgTest {
    private static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) n++;
        return n;
    }

    @Test
    void oneNodePerValueOneEdgePerParentLinkValuesAndGrads() {
        Value apple = Value.of(100, "apple"), num = Value.of(2, "num"), tax = Value.of(1.1, "tax");
        Value price = apple.mul(num).named("apple price").mul(tax).named("price");
        GraphSvg before = GraphSvg.of(price);
        assertTrue(before.svg().contains("grad –"), "no gradient before backward");
        price.backward();
        GraphSvg g = GraphSvg.of(price, "DLFS apples");
        String s = g.svg();
        assertEquals(5, g.nodeCount());
        assertEquals(4, g.edgeCount());
        assertEquals(5, count(s, "class=\"node\""));
        assertEquals(4, count(s, "class=\"edge\""));
        assertEquals(4, count(s, "class=\"local\""));
        for (String t : new String[] {"value 220", "grad 1<", "grad 2.2", "grad 110", "grad 200", "apple", "DLFS apples", "국소 기울기"}) {
            assertTrue(s.contains(t), t);
        }
        assertTrue(s.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assertTrue(s.endsWith("</svg>"));
        assertEquals("image/svg+xml", g.displayBundle().keySet().iterator().next());
        assertTrue(g.toString().contains("apple = 100, grad 2.2"));
    }

    @Test
    void aValueUsedTwiceHasTwoEdges() {
        Value x = Value.of(3, "x");
        Value y = x.mul(x);
        y.backward();
        GraphSvg g = GraphSvg.of(y);
        assertEquals(2, g.nodeCount());
        assertEquals(2, g.edgeCount());
        assertEquals(2, count(g.svg(), "class=\"edge\""));
    }

    @Test
    void textIsEscaped() {
        Value a = Value.of(1, "a<b & \"c\"");
        Value y = a.exp().named("<script>");
        String s = GraphSvg.of(y, "t's <title>").svg();
        assertFalse(s.contains("<script>"));
        assertTrue(s.contains("&lt;script&gt;"));
        assertTrue(s.contains("a&lt;b &amp; &quot;c&quot;"));
        assertTrue(s.contains("t&#39;s &lt;title&gt;"));
    }

    @Test
    void everyFontIsAtLeast16PxAndTheSizeIsDeclared() {
        Value x = Value.of(0.5, "x");
        Value y = x.neg().exp().add(1).reciprocal();
        y.backward();
        GraphSvg g = GraphSvg.of(y);
        Matcher m = Pattern.compile("font-size=\"(\\d+)\"").matcher(g.svg());
        int found = 0;
        while (m.find()) {
            assertTrue(Integer.parseInt(m.group(1)) >= 16);
            found++;
        }
        assertTrue(found >= 2);
        assertTrue(g.svg().contains("width=\"" + g.width() + "\""));
        assertTrue(g.width() < 1100, "the sigmoid graph fits a notebook at 1280 px: " + g.width());
    }

    @Test
    void nullIsNamed() {
        assertTrue(assertThrows(NullPointerException.class, () -> GraphSvg.of(null)).getMessage().contains("output"));
        assertTrue(assertThrows(NullPointerException.class, () -> GraphSvg.of(Value.of(1), null)).getMessage().contains("title"));
    }
}
