package dl.minibatch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dl.optimizers.Adam;
import dl.optimizers.Sgd;
import dl.descent.DivergenceException;
import dl.descent.GradientDescent;
import dl.descent.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MiniBatchDescentTest {
    private static final LeastSquares PROBLEM = LeastSquares.synthetic(100, new double[] {2, -3}, 0.5, 42);
    private static final double[] START = {0, 0};

    /** Records the batches the loop asks for. */
    static final class Recorder implements BatchObjective {
        final List<int[]> batches = new ArrayList<>();

        @Override
        public int size() {
            return PROBLEM.size();
        }

        @Override
        public int dimension() {
            return PROBLEM.dimension();
        }

        @Override
        public double loss(double[] w, int[] batch) {
            return PROBLEM.loss(w, batch);
        }

        @Override
        public double[] gradient(double[] w, int[] batch) {
            batches.add(batch.clone());
            return PROBLEM.gradient(w, batch);
        }
    }

    @Test
    void fullBatchIsPlainGradientDescent() {
        TrainingRun run = MiniBatchDescent.run(PROBLEM, new Sgd(0.1), START, 100, 25, 1);
        assertEquals(1, run.batchesPerEpoch());
        assertEquals(25, run.updates());
        Path gd = GradientDescent.run(new Sgd(0.1), PROBLEM, START, 25);
        for (int k = 0; k <= 25; k++) {
            assertArrayEquals(gd.point(k), run.weights(k), 1e-12, "update " + k);
        }
        // each epoch is one update, so the epoch losses are the trajectory's values
        assertArrayEquals(gd.values(), run.epochLosses(), 1e-12);
        assertArrayEquals(gd.xs(), run.weightPath(0), 1e-12);
    }

    @Test
    void sgdVisitsEverySampleOncePerEpoch() {
        Recorder r = new Recorder();
        TrainingRun run = MiniBatchDescent.run(r, new Sgd(0.01), START, 1, 3, 7);
        assertEquals(100, run.batchesPerEpoch());
        assertEquals(300, run.updates());
        assertEquals(300, r.batches.size());
        for (int epoch = 0; epoch < 3; epoch++) {
            int[] count = new int[100];
            for (int k = epoch * 100; k < (epoch + 1) * 100; k++) {
                assertEquals(1, r.batches.get(k).length);
                count[r.batches.get(k)[0]]++;
            }
            for (int c : count) {
                assertEquals(1, c);
            }
        }
    }

    @Test
    void recordsTheBatchLossBeforeEachUpdate() {
        Recorder r = new Recorder();
        TrainingRun run = MiniBatchDescent.run(r, new Adam(0.1), START, 32, 5, 3);
        assertEquals(4, run.batchesPerEpoch()); // ⌈100/32⌉
        assertEquals(20, run.updates());
        assertEquals(List.of(32, 32, 32, 4), r.batches.subList(0, 4).stream().map(b -> b.length).toList());
        double[] losses = run.updateLosses();
        for (int k = 0; k < run.updates(); k++) {
            assertEquals(PROBLEM.loss(run.weights(k), r.batches.get(k)), losses[k], 1e-15, "update " + k);
        }
        double[] epochs = run.epochLosses();
        assertEquals(6, epochs.length);
        assertEquals(PROBLEM.value(START), epochs[0], 1e-15);
        assertEquals(PROBLEM.value(run.finalWeights()), epochs[5], 1e-15);
        assertEquals(20, run.updateNanos().length);
        for (long t : run.updateNanos()) {
            assertTrue(t >= 0);
        }
    }

    @Test
    void allThreeFlavoursReachTheLeastSquaresMinimum() {
        double best = PROBLEM.value(PROBLEM.minima().get(0));
        for (int b : new int[] {100, 10, 1}) {
            TrainingRun run = MiniBatchDescent.run(PROBLEM, new Sgd(0.05), START, b, 100, 5);
            double[] e = run.epochLosses();
            assertTrue(e[e.length - 1] < best * 1.05, "B=" + b + " ended at " + e[e.length - 1] + ", best " + best);
            assertArrayEquals(PROBLEM.minima().get(0), run.finalWeights(), 0.2);
        }
    }

    @Test
    void sameSeedSameRun() {
        TrainingRun a = MiniBatchDescent.run(PROBLEM, new Sgd(0.05), START, 16, 4, 9);
        TrainingRun b = MiniBatchDescent.run(PROBLEM, new Sgd(0.05), START, 16, 4, 9);
        TrainingRun c = MiniBatchDescent.run(PROBLEM, new Sgd(0.05), START, 16, 4, 10);
        assertArrayEquals(a.updateLosses(), b.updateLosses(), 0);
        assertArrayEquals(a.finalWeights(), b.finalWeights(), 0);
        assertTrue(a.updateLosses()[0] != c.updateLosses()[0]);
    }

    @Test
    void divergenceNamesTheUpdate() {
        DivergenceException e = assertThrows(DivergenceException.class,
                () -> MiniBatchDescent.run(PROBLEM, new Sgd(50), START, 10, 100, 1));
        assertTrue(e.getMessage().startsWith("diverged at step " + e.step() + ": "), e.getMessage());
        assertFalse(Double.isFinite(e.value()), e.getMessage());
        assertTrue(e.getMessage().contains("(epoch "), e.getMessage());
        assertTrue(e.getMessage().contains("SGD(lr=50.0)"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> MiniBatchDescent.run(PROBLEM, new Sgd(0.1), new double[3], 10, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> MiniBatchDescent.run(PROBLEM, new Sgd(0.1), START, 101, 1, 1));
    }

    @Test
    void epochSecondsAccumulateTheUpdateTimesEpochByEpoch() {
        TrainingRun run = MiniBatchDescent.run(PROBLEM, new Sgd(0.05), START, 30, 3, 9); // 4 batches per epoch
        long[] nanos = run.updateNanos();
        double[] s = run.epochSeconds();
        assertEquals(4, s.length);
        assertEquals(0, s[0], 0);
        long total = 0;
        for (int k = 0; k < nanos.length; k++) {
            total += nanos[k];
            if ((k + 1) % 4 == 0) {
                assertEquals(total / 1e9, s[(k + 1) / 4], 1e-15);
            }
        }
        assertTrue(s[1] <= s[2] && s[2] <= s[3]);
    }
}
