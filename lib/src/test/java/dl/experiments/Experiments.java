package dl.experiments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code ./course experiments}: the experiments of <i>Deep Learning from Scratch</i>, chapters 4–7, at the book's sizes,
 * with the library's classes as the notebooks use them ({@link Chapter4} … {@link Chapter7}); writes
 * {@code report.html} and {@code results.json} ({@link Report}) and prints ours beside the book's. Lives in the test
 * sources, like the benchmark, so that it is not in the jar the notebooks load.
 *
 * <pre>
 * java --add-modules jdk.incubator.vector -cp ... dl.experiments.Experiments --fashion DIR --plotly FILE --out DIR
 *     [--quick] [--only NAME,...] [--tty] [--command TEXT]
 * </pre>
 * {@code --quick} runs every experiment's code at tiny sizes on the repository's data (a check that all of it works);
 * exit status 1 when an experiment fails, a headline number is not finite or the written report misses an experiment.
 */
public final class Experiments {

    /** One experiment of the catalogue: its name (the book's script), chapter and code. */
    record Entry(String name, int chapter, Function<Lab, Outcome> run) {
    }

    static final List<Entry> CATALOGUE = List.of(
            new Entry("gradient_1d", 4, Chapter4::gradient1d),
            new Entry("gradient_2d", 4, Chapter4::gradient2d),
            new Entry("gradient_method", 4, Chapter4::gradientMethod),
            new Entry("train_neuralnet", 4, Chapter4::trainNeuralnet),
            new Entry("gradient_check", 5, Chapter5::gradientCheck),
            new Entry("optimizer_compare_naive", 6, Chapter6::optimizerCompareNaive),
            new Entry("optimizer_compare_mnist", 6, Chapter6::optimizerCompareMnist),
            new Entry("weight_init_activation_histogram", 6, Chapter6::weightInitActivationHistogram),
            new Entry("weight_init_compare", 6, Chapter6::weightInitCompare),
            new Entry("batch_norm_test", 6, Chapter6::batchNormTest),
            new Entry("overfit_weight_decay", 6, Chapter6::overfitWeightDecay),
            new Entry("overfit_dropout", 6, Chapter6::overfitDropout),
            new Entry("hyperparameter_optimization", 6, Chapter6::hyperparameterOptimization),
            new Entry("train_convnet", 7, Chapter7::trainConvnet));

    private static final String USAGE = "usage: Experiments --fashion DIR --plotly FILE --out DIR [--quick] [--only NAME,...]"
            + " [--tty] [--command TEXT]";

    private Experiments() {
    }

    /** The entries named in {@code only} (comma-separated, in catalogue order); all when null. */
    static List<Entry> select(String only) {
        if (only == null) {
            return CATALOGUE;
        }
        Set<String> wanted = new LinkedHashSet<>();
        for (String name : only.split(",")) {
            if (!name.isBlank()) {
                wanted.add(name.trim());
            }
        }
        List<String> known = CATALOGUE.stream().map(Entry::name).toList();
        List<String> unknown = wanted.stream().filter(n -> !known.contains(n)).toList();
        if (!unknown.isEmpty() || wanted.isEmpty()) {
            throw new IllegalArgumentException("--only: " + (wanted.isEmpty() ? "no experiment named" : "unknown "
                    + String.join(", ", unknown)) + "; the experiments are " + String.join(", ", known));
        }
        return CATALOGUE.stream().filter(e -> wanted.contains(e.name())).toList();
    }

    /** Runs one experiment, timing it; a failure is recorded in its outcome, not thrown. */
    static Outcome run(Entry entry, Lab lab) {
        long start = System.nanoTime();
        Outcome o;
        try {
            o = entry.run().apply(lab);
            if (lab.quick) {
                o.verdict = Outcome.Verdict.NOT_JUDGED;
            }
        } catch (RuntimeException | AssertionError e) {
            o = new Outcome(entry.name(), "(failed)", "");
            o.verdict = Outcome.Verdict.FAILED;
            o.error = e.getClass().getSimpleName() + ": " + e.getMessage();
            e.printStackTrace();
        }
        o.seconds = (System.nanoTime() - start) / 1e9;
        return o;
    }

