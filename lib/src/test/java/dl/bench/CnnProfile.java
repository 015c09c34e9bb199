package dl.bench;

import dl.convolution.Convolution;
import dl.convolution.Im2Col;
import dl.data.FashionMnist;
import dl.data.Split;
import dl.fast.MatMul;
import dl.layers.Dense;
import dl.layers.Layer;
import dl.layers.Param;
import dl.losses.LossLayer;
import dl.network.Sequential;
import dl.optimizers.Adam;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;

/**
 * Where the library's SimpleConvNet iteration (benchmark workload (c)) spends its time (issue 28): a timing
 * harness without a profiler. It trains the benchmark's network ({@link JavaWorkloads#simpleConvNet}) the way
 * {@code Trainer} does — gather a batch drawn with replacement, forward through each layer, the softmax
 * cross-entropy, backward through each layer (the first without ∂L/∂x), Adam lr 0.001 — but times every call
 * with {@link System#nanoTime()}, then times the convolution's and the first dense layer's pieces (im2col and the
 * matrix products) on their own, on the same shapes, to split those layers' time, and gives the products' GFLOP/s
 * against the library's own large-product rate on one and on two threads.
 *
 * <pre>
 * java --add-modules jdk.incubator.vector -cp ... dl.bench.CnnProfile DATA_DIR [--iterations N]   (./course bench --cnn-profile)
 * </pre>
 */
public final class CnnProfile {
    private static final int BATCH = 100, WARM_UP = 30;

