package dl.experiments;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dl.plot.Plots;
import dl.plot.Tables;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.unbescape.html.HtmlEscape;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Writes what a run of the experiments found: {@code report.html} (one page, plotly.js inlined once, so it opens offline:
 * a summary table, then per experiment the book's setting, ours beside the book's numbers, the verdict with its
 * criterion, figures and tables), {@code results.json} (the same numbers) and the table printed at the end of a run.
 */
final class Report {
    private Report() {
    }

    /** Where and how the run ran. Load averages as /proc/loadavg's first three fields. */
    record Meta(String command, boolean quick, String date, String cpu, int cores, String jdk, String os, String loadStart,
                String loadEnd, double totalSeconds, String data) {
    }

    // ---------------------------------------------------------------------------------------------------------------
    // the console table

    /** One line per headline number: experiment, setting, ours, the book's, seconds and verdict (on each first row). */
    static String consoleTable(List<Outcome> outcomes) {
        List<String[]> lines = new ArrayList<>();
        lines.add(new String[] {"experiment", "setting", "ours", "book", "seconds", "verdict"});
        for (Outcome o : outcomes) {
            String seconds = Double.isFinite(o.seconds) ? String.format(Locale.ROOT, "%.1f", o.seconds) : "—";
            if (o.rows.isEmpty()) {
                lines.add(new String[] {o.name, o.error == null ? "(no numbers)" : "ERROR: " + o.error, "", "", seconds,
                        o.verdict.text});
            }
            for (int i = 0; i < o.rows.size(); i++) {
                Outcome.Row r = o.rows.get(i);
                lines.add(new String[] {i == 0 ? o.name : "", r.setting() + ": " + r.quantity(), r.oursText(), r.book(),
                        i == 0 ? seconds : "", i == 0 ? o.verdict.text : ""});
            }
        }
        int[] width = new int[6];
        for (String[] l : lines) {
            for (int j = 0; j < l.length; j++) {
                width[j] = Math.max(width[j], l[j].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < lines.size(); k++) {
            String[] l = lines.get(k);
            StringBuilder line = new StringBuilder();
            for (int j = 0; j < l.length; j++) {
                String cell = j == 4 ? " ".repeat(width[j] - l[j].length()) + l[j] : l[j] + " ".repeat(width[j] - l[j].length());
                line.append(j == 0 ? "" : "  ").append(cell);
            }
            sb.append(line.toString().stripTrailing()).append('\n');
            if (k == 0) {
                sb.append("-".repeat(line.toString().stripTrailing().length())).append('\n');
            }
        }
        return sb.toString();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // results.json

    /** A number for JSON: NaN and ±∞ (not allowed in JSON) become null. */
    static Double finiteOrNull(double v) {
        return Double.isFinite(v) ? v : null;
    }

    static Map<String, Object> tree(Meta meta, List<Outcome> outcomes) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("command", meta.command());
        root.put("mode", meta.quick() ? "quick" : "full");
        root.put("date", meta.date());
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cpu", meta.cpu());
        machine.put("cores", meta.cores());
        machine.put("jdk", meta.jdk());
        machine.put("os", meta.os());
        machine.put("load_average_start", meta.loadStart());
        machine.put("load_average_end", meta.loadEnd());
        root.put("machine", machine);
        root.put("total_seconds", finiteOrNull(meta.totalSeconds()));
        root.put("data", meta.data());
        List<Object> list = new ArrayList<>();
        for (Outcome o : outcomes) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("name", o.name);
            e.put("title", o.title);
            e.put("book_setting", o.bookSetting);
            e.put("seconds", finiteOrNull(o.seconds));
            e.put("verdict", o.verdict.text);
            e.put("criterion", o.criterion);
            e.put("error", o.error);
            e.put("notes", o.notes);
            List<Object> rows = new ArrayList<>();
            for (Outcome.Row r : o.rows) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("setting", r.setting());
                row.put("quantity", r.quantity());
                row.put("ours", finiteOrNull(r.ours()));
                row.put("ours_text", r.oursText());
                row.put("book", r.book());
                rows.add(row);
            }
            e.put("rows", rows);
            list.add(e);
        }
        root.put("experiments", list);
        return root;
    }

