package dl.bench;

import dl.fast.MatMul;
import dl.init.Init;
import dl.layers.Dense;
import dl.layers.Param;
import dl.losses.MeanSquaredError;
import dl.optimizers.Adam;
import dl.recurrent.GradientClipping;
import dl.recurrent.Lstm;
import dl.recurrent.LstmCell;
import dl.recurrent.SequenceOutput;
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
 * Where the library's LSTM iteration (benchmark workload (d)) spends its time (issue 28): a timing harness without a
 * profiler, as {@link CnnProfile} is for the CNN. It runs {@link JavaWorkloads#lstm}'s loop — gather a batch, the
 * {@link Lstm} forward (30 steps), the dense head and the MSE, back through both, the gradients clipped to norm 1,
 * Adam — timing every call with {@link System#nanoTime()}; then it times one step's six matrix products alone at the
 * training shapes (batch 64, D = 1, H = 64) and the cell's step forward and backward, to split the layer's time into
 * products and the rest (the gate math, copies, checks).
 *
 * <pre>
 * java --add-modules jdk.incubator.vector -cp ... dl.bench.LstmProfile [--iterations N]   (./course bench --lstm-profile)
 * </pre>
 */
public final class LstmProfile {
    private static final int BATCH = 64, WARM_UP = 100;

    private LstmProfile() {
    }

    public static void main(String[] args) {
        int iterations = 300;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--iterations") && i + 1 < args.length) {
                iterations = Integer.parseInt(args[++i]);
            } else if (!(i == 0 && Files.isDirectory(Path.of(args[i])))) { // bench.sh passes the data folder first
                throw new IllegalArgumentException("unknown argument: " + args[i] + " (usage: LstmProfile"
                        + " [--iterations N])");
            }
        }
        if (iterations < 1) {
            throw new IllegalArgumentException("--iterations must be at least 1, got " + iterations);
        }
        System.out.printf(Locale.ROOT, "matrix products: %s, %d thread(s) from %,d multiply-adds on; load average %s%n",
                MatMul.best(), MatMul.defaultThreads(), MatMul.parallelMin(), loadAverage());
        train(WARM_UP, new Phases(), 1); // JIT warm-up, untimed
        Phases phases = new Phases();
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long c0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        train(iterations, phases, 0);
        double wall = (System.nanoTime() - t0) / 1e6 / iterations;
        double cpu = (threads.getCurrentThreadCpuTime() - c0) / 1e6 / iterations;
        System.out.printf(Locale.ROOT, "%nLSTM 1→64, %d steps → dense 1, batch %d: %d iterations after %d of warm-up;"
                + " %.2f ms per iteration (wall), %.2f ms of this thread's CPU time (less moved by the machine's load),"
                + " load average %s%n", JavaWorkloads.LSTM_STEPS, BATCH, iterations, WARM_UP, wall, cpu, loadAverage());
        phases.print(iterations, wall);

        System.out.printf(Locale.ROOT, "%none time step's pieces on their own (median of 25 runs of 100 after 1 s of"
                + " warm-up, thread CPU time), load average %s:%n", loadAverage());
        pieces();
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

        void print(int iterations, double wall) {
            double sum = 0;
            for (long[] n : nanos) {
                sum += n[0] / 1e6 / iterations;
            }
            System.out.println("  phase                                       ms/iter   share");
            for (int i = 0; i < names.size(); i++) {
                double ms = nanos.get(i)[0] / 1e6 / iterations;
                System.out.printf(Locale.ROOT, "  %-42s %8.3f  %5.1f %%%n", names.get(i), ms, 100 * ms / sum);
            }
            System.out.printf(Locale.ROOT, "  %-42s %8.3f  (wall %.3f: the rest is the timing itself and the loop)%n",
                    "sum of the phases", sum, wall);
        }
    }

    /** {@link JavaWorkloads#lstm}'s loop (without the test evaluation), each call timed. */
    private static void train(int iterations, Phases phases, long seed) {
        int steps = JavaWorkloads.LSTM_STEPS;
        DMatrixRMaj[] train = JavaWorkloads.signTask(JavaWorkloads.LSTM_TRAIN, new Random(seed));
        Lstm rec = new Lstm(1, JavaWorkloads.LSTM_HIDDEN, Init.xavier(), seed + 1, SequenceOutput.LAST_STATE);
        Dense head = new Dense(JavaWorkloads.LSTM_HIDDEN, 1, Init.xavier(), seed + 2);
        MeanSquaredError mse = new MeanSquaredError();
        Adam adam = new Adam(JavaWorkloads.LSTM_LR);
        Random pick = new Random(seed + 3);
        List<Param> params = new ArrayList<>(rec.params());
        params.addAll(head.params());
        int n = train[0].numRows;
        DMatrixRMaj xb = new DMatrixRMaj(BATCH, steps), yb = new DMatrixRMaj(BATCH, 1);
        for (int it = 0; it < iterations; it++) {
            long t = System.nanoTime();
            for (int r = 0; r < BATCH; r++) {
                int i = pick.nextInt(n);
                System.arraycopy(train[0].data, i * steps, xb.data, r * steps, steps);
                yb.data[r] = train[1].data[i];
            }
            t = lap(phases, "gather the batch", t);
            DMatrixRMaj h = rec.forward(xb, true);
            t = lap(phases, "LSTM forward (30 steps)", t);
            DMatrixRMaj out = head.forward(h, true);
            mse.value(out, yb);
            DMatrixRMaj g = head.backward(mse.gradient(out, yb));
            t = lap(phases, "dense 64 → 1 and MSE, forward and backward", t);
            rec.backward(g);
            t = lap(phases, "LSTM backward (30 steps)", t);
            GradientClipping.clipByGlobalNorm(params, JavaWorkloads.LSTM_CLIP);
            t = lap(phases, "clip by global norm", t);
            adam.update(params);
            lap(phases, "Adam (" + params.size() + " parameters)", t);
        }
    }

    private static long lap(Phases phases, String name, long since) {
        long now = System.nanoTime();
        phases.add(name, now - since);
        return now;
    }

    /** One step's six products and the cell's step forward and backward at the training shapes, alone. */
    private static void pieces() {
        MatMul best = MatMul.best();
        int hs = JavaWorkloads.LSTM_HIDDEN, h4 = 4 * hs, steps = JavaWorkloads.LSTM_STEPS;
        Random r = new Random(7);
        DMatrixRMaj x = random(BATCH, 1, r), h = random(BATCH, hs, r), c = random(BATCH, hs, r);
        DMatrixRMaj wx = random(1, h4, r), wh = random(hs, h4, r), dA = random(BATCH, h4, r);
        DMatrixRMaj a = new DMatrixRMaj(BATCH, h4), dWx = new DMatrixRMaj(1, h4), dWh = new DMatrixRMaj(hs, h4);
        DMatrixRMaj dx = new DMatrixRMaj(BATCH, 1), dh = new DMatrixRMaj(BATCH, hs);
        System.out.println("  piece (one step; × " + steps + " per iteration)          µs/step  ms/iteration  GFLOP/s");
        double sum = 0;
        sum += piece("forward  x·Wx      64×1 · 1×256", BATCH, 1, h4, steps, () -> best.mult(x, wx, a));
        sum += piece("forward  h·Wh      64×64 · 64×256", BATCH, hs, h4, steps, () -> best.mult(h, wh, a));
        sum += piece("backward xᵀ·dA     1×64 · 64×256", 1, BATCH, h4, steps, () -> best.multTransA(x, dA, dWx));
        sum += piece("backward hᵀ·dA     64×64 · 64×256", hs, BATCH, h4, steps, () -> best.multTransA(h, dA, dWh));
        sum += piece("backward dA·Wxᵀ    64×256 · 256×1", BATCH, h4, 1, steps, () -> best.multTransB(dA, wx, dx));
        sum += piece("backward dA·Whᵀ    64×256 · 256×64", BATCH, h4, hs, steps, () -> best.multTransB(dA, wh, dh));
        System.out.printf(Locale.ROOT, "  %-46s %17.3f%n", "the six products", sum);
        DMatrixRMaj whT = new DMatrixRMaj(h4, hs);
        org.ejml.dense.row.CommonOps_DDRM.transpose(wh, whT);
        piece("(dA·Whᵀ as dA·(Whᵀ stored), 64×256 · 256×64)", BATCH, h4, hs, steps, () -> best.mult(dA, whT, dh));
        LstmCell cell = new LstmCell(1, hs, Init.xavier(), 1);
        LstmCell.Step s = new LstmCell.Step();
        DMatrixRMaj dc = random(BATCH, hs, r);
        double f = piece("LstmCell step forward (checked)", 0, 0, 0, steps, () -> cell.forward(x, h, c, s));
        double b = piece("LstmCell step backward", 0, 0, 0, steps, () -> cell.backward(dh, dc, s));
        System.out.printf(Locale.ROOT, "  cell step forward + backward %.3f ms per iteration, of which the products %.3f"
                + " and the rest (gate math, copies, checks) %.3f%n", f + b, sum, f + b - sum);
    }

    /** Prints µs per call, ms per iteration (× steps) and, when m·k·n &gt; 0, GFLOP/s; returns the ms per iteration. */
    private static double piece(String name, int m, int k, int n, int steps, Runnable op) {
        double s = median(op);
        double perIteration = s * steps * 1e3;
        String rate = m * k * n > 0 ? String.format(Locale.ROOT, "%8.1f", 2.0 * m * k * n / s / 1e9) : "";
        System.out.printf(Locale.ROOT, "  %-46s %7.2f  %9.3f  %s%n", name, s * 1e6, perIteration, rate);
        return perIteration;
    }

    /**
     * Seconds of one run: the median of 25 timings of 100 runs after 1 s of warm-up (JIT compilation), in this
     * thread's CPU time (on a loaded machine the wall time also counts the time slices given to other programs).
     */
    private static double median(Runnable op) {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        for (long start = System.nanoTime(); System.nanoTime() - start < 1_000_000_000L; ) {
            op.run();
        }
        long[] t = new long[25];
        for (int i = 0; i < t.length; i++) {
            long t0 = threads.getCurrentThreadCpuTime();
            for (int j = 0; j < 100; j++) {
                op.run();
            }
            t[i] = threads.getCurrentThreadCpuTime() - t0;
        }
        Arrays.sort(t);
        return t[t.length / 2] / 1e9 / 100;
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