    private CnnProfile() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.out.println("usage: CnnProfile DATA_DIR [--iterations N]");
            System.exit(2);
        }
        int iterations = 100;
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--iterations") && i + 1 < args.length) {
                iterations = Integer.parseInt(args[++i]);
            } else {
                throw new IllegalArgumentException("unknown argument: " + args[i] + " (usage: CnnProfile DATA_DIR"
                        + " [--iterations N])");
            }
        }
        if (iterations < 1) {
            throw new IllegalArgumentException("--iterations must be at least 1, got " + iterations);
        }
        System.out.printf(Locale.ROOT, "matrix products: %s, %d thread(s) from %,d multiply-adds on; load average %s%n",
                MatMul.best(), MatMul.defaultThreads(), MatMul.parallelMin(), loadAverage());
        Split data = FashionMnist.load(Path.of(args[0]));

        Sequential net = JavaWorkloads.simpleConvNet(0);
        List<Layer> layers = net.layers();
        String[] names = {"conv 1×28×28 → 30×24×24", "ReLU", "max-pool 2×2", "dense 4320 → 100", "ReLU",
            "dense 100 → 10"};
        Phases phases = new Phases();
        train(net, data, WARM_UP, new Phases(), names, 1); // JIT warm-up, untimed
        long t0 = System.nanoTime();
        train(net, data, iterations, phases, names, 2);
        double wall = (System.nanoTime() - t0) / 1e6 / iterations;
        System.out.printf(Locale.ROOT, "%nSimpleConvNet, batch %d, Adam lr 0.001: %d iterations after %d of warm-up;"
                + " %.1f ms per iteration (wall), load average %s%n", BATCH, iterations, WARM_UP, wall, loadAverage());
        phases.print(iterations, wall);

        System.out.printf(Locale.ROOT, "%nthe pieces on their own, same shapes (median of 25 after 1 s of warm-up),"
                + " load average %s:%n", loadAverage());
        double[] piece = pieces(net);
        double convForward = phases.ms("forward  " + names[0], iterations);
        double convBackward = phases.ms("backward " + names[0], iterations);
        double denseForward = phases.ms("forward  " + names[3], iterations);
        double denseBackward = phases.ms("backward " + names[3], iterations);
        System.out.printf(Locale.ROOT, "%nsplit of the layers' in-training times (above) by the pieces' times (estimates):%n"
                + "  conv forward  %.2f ms = im2col %.2f + col·W_col %.2f + the rest %.2f (bias, rows → feature-map layout)%n"
                + "  conv backward %.2f ms = colᵀ·dY %.2f + the rest %.2f (dY → row layout, bias gradient)%n"
                + "  dense 4320 → 100 forward %.2f ms = X·W %.2f + the rest %.2f; backward %.2f ms = Xᵀ·D + D·Wᵀ %.2f"
                + " + the rest %.2f%n", convForward, piece[0], piece[1], convForward - piece[0] - piece[1], convBackward,
                piece[2], convBackward - piece[2], denseForward, piece[3], denseForward - piece[3], denseBackward,
                piece[4] + piece[5], denseBackward - piece[4] - piece[5]);
        System.out.println("load average at the end: " + loadAverage());
    }

    /** Named phases' accumulated nanoseconds, in first-seen order. */
    private static final class Phases {
        final List<String> names = new ArrayList<>();
        final List<long[]> nanos = new ArrayList<>();

        void add(String name, long ns) {
            int i = names.indexOf(name);
            if (i < 0) {
                names.add(name);
                nanos.add(new long[] {ns});
            } else {
                nanos.get(i)[0] += ns;
            }
        }

        double ms(String name, int iterations) {
            return nanos.get(names.indexOf(name))[0] / 1e6 / iterations;
        }

        void print(int iterations, double wall) {
            double sum = 0;
            for (long[] n : nanos) {
                sum += n[0] / 1e6 / iterations;
            }
            System.out.println("  phase                                       ms/iter   share");
            for (int i = 0; i < names.size(); i++) {
                double ms = nanos.get(i)[0] / 1e6 / iterations;
                System.out.printf(Locale.ROOT, "  %-42s %8.2f  %5.1f %%%n", names.get(i), ms, 100 * ms / sum);
            }
            System.out.printf(Locale.ROOT, "  %-42s %8.2f  (wall %.2f: the rest is the timing itself and the loop)%n",
                    "sum of the phases", sum, wall);
        }
    }

    /** Trainer's loop, each call timed: gather, layer forwards, loss, layer backwards, Adam per parameter. */
    private static void train(Sequential net, Split data, int iterations, Phases phases, String[] names, long seed) {
        List<Layer> layers = net.layers();
        LossLayer loss = net.lossLayer();
        List<Param> params = net.params();
        Adam adam = new Adam(JavaWorkloads.CNN_LR);
        Random pick = new Random(seed);
        int d = data.train().numFeatures(), n = data.train().size();
        double[] src = data.train().features().data;
        DMatrixRMaj xb = new DMatrixRMaj(BATCH, d);
        int[] labels = new int[BATCH];
        for (int it = 0; it < iterations; it++) {
            long t = System.nanoTime();
            for (int r = 0; r < BATCH; r++) {
                int i = pick.nextInt(n);
                System.arraycopy(src, i * d, xb.data, r * d, d);
                labels[r] = data.train().labels()[i];
            }
            t = lap(phases, "gather the batch", t);
            DMatrixRMaj h = xb;
            for (int l = 0; l < layers.size(); l++) {
                h = layers.get(l).forward(h, true);
                t = lap(phases, "forward  " + names[l], t);
            }
            loss.forward(h, labels);
            t = lap(phases, "forward  softmax cross-entropy", t);
            DMatrixRMaj g = loss.backward();
            t = lap(phases, "backward softmax cross-entropy", t);
            for (int l = layers.size() - 1; l >= 0; l--) {
                layers.get(l).setInputGradientNeeded(l > 0);
                g = layers.get(l).backward(g);
                t = lap(phases, "backward " + names[l], t);
            }
            for (Param p : params) {
                adam.update(p.value().data, p.grad().data);
                t = lap(phases, "Adam " + p.name() + " (" + p.value().getNumElements() + " values)", t);
            }
        }
    }

    private static long lap(Phases phases, String name, long since) {
        long now = System.nanoTime();
        phases.add(name, now - since);
        return now;
    }

    /**
     * im2col and the products of the convolution and of dense 4320 → 100, alone, at the training shapes; returns the
     * milliseconds of im2col, conv forward, conv backward, dense X·W, Xᵀ·D and D·Wᵀ (as training runs them).
     */
    private static double[] pieces(Sequential net) {
        Convolution conv = (Convolution) net.layers().get(0);
        Dense dense = (Dense) net.layers().get(3);
        MatMul best = MatMul.best();
        int threads = MatMul.defaultThreads();
        Random r = new Random(7);
        DMatrixRMaj x = random(BATCH, 784, r);
        int rows = BATCH * 24 * 24, k = 25, f = JavaWorkloads.FILTERS;
        DMatrixRMaj col = new DMatrixRMaj(rows, k), out = new DMatrixRMaj(rows, f), dOut = random(rows, f, r);
        DMatrixRMaj dW = new DMatrixRMaj(k, f);
        Im2Col.im2col(x.data, BATCH, 1, 28, 28, 5, 5, 1, 0, col.data);
        DMatrixRMaj p = random(BATCH, 4320, r), d = random(BATCH, 100, r);
        DMatrixRMaj y = new DMatrixRMaj(BATCH, 100), dW1 = new DMatrixRMaj(4320, 100), dx = new DMatrixRMaj(BATCH, 4320);
        DMatrixRMaj w = dense.weights(), wCol = conv.weights();

        int q = 1024;
        DMatrixRMaj a = random(q, q, r), b = random(q, q, r), c = new DMatrixRMaj(q, q);
        double big = 2.0 * q * q * q;
        double one = big / median(() -> best.mult(a, b, c, 1)) / 1e9;
        double two = big / median(() -> best.mult(a, b, c, threads)) / 1e9;
        System.out.printf(Locale.ROOT, "  large product %d×%d·%d×%d with this library's kernel: %.1f GFLOP/s on 1 thread,"
                + " %.1f on %d%n", q, q, q, q, one, two, threads);
        System.out.println("  piece                                              ms    GFLOP/s  % of 1-thread  % of "
                + threads + "-thread peak");
        double im2col = median(() -> Im2Col.im2col(x.data, BATCH, 1, 28, 28, 5, 5, 1, 0, col.data));
        System.out.printf(Locale.ROOT, "  %-46s %7.2f   (%.0f MB written)%n", "im2col, 100 images → 57600×25", im2col * 1e3,
                rows * k * 8 / 1e6);
        double[] ms = {im2col * 1e3,
            product("conv forward  col·W_col   57600×25 · 25×30", rows, k, f, one, two, () -> best.mult(col, wCol, out)),
            product("conv backward colᵀ·dY     25×57600 · 57600×30", k, rows, f, one, two,
                    () -> best.multTransA(col, dOut, dW)),
            product("dense forward X·W         100×4320 · 4320×100", BATCH, 4320, 100, one, two, () -> best.mult(p, w, y)),
            product("dense backward Xᵀ·D       4320×100 · 100×100", 4320, BATCH, 100, one, two,
                    () -> best.multTransA(p, d, dW1)),
            product("dense backward D·Wᵀ       100×100 · 100×4320", BATCH, 100, 4320, one, two,
                    () -> best.multTransB(d, w, dx))};
        System.out.println("  (conv's and dense's products of ≥ " + MatMul.parallelMin() + " multiply-adds run on "
                + threads + " threads, as in training; the same on 1 thread:)");
        product("conv forward, 1 thread", rows, k, f, one, two, () -> best.mult(col, wCol, out, 1));
        product("conv backward, 1 thread", k, rows, f, one, two, () -> best.multTransA(col, dOut, dW, 1));
        product("dense forward, 1 thread", BATCH, 4320, 100, one, two, () -> best.mult(p, w, y, 1));
        product("dense backward Xᵀ·D, 1 thread", 4320, BATCH, 100, one, two, () -> best.multTransA(p, d, dW1, 1));
        product("dense backward D·Wᵀ, 1 thread", BATCH, 100, 4320, one, two, () -> best.multTransB(d, w, dx, 1));
        return ms;
    }

    /** Prints the product's time, GFLOP/s and share of the two peaks; returns its milliseconds. */
    private static double product(String name, int m, int k, int n, double one, double two, Runnable op) {
        double s = median(op);
        double g = 2.0 * m * k * n / s / 1e9;
        System.out.printf(Locale.ROOT, "  %-46s %7.2f   %6.1f    %5.0f %%        %5.0f %%%n", name, s * 1e3, g,
                100 * g / one, 100 * g / two);
        return s * 1e3;
    }

    /** Seconds of one run: the median of 25 timed runs after 1 s of warm-up (JIT compilation). */
    private static double median(Runnable op) {
        for (long start = System.nanoTime(); System.nanoTime() - start < 1_000_000_000L; ) {
            op.run();
        }
        long[] t = new long[25];
        for (int i = 0; i < t.length; i++) {
            long t0 = System.nanoTime();
            op.run();
            t[i] = System.nanoTime() - t0;
        }
        Arrays.sort(t);
        return t[t.length / 2] / 1e9;
    }

    private static DMatrixRMaj random(int rows, int cols, Random r) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < m.data.length; i++) {
            m.data[i] = r.nextGaussian();
        }
        return m;
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "unknown";
        }
    }
}
