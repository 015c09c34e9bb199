package dl.plot;

import org.unbescape.html.HtmlEscape;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Tablesaw {@link Table}s (표) in a notebook: building one from arrays in one line, and showing
 * one as a formatted HTML table (the kernel calls {@link #displayBundle} when a table is a cell's
 * last value). Numbers are shown with up to 6 significant digits, very large or small ones as
 * 1.23e-08, a missing value (Tablesaw's NaN) as —; a long table shows its first and last rows and says how many rows it has.
 */
public final class Tables {
    /** Tables with more rows than this show only their head and tail. */
    public static final int MAX_ROWS = 20;
    static final int HEAD = 10;
    static final int TAIL = 5;

    private Tables() {
    }

    /**
     * from, from + 1, …, to as doubles: the x values of a curve over epochs or iterations
     * ({@code Tables.range(1, losses.length)} for one loss per iteration).
     */
    public static double[] range(int from, int to) {
        if (to < from - 1) {
            throw new IllegalArgumentException("range " + from + " … " + to + ": to must be ≥ from − 1 (from − 1 gives no values)");
        }
        double[] r = new double[to - from + 1];
        for (int i = 0; i < r.length; i++) {
            r[i] = from + i;
        }
        return r;
    }

    /**
     * A table from column names and values: {@code Tables.of("losses", "y", ys, "MSE", mse)}.
     * Values may be double[], int[], String[] or a List of strings; all columns must have the same length.
     */
    public static Table of(String name, Object... namesAndValues) {
        Objects.requireNonNull(name, "name");
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("give a name and a value array for every column, got "
                    + namesAndValues.length + " arguments");
        }
        Table t = Table.create(name);
        int rows = -1;
        String first = null;
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (!(namesAndValues[i] instanceof String col)) {
                throw new IllegalArgumentException("argument " + (i + 1) + " must be a column name, got " + namesAndValues[i]);
            }
            Column<?> c = column(col, namesAndValues[i + 1]);
            if (rows >= 0 && c.size() != rows) {
                throw new IllegalArgumentException("column '" + col + "' has " + c.size() + " values but column '"
                        + first + "' has " + rows);
            }
            if (rows < 0) {
                rows = c.size();
                first = col;
            }
            t.addColumns(c);
        }
        return t;
    }

    private static Column<?> column(String name, Object values) {
        if (values instanceof double[] d) return DoubleColumn.create(name, d);
        if (values instanceof int[] n) return IntColumn.create(name, n);
        if (values instanceof String[] s) return StringColumn.create(name, s);
        if (values instanceof List<?> list) {
            return StringColumn.create(name, list.stream().map(String::valueOf).toArray(String[]::new));
        }
        throw new IllegalArgumentException("column '" + name + "': values must be double[], int[], String[] or a List, got "
                + (values == null ? "null" : values.getClass().getSimpleName()));
    }

    /**
     * Several curves over one x in long form — one row per (curve, x) — ready for a Tablesaw plot
     * grouped by the curve column: {@code LinePlot.create(title, Tables.curves("x", xs, "y", "curve",
     * Map.of("x²", sq, "x³", cu)), "x", "y", "curve")}. The map's order is the legend's order
     * (use a LinkedHashMap, or {@link #curves(String, double[], String, String, Object...)}).
     */
    public static Table curves(String xName, double[] xs, String yName, String groupName, Map<String, double[]> curves) {
        Objects.requireNonNull(xs, "xs");
        Objects.requireNonNull(curves, "curves");
        DoubleColumn x = DoubleColumn.create(xName);
        DoubleColumn y = DoubleColumn.create(yName);
        StringColumn g = StringColumn.create(groupName);
        curves.forEach((label, ys) -> {
            Traces.checkSameLength(label, xName, xs, yName, Objects.requireNonNull(ys, label));
            for (int i = 0; i < xs.length; i++) {
                x.append(xs[i]);
                y.append(ys[i]);
                g.append(label);
            }
        });
        return Table.create("curves", x, y, g);
    }

    /** As {@link #curves(String, double[], String, String, Map)} with label, values pairs in order. */
    public static Table curves(String xName, double[] xs, String yName, String groupName, Object... labelsAndValues) {
        if (labelsAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("give a label and a double[] for every curve, got "
                    + labelsAndValues.length + " arguments");
        }
        Map<String, double[]> m = new LinkedHashMap<>();
        for (int i = 0; i < labelsAndValues.length; i += 2) {
            if (!(labelsAndValues[i] instanceof String label) || !(labelsAndValues[i + 1] instanceof double[] ys)) {
                throw new IllegalArgumentException("curve " + (i / 2) + ": need a String label and a double[], got "
                        + labelsAndValues[i] + ", " + labelsAndValues[i + 1]);
            }
            m.put(label, ys);
        }
        return curves(xName, xs, yName, groupName, m);
    }

    /** The MIME bundle of a table: a formatted HTML table and the same as text. */
    public static Map<String, Object> displayBundle(Table table) {
        Map<String, Object> bundle = new LinkedHashMap<>();
        bundle.put("text/html", html(table));
        bundle.put("text/plain", text(table));
        return bundle;
    }

    /** A value as the table shows it. */
    public static String format(Object value) {
        if (value == null) return "—";
        if (value instanceof Double || value instanceof Float) {
            double v = ((Number) value).doubleValue();
            if (Double.isNaN(v)) return "NaN";
            if (Double.isInfinite(v)) return v > 0 ? "∞" : "−∞";
            if (v == 0) return "0";
            if (v == Math.rint(v) && Math.abs(v) < 1e6) return String.valueOf((long) v);
            double a = Math.abs(v);
            if (a >= 1e6 || a < 1e-4) {
                String s = String.format(Locale.ROOT, "%.3e", v);
                String mantissa = s.substring(0, s.indexOf('e')).replaceAll("\\.?0+$", "");
                String exp = s.substring(s.indexOf('e') + 1);
                int e = Integer.parseInt(exp);
                return mantissa + "e" + (e < 0 ? "-" : "+") + String.format(Locale.ROOT, "%02d", Math.abs(e));
            }
            String s = new java.math.BigDecimal(v).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString();
            return s;
        }
        return value.toString();
    }

    private static List<Integer> shownRows(Table t) {
        List<Integer> rows = new ArrayList<>();
        int n = t.rowCount();
        if (n <= MAX_ROWS) {
            for (int i = 0; i < n; i++) rows.add(i);
        } else {
            for (int i = 0; i < HEAD; i++) rows.add(i);
            rows.add(-1);                                    // the "…" row
            for (int i = n - TAIL; i < n; i++) rows.add(i);
        }
        return rows;
    }

    private static boolean numeric(Column<?> c) {
        return c instanceof tech.tablesaw.api.NumericColumn<?>;
    }

    /** The table as HTML: a caption with name and size, right-aligned numbers, head and tail if long. */
    public static String html(Table table) {
        Objects.requireNonNull(table, "table");
        StringBuilder sb = new StringBuilder("<table class=\"dl-table\" style=\"border-collapse:collapse;"
                + "font-variant-numeric:tabular-nums;\">\n");
        sb.append("<caption style=\"text-align:left;font-weight:bold;padding-bottom:4px;white-space:nowrap;\">")
                .append(esc(table.name() == null ? "" : table.name()))
                .append(" <span style=\"font-weight:normal;color:#666;\">(")
                .append(table.rowCount()).append(table.rowCount() == 1 ? " row" : " rows").append(" × ")
                .append(table.columnCount()).append(table.columnCount() == 1 ? " column" : " columns")
                .append(")</span></caption>\n<thead><tr>");
        for (Column<?> c : table.columns()) {
            sb.append("<th style=\"text-align:").append(numeric(c) ? "right" : "left")
                    .append(";padding:2px 10px;border-bottom:1px solid #999;\">").append(esc(c.name())).append("</th>");
        }
        sb.append("</tr></thead>\n<tbody>\n");
        for (int r : shownRows(table)) {
            sb.append("<tr>");
            if (r < 0) {
                sb.append("<td colspan=\"").append(table.columnCount())
                        .append("\" style=\"text-align:center;color:#666;padding:2px 10px;\">… ")
                        .append(table.rowCount() - HEAD - TAIL).append(" more rows …</td>");
            } else {
                for (Column<?> c : table.columns()) {
                    sb.append("<td style=\"text-align:").append(numeric(c) ? "right" : "left")
                            .append(";padding:2px 10px;\">").append(esc(format(c.get(r)))).append("</td>");
                }
            }
            sb.append("</tr>\n");
        }
        return sb.append("</tbody>\n</table>").toString();
    }

    /** The table as aligned plain text, with the same formatting and head/tail rule as {@link #html}. */
    public static String text(Table table) {
        Objects.requireNonNull(table, "table");
        List<Column<?>> cols = table.columns();
        List<Integer> rows = shownRows(table);
        int[] width = new int[cols.size()];
        List<String[]> cells = new ArrayList<>();
        String[] header = new String[cols.size()];
        for (int j = 0; j < cols.size(); j++) {
            header[j] = cols.get(j).name();
            width[j] = header[j].length();
        }
        for (int r : rows) {
            String[] line = new String[cols.size()];
            for (int j = 0; j < cols.size(); j++) {
                line[j] = r < 0 ? "…" : format(cols.get(j).get(r));
                width[j] = Math.max(width[j], line[j].length());
            }
            cells.add(line);
        }
        StringBuilder sb = new StringBuilder();
        sb.append(table.name() == null ? "" : table.name()).append(" (").append(table.rowCount())
                .append(table.rowCount() == 1 ? " row" : " rows").append(" × ").append(cols.size())
                .append(cols.size() == 1 ? " column" : " columns").append(")\n");
        appendLine(sb, header, width, cols);
        for (String[] line : cells) {
            appendLine(sb, line, width, cols);
        }
        return sb.toString().stripTrailing();
    }

    private static void appendLine(StringBuilder sb, String[] cells, int[] width, List<Column<?>> cols) {
        for (int j = 0; j < cells.length; j++) {
            if (j > 0) sb.append("  ");
            String pad = " ".repeat(width[j] - cells[j].length());
            sb.append(numeric(cols.get(j)) ? pad + cells[j] : cells[j] + pad);
        }
        sb.append('\n');
    }

    private static String esc(String s) {
        return HtmlEscape.escapeHtml4Xml(s);
    }
}
