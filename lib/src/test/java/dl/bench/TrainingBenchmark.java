package dl.bench;

import dl.data.FashionMnist;
import dl.data.Split;
import dl.fast.MatMul;
import dl.network.Mlp;
import dl.network.Sampling;
import dl.network.Sequential;
import dl.network.Trainer;
import dl.optimizers.Sgd;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.ejml.data.DMatrixRMaj;

/**
 * Training-speed benchmark (issues 7, 17): trains MLPs on Fashion-MNIST with the library's own
 * {@link Mlp}, {@link Trainer} and {@link Sgd}, and in the same invocation, interleaved, the project's
 * peer scripts {@code tools/bench/numpy_mlp.py} (as run and with one OpenBLAS thread) and
 * {@code tools/bench/torch_mlp.py}; prints samples/s of each, the ratio against the fastest peer, the
 * test accuracies, then the GFLOP/s of the dense layer's three products against the measured
 * large-product peak. Lives in the test sources so that it is not in the jar the notebooks load.
 *
 * <pre>
 * java --add-modules jdk.incubator.vector -cp ... dl.bench.TrainingBenchmark DATA_DIR [--quick] [--cold] [--repeat N]
 *     [--numpy PYTHON SCRIPT] [--torch PYTHON SCRIPT | --no-torch REASON]
 * </pre>
 * A peer is run as {@code PYTHON SCRIPT DATA_DIR SIZES BATCH ITERS} and prints
 * {@code seconds=… samples_per_s=… test_acc=…}. Run by {@code ./course bench} (see {@code docs/benchmark.md}).
 */
public final class TrainingBenchmark {

    /** One benchmark workload: layer sizes, batch size, iterations (SGD lr 0.1, float64). */
    record Workload(String name, int[] sizes, int batch, int iterations) {
        String sizesArg() {
            return Arrays.stream(sizes).mapToObj(Integer::toString).collect(Collectors.joining(","));
        }
    }

    /** samples/s and test accuracy of one training run. */
    record Result(double samplesPerSecond, double testAccuracy, double seconds) {
    }

    static final List<Workload> WORKLOADS = List.of(
            new Workload("(a) 784-50-10, batch 100", new int[] {784, 50, 10}, 100, 10_000),
            new Workload("(b) 784-100-100-100-100-10, batch 128", new int[] {784, 100, 100, 100, 100, 10}, 128, 2_000));

    private TrainingBenchmark() {
    }

