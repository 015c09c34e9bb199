package dl.plot;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class TablesTest {

    @Test
    void numbersAreFormattedForPeople() {
        assertEquals("4", Tables.format(4.0));
        assertEquals("3.2", Tables.format(3.2));
        assertEquals("2.00005", Tables.format(2.0000524288));
        assertEquals("0.333333", Tables.format(1.0 / 3));
        assertEquals("1.235e-08", Tables.format(1.23456e-8));
        assertEquals("1e-10", Tables.format(1e-10));
        assertEquals("2.5e+07", Tables.format(2.5e7));
        assertEquals("NaN", Tables.format(Double.NaN));
        assertEquals("—", Tables.format(null), "a missing value (Tablesaw stores NaN as missing)");
        assertEquals("−∞", Tables.format(Double.NEGATIVE_INFINITY));
        assertEquals("0", Tables.format(0.0));
        assertEquals("-0.6", Tables.format(-0.6));
        assertEquals("17", Tables.format(17));
        assertEquals("x₀", Tables.format("x₀"));
    }

    @Test
    void htmlHasCaptionHeaderAndRightAlignedNumbers() {
        Table t = Tables.of("losses", "name", new String[]{"MSE", "A&B"}, "loss", new double[]{0.25, 1.0 / 3});
        String html = Tables.html(t);
        assertTrue(html.contains("<caption") && html.contains("losses") && html.contains("2 rows × 2 columns"), html);
        assertTrue(html.contains("<th style=\"text-align:right;padding:2px 10px;border-bottom:1px solid #999;\">loss</th>"), html);
        assertTrue(html.contains(">0.333333</td>"), html);
        assertTrue(html.contains("A&amp;B"), "text is escaped");
        assertEquals(2, html.split("<tr>").length - 2, "two body rows and a header row");
    }

    @Test
    void longTablesShowHeadAndTailWithTheRowCount() {
        int n = 100;
        double[] v = new double[n];
        int[] k = new int[n];
        for (int i = 0; i < n; i++) {
            v[i] = i * 0.5;
            k[i] = i;
        }
        Table t = Tables.of("long", "k", k, "v", v);
        String html = Tables.html(t);
        assertTrue(html.contains("100 rows"), html);
        assertTrue(html.contains("… 85 more rows …"), html);
        assertTrue(html.contains(">9</td>") && html.contains(">99</td>") && !html.contains(">50</td>"), html);
        String text = Tables.text(t);
        assertEquals(1 + 1 + Tables.HEAD + 1 + Tables.TAIL, text.split("\n").length, text);
        assertTrue(text.startsWith("long (100 rows × 2 columns)"), text);
        Map<String, Object> bundle = Tables.displayBundle(t);
        assertEquals(html, bundle.get("text/html"));
        assertEquals(text, bundle.get("text/plain"));
    }

    @Test
    void columnsOfDifferentLengthNameBoth() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> Tables.of("t", "x", new double[]{1, 2, 3}, "y", new double[]{1, 2}));
        assertEquals("column 'y' has 2 values but column 'x' has 3", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Tables.curves("x", new double[]{1, 2}, "y", "c", "a", new double[]{1}));
        assertTrue(e.getMessage().contains("x has 2") && e.getMessage().contains("y has 1"), e.getMessage());
    }

    @Test
    void curvesAreLongForm() {
        Table t = Tables.curves("x", new double[]{1, 2}, "y", "curve", "b", new double[]{3, 4}, "a", new double[]{5, 6});
        assertEquals(4, t.rowCount());
        assertEquals("b", t.stringColumn("curve").get(0));
        assertEquals("a", t.stringColumn("curve").get(3));
        assertEquals(6.0, t.doubleColumn("y").get(3));
    }
}