    static String json(Meta meta, List<Outcome> outcomes) {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(tree(meta, outcomes)) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the results as JSON: " + e.getMessage(), e);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // report.html

    static String esc(String s) {
        return HtmlEscape.escapeHtml4Xml(s == null ? "" : s);
    }

    /** A Tablesaw table as HTML with every row (dl.plot.Tables.html shows only the head and tail of a long one). */
    static String tableHtml(Table table) {
        StringBuilder sb = new StringBuilder("<table>\n<caption>").append(esc(table.name())).append("</caption>\n<thead><tr>");
        for (Column<?> c : table.columns()) {
            sb.append("<th class=\"").append(c instanceof tech.tablesaw.api.NumericColumn<?> ? "num" : "txt").append("\">")
                    .append(esc(c.name())).append("</th>");
        }
        sb.append("</tr></thead>\n<tbody>\n");
        for (int r = 0; r < table.rowCount(); r++) {
            sb.append("<tr>");
            for (Column<?> c : table.columns()) {
                sb.append("<td class=\"").append(c instanceof tech.tablesaw.api.NumericColumn<?> ? "num" : "txt").append("\">")
                        .append(esc(Tables.format(c.get(r)))).append("</td>");
            }
            sb.append("</tr>\n");
        }
        return sb.append("</tbody>\n</table>\n").toString();
    }

    /** The summary of all experiments as a Tablesaw table. */
    static Table summary(List<Outcome> outcomes) {
        Table t = Table.create("all experiments: ours beside the book's",
                tech.tablesaw.api.StringColumn.create("experiment"), tech.tablesaw.api.StringColumn.create("setting"),
                tech.tablesaw.api.StringColumn.create("quantity"), tech.tablesaw.api.StringColumn.create("ours"),
                tech.tablesaw.api.StringColumn.create("book"), tech.tablesaw.api.StringColumn.create("verdict"),
                tech.tablesaw.api.DoubleColumn.create("seconds"));
        for (Outcome o : outcomes) {
            List<Outcome.Row> rows = o.rows.isEmpty()
                    ? List.of(new Outcome.Row(o.error == null ? "—" : "error: " + o.error, "", Double.NaN, "", ""))
                    : o.rows;
            for (int i = 0; i < rows.size(); i++) {
                Outcome.Row r = rows.get(i);
                t.stringColumn("experiment").append(i == 0 ? o.name : "");
                t.stringColumn("setting").append(r.setting());
                t.stringColumn("quantity").append(r.quantity());
                t.stringColumn("ours").append(r.oursText());
                t.stringColumn("book").append(r.book());
                t.stringColumn("verdict").append(i == 0 ? o.verdict.text : "");
                if (i == 0 && Double.isFinite(o.seconds)) {
                    t.doubleColumn("seconds").append(Lab.round(o.seconds, 1));
                } else {
                    t.doubleColumn("seconds").appendMissing();
                }
            }
        }
        return t;
    }

    /** A script that defines window.Plotly from plotly.js's source, whatever module loader the page has. */
    static String plotlyLoader(String plotlyJs) {
        return "<script>if (!window.Plotly) { (function (define, module, exports) {\n" + plotlyJs.replace("</script", "<\\/script")
                + "\n}).call(window, undefined, undefined, undefined); }</script>";
    }

    private static final String STYLE = """
            body { font-family: system-ui, sans-serif; max-width: 1200px; margin: 2em auto; padding: 0 1em; line-height: 1.45; }
            table { border-collapse: collapse; margin: 1em 0; font-variant-numeric: tabular-nums; }
            caption { text-align: left; font-weight: bold; padding-bottom: 4px; }
            th, td { padding: 2px 10px; border-bottom: 1px solid #ddd; vertical-align: top; }
            th { border-bottom: 1px solid #999; }
            .num { text-align: right; } .txt { text-align: left; }
            .verdict { font-weight: bold; } .error { color: #b00; white-space: pre-wrap; }
            section { border-top: 2px solid #ccc; margin-top: 2em; }
            """;

    /** The whole page; {@code plotlyJs} is plotly.js's source (inlined once). */
    static String html(Meta meta, List<Outcome> outcomes, String plotlyJs) {
        StringBuilder sb = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>")
                .append("Deep Learning from Scratch, chapters 4–7: the experiments with the course library")
                .append(meta.quick() ? " (quick mode)" : "").append("</title>\n<style>").append(STYLE).append("</style>\n")
                .append(plotlyLoader(plotlyJs)).append("\n</head><body>\n");
        sb.append("<h1>Deep Learning from Scratch, chapters 4–7: the experiments with the course library")
                .append(meta.quick() ? " (quick mode: tiny sizes, verdicts not judged)" : "").append("</h1>\n");
        sb.append("<p>Each experiment of the book (Saito Koki, <i>Deep Learning from Scratch</i>) run at the book's sizes with "
                + "the course library's classes, every random draw seeded; the book's numbers (from its saved outputs, on MNIST) "
                + "beside ours. Our data: ").append(esc(meta.data())).append(".</p>\n");
        sb.append("<table>\n<caption>this run</caption>\n<tbody>\n");
        String[][] facts = {
                {"command", meta.command()}, {"date", meta.date()},
                {"machine", meta.cpu() + ", " + meta.cores() + " cores (" + meta.os() + ")"}, {"JDK", meta.jdk()},
                {"load average at start (1, 5, 15 min)", meta.loadStart()}, {"load average at end", meta.loadEnd()},
                {"total time", String.format(Locale.ROOT, "%.0f s (%s)", meta.totalSeconds(), ProgressLine.clock(meta.totalSeconds()))}};
        for (String[] f : facts) {
            sb.append("<tr><th class=\"txt\">").append(esc(f[0])).append("</th><td class=\"txt\">").append(esc(f[1])).append("</td></tr>\n");
        }
        sb.append("</tbody></table>\n");
        sb.append(tableHtml(summary(outcomes)));
        for (Outcome o : outcomes) {
            sb.append("<section id=\"").append(esc(o.name)).append("\">\n<h2>").append(esc(o.name)).append(": ")
                    .append(esc(o.title)).append("</h2>\n");
            sb.append("<p><b>The book's setting:</b> ").append(esc(o.bookSetting)).append("</p>\n");
            for (String note : o.notes) {
                sb.append("<p>").append(esc(note)).append("</p>\n");
            }
            if (o.error != null) {
                sb.append("<p class=\"error\">This experiment failed: ").append(esc(o.error)).append("</p>\n");
            }
            Table rows = Table.create(o.name + ": ours beside the book's", tech.tablesaw.api.StringColumn.create("setting"),
                    tech.tablesaw.api.StringColumn.create("quantity"), tech.tablesaw.api.StringColumn.create("ours"),
                    tech.tablesaw.api.StringColumn.create("book"));
            for (Outcome.Row r : o.rows) {
                rows.stringColumn("setting").append(r.setting());
                rows.stringColumn("quantity").append(r.quantity());
                rows.stringColumn("ours").append(r.oursText());
                rows.stringColumn("book").append(r.book());
            }
            sb.append(tableHtml(rows));
            sb.append("<p><span class=\"verdict\">").append(esc(o.verdict.text)).append("</span>")
                    .append(o.criterion.isEmpty() ? "" : " — criterion: " + esc(o.criterion))
                    .append(String.format(Locale.ROOT, " (%.1f s)", o.seconds)).append("</p>\n");
            for (Object figure : o.figures) {
                sb.append("<div class=\"figure\">").append(Plots.bundle(figure).get("text/html")).append("</div>\n");
            }
            for (Table t : o.tables) {
                sb.append(tableHtml(t));
            }
            sb.append("</section>\n");
        }
        return sb.append("</body></html>\n").toString();
    }

    /** Writes report.html and results.json into {@code dir}; returns the two paths. */
    static Path[] write(Path dir, Meta meta, List<Outcome> outcomes, String plotlyJs) throws IOException {
        Files.createDirectories(dir);
        Path html = dir.resolve("report.html"), json = dir.resolve("results.json");
        Files.writeString(html, html(meta, outcomes, plotlyJs), StandardCharsets.UTF_8);
        Files.writeString(json, json(meta, outcomes), StandardCharsets.UTF_8);
        return new Path[] {html, json};
    }
}