    /**
     * What is wrong with a written run (empty when nothing): each selected experiment must be in results.json without
     * an error and with finite headline numbers, and have its section and its figures in report.html.
     */
    static List<String> check(Path results, Path report, List<Outcome> outcomes) throws IOException {
        List<String> problems = new ArrayList<>();
        JsonNode root = new ObjectMapper().readTree(Files.readString(results, StandardCharsets.UTF_8));
        String html = Files.readString(report, StandardCharsets.UTF_8);
        if (!html.contains(Report.plotlyLoader("").substring(0, 60)) || html.matches("(?s).*<script[^>]+src=.*")) {
            problems.add("report.html does not inline plotly.js");
        }
        for (Outcome o : outcomes) {
            JsonNode found = null;
            for (JsonNode e : root.path("experiments")) {
                if (e.path("name").asText().equals(o.name)) {
                    found = e;
                }
            }
            if (found == null) {
                problems.add(o.name + ": missing from results.json");
                continue;
            }
            if (!found.path("error").isNull()) {
                problems.add(o.name + ": failed: " + found.path("error").asText());
            }
            if (found.path("rows").isEmpty()) {
                problems.add(o.name + ": no numbers");
            }
            for (JsonNode r : found.path("rows")) {
                if (!r.path("ours").isNumber() || !Double.isFinite(r.path("ours").asDouble())) {
                    problems.add(o.name + ": " + r.path("setting").asText() + ", " + r.path("quantity").asText()
                            + " is not a finite number (" + r.path("ours_text").asText() + ")");
                }
            }
            if (!html.contains("<section id=\"" + o.name + "\">")) {
                problems.add(o.name + ": no section in report.html");
            }
            int section = html.indexOf("<section id=\"" + o.name + "\">");
            int end = section < 0 ? -1 : html.indexOf("</section>", section);
            long figures = end < 0 ? 0 : html.substring(section, end).split("class=\"dl-plot\"", -1).length - 1;
            if (figures < o.figures.size()) {
                problems.add(o.name + ": " + figures + " of its " + o.figures.size() + " figures in report.html");
            }
        }
        return problems;
    }

    /** The CPU model of /proc/cpuinfo ("unknown" when it cannot be read). */
    static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            return "unknown (" + e.getMessage() + ")";
        }
        return "unknown";
    }

    /** The 1, 5 and 15 minute load averages of /proc/loadavg. */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static String value(String[] args, int i, String flag) {
        if (i >= args.length) {
            throw new IllegalArgumentException(flag + " needs a value. " + USAGE);
        }
        return args[i];
    }

    public static void main(String[] args) throws IOException {
        boolean quick = false, tty = false;
        String only = null, command = null;
        Path fashion = null, plotly = null, out = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--tty" -> tty = true;
                case "--only" -> only = value(args, ++i, "--only");
                case "--command" -> command = value(args, ++i, "--command");
                case "--fashion" -> fashion = Path.of(value(args, ++i, "--fashion"));
                case "--plotly" -> plotly = Path.of(value(args, ++i, "--plotly"));
                case "--out" -> out = Path.of(value(args, ++i, "--out"));
                default -> {
                    System.err.println("unknown argument " + args[i] + ". " + USAGE);
                    System.exit(2);
                }
            }
        }
        if (out == null || plotly == null || (!quick && fashion == null)) {
            System.err.println(USAGE + " (--fashion is needed without --quick)");
            System.exit(2);
        }
        List<Entry> selected;
        try {
            selected = select(only);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        String plotlyJs = Files.readString(plotly, StandardCharsets.UTF_8);
        String date = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));
        String loadStart = loadAverage();
        long start = System.nanoTime();
        ProgressLine progress = new ProgressLine(System.err, tty, selected.size(), System::currentTimeMillis);
        Lab lab = new Lab(quick, fashion, progress);
        List<Outcome> outcomes = new ArrayList<>();
        for (int k = 0; k < selected.size(); k++) {
            Entry e = selected.get(k);
            progress.begin(k + 1, e.name());
            Outcome o = run(e, lab);
            progress.end(o.verdict.text);
            outcomes.add(o);
        }
        double total = (System.nanoTime() - start) / 1e9;
        Report.Meta meta = new Report.Meta(command == null ? "./course experiments" + (quick ? " --quick" : "") : command,
                quick, date, cpuModel(), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                loadStart, loadAverage(), total, lab.fashionName() + "; the 8 × 8 digits (1797 images) where the book's "
                        + "experiment is small");
        Path[] files = Report.write(out, meta, outcomes, plotlyJs);
        System.out.println();
        System.out.print(Report.consoleTable(outcomes));
        System.out.println();
        System.out.printf(Locale.ROOT, "total %.0f s (%s); load average %s at the start, %s at the end%n", total,
                ProgressLine.clock(total), loadStart, meta.loadEnd());
        System.out.println("report: " + files[0] + "\nnumbers: " + files[1]);
        List<String> problems = check(files[1], files[0], outcomes);
        for (String p : problems) {
            System.out.println("FAIL " + p);
        }
        Set<String> failed = new LinkedHashSet<>();
        for (String p : problems) {
            failed.add(p.substring(0, p.indexOf(':') < 0 ? p.length() : p.indexOf(':')));
        }
        long passed = outcomes.stream().filter(o -> !failed.contains(o.name)).count();
        System.out.printf(Locale.ROOT, "experiments%s: %d passed, %d failed%n", quick ? " (quick)" : "", passed,
                outcomes.size() - passed + (problems.stream().anyMatch(p -> p.startsWith("report.html")) ? 1 : 0));
        System.exit(problems.isEmpty() ? 0 : 1);
    }
}
