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
 * Training-speed benchmark (issue 7): trains MLPs on Fashion-MNIST with the library's own
 * {@link Mlp}, {@link Trainer} and {@link Sgd}, runs a NumPy peer script with the same arguments in
 * the same invocation, and prints samples/s of both, their ratio and both test accuracies; then the
 * GFLOP/s of the dense layer's three matrix products against a measured peak.
 *
 * <pre>
 * java --add-modules jdk.incubator.vector -cp ... dl.bench.TrainingBenchmark DATA_DIR [--peer CMD...] [--repeat N]
 * </pre>
 * {@code --peer} takes the rest of the command line: the peer is run as {@code CMD DATA_DIR SIZES BATCH
 * ITERS float64} and must print {@code samples_per_s=… test_acc=…}; it runs twice per workload, as is
 * and with {@code OPENBLAS_NUM_THREADS=1}, and both ratios are printed. Run by {@code ./course bench}
 * (see {@code docs/benchmark.md}).
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

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.out.println("usage: TrainingBenchmark DATA_DIR [--repeat N] [--peer CMD ...]  |  TrainingBenchmark --products");
            System.exit(2);
        }
        if (args[0].equals("--products")) {
            products();
            return;
        }
        Path dir = Path.of(args[0]);
        int repeat = 1;
        List<String> peer = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--repeat")) {
                repeat = Integer.parseInt(args[++i]);
            } else if (args[i].equals("--peer")) {
                peer.addAll(Arrays.asList(args).subList(i + 1, args.length));
                break;
            } else {
                throw new IllegalArgumentException("unknown argument: " + args[i]);
            }
        }
        System.out.printf(Locale.ROOT, "matrix products: %s (vector module %s), %d thread(s), %d processors%n",
                MatMul.best(), MatMul.vectorAvailable() ? "present" : "absent", MatMul.defaultThreads(),
                Runtime.getRuntime().availableProcessors());
        long t0 = System.nanoTime();
        Split data = FashionMnist.load(dir);
        System.out.printf(Locale.ROOT, "Fashion-MNIST from %s: %d train, %d test (%.1f s)%n", dir, data.train().size(),
                data.test().size(), (System.nanoTime() - t0) / 1e9);

        List<String> summary = new ArrayList<>();
        for (Workload w : WORKLOADS) {
            for (int r = 1; r <= repeat; r++) {
                System.out.printf("%n%s, SGD lr 0.1, %d iterations, float64 — run %d/%d%n", w.name(), w.iterations(), r, repeat);
                Result py = peer.isEmpty() ? null : runPeer(peer, dir, w, false);
                Result java = train(data, w);
                Result py1 = peer.isEmpty() ? null : runPeer(peer, dir, w, true);
                print("java", java);
                String line;
                if (py != null) {
                    print("numpy", py);
                    print("numpy, OPENBLAS_NUM_THREADS=1", py1);
                    Result best = py1.samplesPerSecond() > py.samplesPerSecond() ? py1 : py;
                    double ratio = java.samplesPerSecond() / py.samplesPerSecond();
                    double ratioBest = java.samplesPerSecond() / best.samplesPerSecond();
                    System.out.printf(Locale.ROOT, "  ratio java/numpy: %.2f× (as run), %.2f× (against the faster numpy)%n",
                            ratio, ratioBest);
                    System.out.printf(Locale.ROOT, "  test accuracy java %.4f vs numpy %.4f (Δ %+.4f)%n",
                            java.testAccuracy(), py.testAccuracy(), java.testAccuracy() - py.testAccuracy());
                    line = String.format(Locale.ROOT,
                            "%-40s java %7.0f  numpy %7.0f (1 thread %7.0f)  ratio %5.2f× (vs faster %5.2f×)  acc %.4f / %.4f",
                            w.name(), java.samplesPerSecond(), py.samplesPerSecond(), py1.samplesPerSecond(), ratio,
                            ratioBest, java.testAccuracy(), py.testAccuracy());
                } else {
                    line = String.format(Locale.ROOT, "%-40s java %8.0f samples/s  acc %.4f", w.name(),
                            java.samplesPerSecond(), java.testAccuracy());
                }
                summary.add(line);
            }
        }
        System.out.println();
        products();
        System.out.println();
        System.out.println("summary (training samples/s; ratio = java / numpy; test accuracy java / numpy):");
        summary.forEach(s -> System.out.println("  " + s));
    }

    private static void print(String who, Result r) {
        System.out.printf(Locale.ROOT, "  %-30s %9.0f samples/s  (%.2f s)  test accuracy %.4f%n", who,
                r.samplesPerSecond(), r.seconds(), r.testAccuracy());
    }

    /** Trains with the library's Mlp + Trainer: He init, ReLU, softmax-CE, SGD, batches drawn with replacement. */
    static Result train(Split data, Workload w) {
        Sequential net = Mlp.of(w.sizes()).seed(0).build();
        Trainer trainer = new Trainer(new Sgd(0.1)).batchSize(w.batch()).iterations(w.iterations())
                .sampling(Sampling.WITH_REPLACEMENT).seed(0)
                .evaluationSamples(1); // the peer does not evaluate while training; neither do we (1 sample)
        long t0 = System.nanoTime();
        trainer.fit(net, data.train());
        double seconds = (System.nanoTime() - t0) / 1e9;
        double acc = net.accuracy(data.test());
        return new Result((double) w.iterations() * w.batch() / seconds, acc, seconds);
    }

    private static final Pattern PEER_OUT = Pattern.compile("seconds=(\\S+) samples_per_s=(\\S+) test_acc=(\\S+)");

    /**
     * Runs the peer; with {@code singleThreaded} under OPENBLAS_NUM_THREADS=1 as well, because on a busy
     * machine OpenBLAS's spinning threads can slow NumPy down by an order of magnitude.
     */
    static Result runPeer(List<String> cmd, Path dir, Workload w, boolean singleThreaded)
            throws IOException, InterruptedException {
        List<String> full = new ArrayList<>(cmd);
        full.addAll(List.of(dir.toString(), w.sizesArg(), Integer.toString(w.batch()), Integer.toString(w.iterations()),
                "float64"));
        ProcessBuilder pb = new ProcessBuilder(full).redirectErrorStream(true);
        if (singleThreaded) {
            pb.environment().put("OPENBLAS_NUM_THREADS", "1");
        }
        Process p = pb.start();
        StringBuilder out = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                out.append(line).append('\n');
            }
        }
        int code = p.waitFor();
        Matcher m = PEER_OUT.matcher(out);
        if (code != 0 || !m.find()) {
            throw new IllegalStateException("peer " + String.join(" ", full) + " failed (exit " + code + "):\n" + out);
        }
        return new Result(Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3)), Double.parseDouble(m.group(1)));
    }

    /** GFLOP/s of X·W, Xᵀ·D and D·Wᵀ at the first layers' shapes, plain (EJML) vs best, and the measured peak. */
    static void products() {
        MatMul best = MatMul.best();
        int threads = MatMul.defaultThreads();
        System.out.printf("matrix products, GFLOP/s (2·m·n·k per product / time), %s with %d thread(s) vs PLAIN (EJML):%n",
                best, threads);
        int[][] shapes = {{100, 784, 50}, {128, 784, 100}, {128, 100, 100}};
        for (int[] s : shapes) {
            int m = s[0], k = s[1], n = s[2];
            DMatrixRMaj x = random(m, k, 1), w = random(k, n, 2), d = random(m, n, 3);
            DMatrixRMaj y = new DMatrixRMaj(m, n), dw = new DMatrixRMaj(k, n), dx = new DMatrixRMaj(m, k);
            double flops = 2.0 * m * n * k;
            System.out.printf(Locale.ROOT, "  batch %d, %d→%d:  X·W %s   Xᵀ·D %s   D·Wᵀ %s%n", m, k, n,
                    rate(flops, () -> best.mult(x, w, y), () -> MatMul.PLAIN.mult(x, w, y)),
                    rate(flops, () -> best.multTransA(x, d, dw), () -> MatMul.PLAIN.multTransA(x, d, dw)),
                    rate(flops, () -> best.multTransB(d, w, dx), () -> MatMul.PLAIN.multTransB(d, w, dx)));
        }
        int q = 512;
        DMatrixRMaj a = random(q, q, 4), b = random(q, q, 5), c = new DMatrixRMaj(q, q);
        double flops = 2.0 * q * q * q;
        double one = gflops(flops, () -> best.mult(a, b, c, 1));
        double all = gflops(flops, () -> best.mult(a, b, c, threads));
        System.out.printf(Locale.ROOT, "  peak (%s, %d×%d·%d×%d): %.1f GFLOP/s on 1 thread, %.1f GFLOP/s on %d threads%n",
                best, q, q, q, q, one, all, threads);
    }

    private static String rate(double flops, Runnable fast, Runnable plain) {
        return String.format(Locale.ROOT, "%5.1f (plain %4.1f)", gflops(flops, fast), gflops(flops, plain));
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
