package dl.bench;

import dl.data.FashionMnist;
import dl.data.Split;
import dl.fast.MatMul;
import dl.network.Sequential;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.ejml.data.DMatrixRMaj;

/**
 * Training-speed benchmark (issues 7, 17, 28): trains four workloads with the library's own layers, the way the
 * notebooks do ({@link JavaWorkloads}), and in the same invocation, interleaved, the project's peer scripts in
 * {@code tools/bench} (NumPy in the book's style and in a fast style, PyTorch); prints samples/s of each, the
 * ratio against the fastest peer, the test accuracies (and the LSTM's final loss), then the GFLOP/s of the dense
 * layer's three products against the measured large-product peak. Lives in the test sources so that it is not in
 * the jar the notebooks load.
 *
 * <pre>
 * java --add-modules jdk.incubator.vector -cp ... dl.bench.TrainingBenchmark DATA_DIR [--quick] [--cold] [--repeat N]
 *     [--only a,b,c,d] [--numpy PYTHON] [--torch PYTHON | --no-torch REASON] --scripts DIR
 * </pre>
 * An MLP peer is run as {@code PYTHON DIR/SCRIPT DATA_DIR SIZES BATCH ITERS}, a CNN or LSTM peer as
 * {@code PYTHON DIR/SCRIPT DATA_DIR BATCH ITERS}; each prints {@code seconds=… samples_per_s=… test_acc=…}
 * (and {@code final_loss=…}). Run by {@code ./course bench} (see {@code docs/benchmark.md}).
 */
public final class TrainingBenchmark {

    /** What a workload trains. */
    enum Kind { MLP, CNN, LSTM }

    /**
     * One benchmark workload: its key (a … d), printed name, kind, layer sizes (MLP), batch size, iterations and the
     * iterations of the JIT warm-up run before the timed one.
     */
    record Workload(String key, String name, Kind kind, int[] sizes, int batch, int iterations, int warmUp) {
        String sizesArg() {
            return Arrays.stream(sizes).mapToObj(Integer::toString).collect(Collectors.joining(","));
        }

        Workload divided(int divide) {
            return new Workload(key, name, kind, sizes, batch, Math.max(1, iterations / divide), warmUp);
        }
    }

    /** samples/s, test accuracy and (NaN when not reported) final training loss of one training run. */
    record Result(double samplesPerSecond, double testAccuracy, double seconds, double finalLoss) {
    }

    static final List<Workload> WORKLOADS = List.of(
            new Workload("a", "(a) 784-50-10, batch 100, SGD lr 0.1", Kind.MLP, new int[] {784, 50, 10}, 100, 10_000,
                    300),
            new Workload("b", "(b) 784-100-100-100-100-10, batch 128, SGD lr 0.1", Kind.MLP,
                    new int[] {784, 100, 100, 100, 100, 10}, 128, 2_000, 300),
            new Workload("c", "(c) SimpleConvNet conv 30×5×5 → pool 2 → 100 → 10, batch 100, Adam lr 0.001", Kind.CNN,
                    new int[0], 100, 125, 20),
            new Workload("d", "(d) LSTM 1→64, 30 steps → dense 1, MSE, batch 64, Adam lr 0.01, clip 1", Kind.LSTM,
                    new int[0], 64, 500, 100));

    private TrainingBenchmark() {
    }

    /** A peer: its name, the command before the workload arguments, extra environment (may be empty). */
    record Peer(String name, List<String> command, String env) {
    }