    /** A peer: its name, the command before the workload arguments, extra environment (may be empty). */
    record Peer(String name, List<String> command, String env) {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.out.println("usage: TrainingBenchmark DATA_DIR [--quick] [--cold] [--repeat N] [--numpy PYTHON SCRIPT]"
                    + " [--torch PYTHON SCRIPT | --no-torch REASON]  |  TrainingBenchmark --products");
            System.exit(2);
        }
        if (args[0].equals("--products")) {
            products(Double.NaN);
            return;
        }
        Path dir = Path.of(args[0]);
        int repeat = 1;
        int divide = 1;
        List<Peer> peers = new ArrayList<>();
        List<String> numpy = null;
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--repeat" -> repeat = Integer.parseInt(args[++i]);
                case "--quick" -> divide = 10;
                case "--cold" -> warmUp = 0;
                case "--numpy" -> {
                    numpy = List.of(args[i + 1], args[i + 2]);
                    peers.add(new Peer("numpy (as run)", numpy, ""));
                    peers.add(new Peer("numpy, OPENBLAS_NUM_THREADS=1", numpy, "OPENBLAS_NUM_THREADS=1"));
                    i += 2;
                }
                case "--torch" -> {
                    peers.add(new Peer("pytorch", List.of(args[i + 1], args[i + 2]), ""));
                    i += 2;
                }
                case "--no-torch" -> System.out.println("pytorch peer skipped: " + args[++i]);
                default -> throw new IllegalArgumentException("unknown argument: " + args[i]);
            }
        }
        if (numpy == null) {
            System.out.println("numpy peers skipped: no --numpy given");
        }
        System.out.printf(Locale.ROOT, "matrix products: %s (vector module %s), %d thread(s), %d processors%n",
                MatMul.best(), MatMul.vectorAvailable() ? "present" : "absent", MatMul.defaultThreads(),
                Runtime.getRuntime().availableProcessors());
        System.out.println("load average at start: " + loadAverage());
        long t0 = System.nanoTime();
        Split data = FashionMnist.load(dir);
        System.out.printf(Locale.ROOT, "Fashion-MNIST from %s: %d train, %d test (%.1f s)%n", dir, data.train().size(),
                data.test().size(), (System.nanoTime() - t0) / 1e9);
        if (divide > 1) {
            System.out.println("--quick: a tenth of the published iterations (not the published figures)");
        }

        List<String> summary = new ArrayList<>();
        for (Workload full : WORKLOADS) {
            Workload w = new Workload(full.name(), full.sizes(), full.batch(), full.iterations() / divide);
            for (int r = 1; r <= repeat; r++) {
                System.out.printf("%n%s, SGD lr 0.1, %d iterations, float64 — run %d/%d (load average %s)%n", w.name(),
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
                print("java (dl: Sequential + Trainer)", java);
                Result fastest = null;
                String fastestName = "";
                for (int p = 0; p < peers.size(); p++) {
                    print(peers.get(p).name(), results.get(p));
                    if (fastest == null || results.get(p).samplesPerSecond() > fastest.samplesPerSecond()) {
                        fastest = results.get(p);
                        fastestName = peers.get(p).name();
                    }
                }
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-40s java %7.0f", w.name(),
                        java.samplesPerSecond()));
                for (int p = 0; p < peers.size(); p++) {
                    line.append(String.format(Locale.ROOT, " | %s %7.0f", peers.get(p).name(), results.get(p).samplesPerSecond()));
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
                summary.add(line.toString());
            }
        }
        System.out.println();
        double numpyPeak = Double.NaN;
        if (numpy != null) {
            List<String> cmd = new ArrayList<>(numpy);
            cmd.addAll(List.of("--peak", "1024"));
            Matcher m = Pattern.compile("peak_gflops=(\\S+)").matcher(capture(cmd, ""));
            if (m.find()) {
                numpyPeak = Double.parseDouble(m.group(1));
            }
        }
        products(numpyPeak);
        System.out.println();
        System.out.println("load average at the end: " + loadAverage());
        System.out.println("summary (training samples/s; ratio = java / fastest peer):");
        summary.forEach(s -> System.out.println("  " + s));
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
        System.out.printf(Locale.ROOT, "  %-30s %9.0f samples/s  (%.2f s)  test accuracy %.4f%n", who,
                r.samplesPerSecond(), r.seconds(), r.testAccuracy());
    }

    /** Iterations trained, untimed, before the timed run: the JIT compiler's warm-up (see docs/benchmark.md). */
    static final int WARM_UP = 300;
    /** {@link #WARM_UP}, or 0 with {@code --cold} (the JIT compiler's warm-up then counts in the timed run). */
    private static int warmUp = WARM_UP;

    /**
     * Trains with the library's Mlp + Trainer: He init, ReLU, softmax-CE, SGD, batches drawn with
     * replacement. A first run of {@link #WARM_UP} iterations on another network is not timed (unless
     * {@code --cold}): until the JIT compiler has compiled the Vector API kernels, they run many times slower.
     */
    static Result train(Split data, Workload w) {
        if (warmUp > 0) {
            long w0 = System.nanoTime();
            fit(data, w, warmUp);
            System.out.printf(Locale.ROOT, "  (java: JIT warm-up of %d iterations before the timed run, %.2f s, untimed)%n",
                    warmUp, (System.nanoTime() - w0) / 1e9);
        } else {
            System.out.println("  (java: --cold, no warm-up: the JIT compiler's warm-up counts in the timed run)");
        }
        long t0 = System.nanoTime();
        Sequential net = fit(data, w, w.iterations());
        double seconds = (System.nanoTime() - t0) / 1e9;
        double acc = net.accuracy(data.test());
        return new Result((double) w.iterations() * w.batch() / seconds, acc, seconds);
    }

    private static Sequential fit(Split data, Workload w, int iterations) {
        Sequential net = Mlp.of(w.sizes()).seed(0).build();
        new Trainer(new Sgd(0.1)).batchSize(w.batch()).iterations(iterations)
                .sampling(Sampling.WITH_REPLACEMENT).seed(0)
                .evaluationSamples(1) // the peer does not evaluate while training; neither do we (1 sample)
                .fit(net, data.train());
        return net;
    }

    private static final Pattern PEER_OUT = Pattern.compile("seconds=(\\S+) samples_per_s=(\\S+) test_acc=(\\S+)");

    /** Runs a peer on a workload and parses its {@code seconds=… samples_per_s=… test_acc=…} line. */
    static Result runPeer(Peer peer, Path dir, Workload w) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>(peer.command());
        full.addAll(List.of(dir.toString(), w.sizesArg(), Integer.toString(w.batch()), Integer.toString(w.iterations())));
        String out = capture(full, peer.env());
        Matcher m = PEER_OUT.matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("peer " + String.join(" ", full) + " printed no result:\n" + out);
        }
        return new Result(Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3)), Double.parseDouble(m.group(1)));
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
