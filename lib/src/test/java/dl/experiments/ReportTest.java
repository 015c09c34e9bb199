package dl.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dl.plot.Chart;
import dl.plot.Traces;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/** The experiments' report writer, its check of a written run, the selection of experiments and the progress line. */
class ReportTest {

    static final Report.Meta META = new Report.Meta("./course experiments --quick", true, "2026-12-07 21:00 UTC",
            "Test CPU", 2, "JDK 17", "Linux", "1.00 2.00 3.00", "4.00 5.00 6.00", 12.5, "test data");

    static Outcome outcome(String name, double value) {
        Outcome o = new Outcome(name, "a <title>", "the book's setting");
        o.row("setting A", "accuracy", value, "%.3f", "0.9");
        o.figure(Chart.of("a figure", "x", "y", Traces.line("line", new double[] {1, 2}, new double[] {3, 4})));
        o.table(Table.create("extra", DoubleColumn.create("v", new double[] {1, 2, 3})));
        o.seconds = 1.25;
        return o.judge(value > 0.5, Outcome.Verdict.NOT_REPRODUCED, "accuracy above 0.5");
    }

    @Test
    void jsonCarriesEveryNumberAndWritesNonFiniteAsNull() throws Exception {
        JsonNode root = new ObjectMapper().readTree(Report.json(META, List.of(outcome("a", 0.75), outcome("b", Double.NaN))));
        assertEquals("quick", root.path("mode").asText());
        assertEquals("1.00 2.00 3.00", root.path("machine").path("load_average_start").asText());
        assertEquals(12.5, root.path("total_seconds").asDouble());
        assertEquals(0.75, root.path("experiments").get(0).path("rows").get(0).path("ours").asDouble());
        assertEquals("reproduced", root.path("experiments").get(0).path("verdict").asText());
        assertEquals("not reproduced", root.path("experiments").get(1).path("verdict").asText());
        assertTrue(root.path("experiments").get(1).path("rows").get(0).path("ours").isNull());
        assertNull(Report.finiteOrNull(Double.POSITIVE_INFINITY));
    }

    @Test
    void htmlInlinesPlotlyOnceEscapesTextAndShowsEveryRow() {
        Outcome o = outcome("a", 0.75);
        Table long30 = Table.create("thirty rows", DoubleColumn.create("v", java.util.stream.IntStream.range(0, 30)
                .mapToDouble(i -> i + 0.5).toArray()));
        o.table(long30);
        String html = Report.html(META, List.of(o), "var PLOTLY_SOURCE = 1;");
        assertEquals(1, html.split("PLOTLY_SOURCE", -1).length - 1, "plotly.js inlined exactly once");
        assertTrue(html.contains("a &lt;title&gt;"), "titles are escaped");
        assertFalse(html.contains("a <title>"));
        assertTrue(html.contains("<section id=\"a\">"));
        assertTrue(html.contains("29.5"), "the last of 30 rows is shown, not cut to head and tail");
        assertTrue(html.contains("4.00 5.00 6.00") && html.contains("Test CPU, 2 cores"), "the machine and its load");
    }

    @Test
    void checkFindsMissingNonFiniteAndFailedExperiments(@TempDir Path dir) throws Exception {
        Outcome good = outcome("good", 0.75), bad = outcome("bad", Double.NaN);
        Outcome failed = new Outcome("failed", "(failed)", "");
        failed.error = "IllegalStateException: boom";
        failed.verdict = Outcome.Verdict.FAILED;
        Path[] files = Report.write(dir, META, List.of(good, bad, failed), "window.x = 1;");
        List<String> problems = Experiments.check(files[1], files[0], List.of(good, bad, failed));
        assertTrue(problems.stream().noneMatch(p -> p.startsWith("good")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("bad:") && p.contains("not a finite number")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("failed:") && p.contains("boom")), problems.toString());
        Outcome absent = outcome("absent", 0.9);
        assertTrue(Experiments.check(files[1], files[0], List.of(absent)).get(0).contains("missing from results.json"));
        Files.writeString(files[0], Files.readString(files[0]).replace("window.Plotly", "nothing"));
        assertTrue(Experiments.check(files[1], files[0], List.of(good)).contains("report.html does not inline plotly.js"));
    }

    @Test
    void consoleTableAlignsColumnsAndNamesEachExperimentOnce() {
        Outcome o = outcome("alpha", 0.75);
        o.row("setting B", "loss", 0.123456, "%.4f", "0.2");
        String[] lines = Report.consoleTable(List.of(o)).split("\n");
        assertTrue(lines[0].startsWith("experiment") && lines[0].contains("book") && lines[0].contains("seconds"));
        assertTrue(lines[2].startsWith("alpha") && lines[2].contains("setting A: accuracy") && lines[2].contains("0.750"));
        assertTrue(lines[3].startsWith(" ") && lines[3].contains("0.1235"), lines[3]);
        assertEquals(lines[2].indexOf("0.750"), lines[3].indexOf("0.1235"), "the ours column is aligned");
        assertTrue(lines[2].contains("1.3") && lines[2].contains("reproduced"));
    }

    @Test
    void onlySelectsInCatalogueOrderAndRefusesUnknownNames() {
        assertEquals(List.of("gradient_1d", "train_convnet"),
                Experiments.select("train_convnet, gradient_1d").stream().map(Experiments.Entry::name).toList());
        assertEquals(Experiments.CATALOGUE.size(), Experiments.select(null).size());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Experiments.select("train_cnn"));
        assertTrue(e.getMessage().contains("unknown train_cnn") && e.getMessage().contains("train_convnet"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Experiments.select(" , "));
    }

    @Test
    void progressLineShowsBarPercentElapsedAndEta() {
        assertEquals("1:05", ProgressLine.clock(65));
        assertEquals("1:00:01", ProgressLine.clock(3601));
        assertEquals("?", ProgressLine.clock(Double.NaN));
        assertEquals(30, ProgressLine.eta(0.25, 10), 1e-12);
        assertTrue(Double.isNaN(ProgressLine.eta(0, 10)));
        String line = ProgressLine.line(3, 14, "train_neuralnet", 0.5, 42);
        assertTrue(line.startsWith("[ 3/14] train_neuralnet"), line);
        assertTrue(line.contains("[" + "#".repeat(12) + "-".repeat(12) + "]") && line.contains(" 50 %"), line);
        assertTrue(line.endsWith("0:42 elapsed, ETA 0:42"), line);
        StringBuilder log = new StringBuilder();
        long[] now = {0};
        ProgressLine p = new ProgressLine(new java.io.PrintStream(new java.io.OutputStream() {
            @Override
            public void write(int b) {
                log.append((char) b);
            }
        }), false, 2, () -> now[0]);
        p.begin(1, "x");
        now[0] = 10_000;
        p.update(0.1);   // within 30 s of the last log line: not written
        now[0] = 40_000;
        p.update(0.5);
        p.end("reproduced");
        String[] lines = log.toString().split("\n");
        assertEquals(3, lines.length, log.toString());
        assertTrue(lines[1].contains(" 50 %") && lines[1].contains("ETA 0:40"), lines[1]);
        assertTrue(lines[2].contains("done in 0:40: reproduced"), lines[2]);
    }
}