    /** The peers of a workload, in the order they run (the library runs after the first). */
    static List<Peer> peers(Workload w, String numpy, String torch, Path scripts) {
        List<Peer> peers = new ArrayList<>();
        String one = "OPENBLAS_NUM_THREADS=1";
        if (numpy != null) {
            switch (w.kind()) {
                case MLP -> {
                    String book = scripts.resolve("numpy_mlp.py").toString(), fast = scripts.resolve("numpy_fast_mlp.py").toString();
                    peers.add(new Peer("numpy book-style (as run)", List.of(numpy, book), ""));
                    peers.add(new Peer("numpy book-style, 1 thread", List.of(numpy, book), one));
                    peers.add(new Peer("numpy fast (as run)", List.of(numpy, fast), ""));
                    peers.add(new Peer("numpy fast, 1 thread", List.of(numpy, fast), one));
                }
                case CNN -> {
                    // the book-style peer is some 2× slower than the fast one: run once, not also with 1 thread
                    String fast = scripts.resolve("numpy_fast_cnn.py").toString();
                    peers.add(new Peer("numpy fast (as run)", List.of(numpy, fast), ""));
                    peers.add(new Peer("numpy book-style (as run)", List.of(numpy, scripts.resolve("numpy_cnn.py").toString()), ""));
                    peers.add(new Peer("numpy fast, 1 thread", List.of(numpy, fast), one));
                }
                case LSTM -> {
                    String script = scripts.resolve("numpy_lstm.py").toString();
                    peers.add(new Peer("numpy (as run)", List.of(numpy, script), ""));
                    peers.add(new Peer("numpy, 1 thread", List.of(numpy, script), one));
                }
            }
        }
        if (torch != null) {
            String script = switch (w.kind()) {
                case MLP -> "torch_mlp.py";
                case CNN -> "torch_cnn.py";
                case LSTM -> "torch_lstm.py";
            };
            peers.add(new Peer("pytorch", List.of(torch, scripts.resolve(script).toString()), ""));
        }
        return peers;
    }

    private static final String USAGE = "usage: TrainingBenchmark DATA_DIR [--quick] [--cold] [--repeat N] [--only a,b,c,d]"
            + " [--numpy PYTHON] [--torch PYTHON | --no-torch REASON] [--scripts DIR]  |  TrainingBenchmark --products";

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.out.println(USAGE);
            System.exit(2);
        }
        if (args[0].equals("--products")) {
            products(Double.NaN);
            return;
        }
        Path dir = Path.of(args[0]);
        int repeat = 1;
        int divide = 1;
        String numpy = null, torch = null;
        Path scripts = Path.of("tools/bench");
        List<Workload> selected = WORKLOADS;
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--repeat" -> repeat = Integer.parseInt(value(args, ++i, "--repeat"));
                case "--quick" -> divide = 10;
                case "--cold" -> cold = true;
                case "--only" -> selected = only(value(args, ++i, "--only"));
                case "--numpy" -> numpy = value(args, ++i, "--numpy");
                case "--torch" -> torch = value(args, ++i, "--torch");
                case "--scripts" -> scripts = Path.of(value(args, ++i, "--scripts"));
                case "--no-torch" -> System.out.println("pytorch peers skipped: " + value(args, ++i, "--no-torch"));
                default -> throw new IllegalArgumentException("unknown argument: " + args[i] + "\n" + USAGE);
            }
        }
        if (repeat < 1) {
            throw new IllegalArgumentException("--repeat must be at least 1, got " + repeat);
        }
        if (numpy == null) {
            System.out.println("numpy peers skipped: no --numpy given");
        }
        System.out.printf(Locale.ROOT, "matrix products: %s (vector module %s), %d thread(s), %d processors%n",
                MatMul.best(), MatMul.vectorAvailable() ? "present" : "absent", MatMul.defaultThreads(),
                Runtime.getRuntime().availableProcessors());
        System.out.println("workloads: " + selected.stream().map(Workload::key).collect(Collectors.joining(",")));
        System.out.println("load average at start: " + loadAverage());
        long t0 = System.nanoTime();
        boolean images = selected.stream().anyMatch(w -> w.kind() != Kind.LSTM);
        Split data = images ? FashionMnist.load(dir) : null;
        if (images) {
            System.out.printf(Locale.ROOT, "Fashion-MNIST from %s: %d train, %d test (%.1f s)%n", dir, data.train().size(),
                    data.test().size(), (System.nanoTime() - t0) / 1e9);
        }
        if (divide > 1) {
            System.out.println("--quick: a tenth of the published iterations (not the published figures)");
        }

        List<String> summary = new ArrayList<>();
        for (Workload full : selected) {
            Workload w = full.divided(divide);
            List<Peer> peers = peers(w, numpy, torch, scripts);
            for (int r = 1; r <= repeat; r++) {
                System.out.printf("%n%s, %d iterations, float64 — run %d/%d (load average %s)%n", w.name(),
                        w.iterations(), r, repeat, loadAverage());
                // interleaved: peer 1, java, the other peers
                List<Result> results = new ArrayList<>();
                Result java = null;
                for (int p = 0; p < Math.max(1, peers.size()); p++) {
                    if (p < peers.size()) {
                        results.add(runPeer(peers.get(p), dir, w));
                    }
                    if (p == 0) {
                        java = train(data, w);
                    }
                }
                print("java (dl)", java);
                Result fastest = null;
                String fastestName = "";
                for (int p = 0; p < peers.size(); p++) {
                    print(peers.get(p).name(), results.get(p));
                    if (fastest == null || results.get(p).samplesPerSecond() > fastest.samplesPerSecond()) {
                        fastest = results.get(p);
                        fastestName = peers.get(p).name();
                    }
                }
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "(%s) run %d: java %.0f", w.key(), r,
                        java.samplesPerSecond()));
                for (int p = 0; p < peers.size(); p++) {
                    line.append(String.format(Locale.ROOT, " | %s %.0f", peers.get(p).name(), results.get(p).samplesPerSecond()));
                }
                if (fastest != null) {
                    double ratio = java.samplesPerSecond() / fastest.samplesPerSecond();
                    System.out.printf(Locale.ROOT, "  ratio java / fastest peer (%s): %.2f×%n", fastestName, ratio);
                    line.append(String.format(Locale.ROOT, " | ratio vs fastest (%s) %.2f×", fastestName, ratio));
                }
                line.append(String.format(Locale.ROOT, " | test acc java %.4f", java.testAccuracy()));
                for (int p = 0; p < peers.size(); p++) {
                    line.append(String.format(Locale.ROOT, ", %s %.4f", peers.get(p).name(), results.get(p).testAccuracy()));
                }
                if (!Double.isNaN(java.finalLoss())) {
                    line.append(String.format(Locale.ROOT, " | final loss java %.4f", java.finalLoss()));
                    for (int p = 0; p < peers.size(); p++) {
                        line.append(String.format(Locale.ROOT, ", %s %.4f", peers.get(p).name(), results.get(p).finalLoss()));
                    }
                }
                summary.add(line.toString());
            }
        }
        System.out.println();
        if (selected.stream().anyMatch(w -> w.kind() == Kind.MLP)) {
            double numpyPeak = Double.NaN;
            if (numpy != null) {
                List<String> cmd = List.of(numpy, scripts.resolve("numpy_mlp.py").toString(), "--peak", "1024");
                Matcher m = Pattern.compile("peak_gflops=(\\S+)").matcher(capture(cmd, ""));
                if (m.find()) {
                    numpyPeak = Double.parseDouble(m.group(1));
                }
            }
            products(numpyPeak);
            System.out.println();
        }
        System.out.println("load average at the end: " + loadAverage());
        System.out.println("summary (training samples/s; ratio = java / fastest peer):");
        summary.forEach(s -> System.out.println("  " + s));
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
        }
        return args[i];
    }

    /** The workloads named by {@code --only}, e.g. "c,d", in the benchmark's order. */
    static List<Workload> only(String keys) {
        List<String> wanted = Arrays.stream(keys.split(",")).map(String::trim).filter(k -> !k.isEmpty()).toList();
        List<String> known = WORKLOADS.stream().map(Workload::key).toList();
        for (String k : wanted) {
            if (!known.contains(k)) {
                throw new IllegalArgumentException("--only " + keys + ": unknown workload '" + k + "'; the workloads are "
                        + String.join(", ", known) + " (e.g. --only c,d)");
            }
        }
        if (wanted.isEmpty()) {
            throw new IllegalArgumentException("--only needs at least one of " + String.join(",", known) + " (e.g. --only c,d)");
        }
        return WORKLOADS.stream().filter(w -> wanted.contains(w.key())).toList();
    }

    private static String loadAverage() {
        try {
            String[] f = java.nio.file.Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static void print(String who, Result r) {
        System.out.printf(Locale.ROOT, "  %-30s %9.0f samples/s  (%.2f s)  test accuracy %.4f%s%n", who,
                r.samplesPerSecond(), r.seconds(), r.testAccuracy(),
                Double.isNaN(r.finalLoss()) ? "" : String.format(Locale.ROOT, "  final loss %.4f", r.finalLoss()));
    }

    /** With {@code --cold}: no warm-up run (the JIT compiler's warm-up then counts in the timed run). */
    private static boolean cold;

    /**
     * Trains the workload with the library ({@link JavaWorkloads}). A first run of {@link Workload#warmUp()}
     * iterations with other seeds is not timed (unless {@code --cold}): until the JIT compiler has compiled the
     * Vector API kernels, they run many times slower.
     */
    static Result train(Split data, Workload w) {
        if (!cold && w.warmUp() > 0) {
            long w0 = System.nanoTime();
            fit(data, w, w.warmUp(), 1);
            System.out.printf(Locale.ROOT, "  (java: JIT warm-up of %d iterations before the timed run, %.2f s, untimed)%n",
                    w.warmUp(), (System.nanoTime() - w0) / 1e9);
        } else {
            System.out.println("  (java: --cold, no warm-up: the JIT compiler's warm-up counts in the timed run)");
        }
        long t0 = System.nanoTime();
        Supplier<JavaWorkloads.Trained> trained = fit(data, w, w.iterations(), 0);
        double seconds = (System.nanoTime() - t0) / 1e9;
        JavaWorkloads.Trained t = trained.get();
        return new Result((double) w.iterations() * w.batch() / seconds, t.testAccuracy(), seconds, t.finalLoss());
    }

    /**
     * Trains {@code iterations} of the workload from {@code seed}; the returned supplier measures the test accuracy
     * (and the final loss), after the clock has stopped.
     */
    private static Supplier<JavaWorkloads.Trained> fit(Split data, Workload w, int iterations, long seed) {
        return switch (w.kind()) {
            case MLP -> accuracy(JavaWorkloads.mlp(data, w.sizes(), w.batch(), iterations, seed), data);
            case CNN -> accuracy(JavaWorkloads.cnn(data, w.batch(), iterations, seed), data);
            case LSTM -> JavaWorkloads.lstm(w.batch(), iterations, seed);
        };
    }

    private static Supplier<JavaWorkloads.Trained> accuracy(Sequential net, Split data) {
        return () -> new JavaWorkloads.Trained(net.accuracy(data.test()), Double.NaN);
    }

    private static final Pattern PEER_OUT = Pattern.compile("seconds=(\\S+) samples_per_s=(\\S+) test_acc=(\\S+)");
    private static final Pattern FINAL_LOSS = Pattern.compile("final_loss=(\\S+)");

    /** Runs a peer on a workload and parses its {@code seconds=… samples_per_s=… test_acc=… [final_loss=…]} line. */
    static Result runPeer(Peer peer, Path dir, Workload w) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>(peer.command());
        full.add(dir.toString());
        if (w.kind() == Kind.MLP) {
            full.add(w.sizesArg());
        }
        full.addAll(List.of(Integer.toString(w.batch()), Integer.toString(w.iterations())));
        String out = capture(full, peer.env());
        Matcher m = PEER_OUT.matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("peer " + String.join(" ", full) + " printed no result:\n" + out);
        }
        Matcher loss = FINAL_LOSS.matcher(out);
        return new Result(Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3)), Double.parseDouble(m.group(1)),
                loss.find() ? Double.parseDouble(loss.group(1)) : Double.NaN);
    }

    /** Runs a command (with one optional NAME=VALUE in its environment) and returns its output; fails on a non-zero exit. */
    static String capture(List<String> cmd, String env) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        if (!env.isEmpty()) {
            pb.environment().put(env.substring(0, env.indexOf('=')), env.substring(env.indexOf('=') + 1));
        }
        Process p = pb.start();
        StringBuilder out = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                out.append(line).append('\n');
            }
        }
        int code = p.waitFor();
        if (code != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + " failed (exit " + code + "):\n" + out);
        }
        return out.toString();
    }

    /**
     * GFLOP/s of X·W, Xᵀ·D and D·Wᵀ at the workloads' first-layer and hidden-layer shapes (plain EJML
     * in brackets), as a percentage of the machine's measured large-product peak: the best of this
     * library's kernel on a 1024×1024·1024×1024 product and NumPy's (OpenBLAS) on the same (if given).
     */
    static void products(double numpyPeak) {
        MatMul best = MatMul.best();
        int threads = MatMul.defaultThreads();
        int q = 1024;
        DMatrixRMaj a = random(q, q, 4), b = random(q, q, 5), c = new DMatrixRMaj(q, q);
        double big = 2.0 * q * q * q;
        double own = gflops(big, () -> best.mult(a, b, c, threads));
        double peak = Double.isNaN(numpyPeak) ? own : Math.max(own, numpyPeak);
        System.out.printf(Locale.ROOT, "large-product peak (%d×%d·%d×%d, float64): this library %.1f GFLOP/s (%d threads), "
                + "numpy %s GFLOP/s → peak %.1f GFLOP/s%n", q, q, q, q, own, threads,
                Double.isNaN(numpyPeak) ? "n/a" : String.format(Locale.ROOT, "%.1f", numpyPeak), peak);
        System.out.printf(Locale.ROOT, "matrix products as training runs them, GFLOP/s (2·m·n·k / time) and %% of that peak, %s"
                + " (%d thread(s) from %,d multiply-adds on, else 1), PLAIN (EJML) in brackets:%n", best, threads,
                MatMul.parallelMin());
        int[][] shapes = {{100, 784, 50}, {128, 784, 100}, {128, 100, 100}};
        for (int[] s : shapes) {
            int m = s[0], k = s[1], n = s[2];
            DMatrixRMaj x = random(m, k, 1), w = random(k, n, 2), d = random(m, n, 3);
            DMatrixRMaj y = new DMatrixRMaj(m, n), dw = new DMatrixRMaj(k, n), dx = new DMatrixRMaj(m, k);
            double flops = 2.0 * m * n * k;
            System.out.printf(Locale.ROOT, "  batch %d, %d→%d:  X·W %s   Xᵀ·D %s   D·Wᵀ %s%n", m, k, n,
                    rate(flops, peak, () -> best.mult(x, w, y), () -> MatMul.PLAIN.mult(x, w, y)),
                    rate(flops, peak, () -> best.multTransA(x, d, dw), () -> MatMul.PLAIN.multTransA(x, d, dw)),
                    rate(flops, peak, () -> best.multTransB(d, w, dx), () -> MatMul.PLAIN.multTransB(d, w, dx)));
        }
    }

    private static String rate(double flops, double peak, Runnable fast, Runnable plain) {
        double g = gflops(flops, fast);
        return String.format(Locale.ROOT, "%5.1f %3.0f%% (plain %4.1f)", g, 100 * g / peak, gflops(flops, plain));
    }

    /** Best of 5 timings of enough repetitions to take ≥ 0.1 s, after a 0.5 s warm-up (JIT compilation). */
    private static double gflops(double flops, Runnable op) {
        for (long start = System.nanoTime(); System.nanoTime() - start < 500_000_000L; ) {
            op.run();
        }
        int reps = 1;
        long t;
        do {
            reps *= 2;
            t = time(op, reps);
        } while (t < 100_000_000L);
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            best = Math.min(best, time(op, reps));
        }
        return flops * reps / best;
    }

    private static long time(Runnable op, int reps) {
        long t0 = System.nanoTime();
        for (int i = 0; i < reps; i++) {
            op.run();
        }
        return System.nanoTime() - t0;
    }

    private static DMatrixRMaj random(int rows, int cols, long seed) {
        Random rng = new Random(seed);
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < m.data.length; i++) {
            m.data[i] = rng.nextGaussian();
        }
        return m;
    }
}
