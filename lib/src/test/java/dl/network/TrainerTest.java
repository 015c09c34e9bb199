package dl.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dl.activations.Activation;
import dl.data.Dataset;
import dl.losses.LossLayer;
import dl.losses.MeanSquaredError;
import dl.optimizers.Sgd;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrainerTest {

    private static History run(long netSeed, long trainerSeed, Sampling sampling) {
        Dataset train = NetworkTest.blobs(200, 1);
        Dataset test = NetworkTest.blobs(100, 2);
        Sequential net = Mlp.of(2, 16, 16, 2).batchNorm(true).dropout(0.2).seed(netSeed).build();
        return new Trainer(new Sgd(0.1)).batchSize(32).epochs(5).sampling(sampling).seed(trainerSeed)
                .fit(net, train, test);
    }

    @Test
    void sameSeedsGiveTheSameHistory() {
        for (Sampling sampling : Sampling.values()) {
            History a = run(1, 1, sampling);
            History b = run(1, 1, sampling);
            assertArrayEquals(a.iterationLoss(), b.iterationLoss());
            assertArrayEquals(a.trainLoss(), b.trainLoss());
            assertArrayEquals(a.testAccuracy(), b.testAccuracy());
            History c = run(1, 2, sampling);
            assertFalse(Arrays.equals(a.iterationLoss(), c.iterationLoss()), "another trainer seed, other batches");
            History d = run(2, 1, sampling);
            assertFalse(Arrays.equals(a.trainLoss(), d.trainLoss()), "another network seed, other weights");
        }
    }

    @Test
    void trainingLearnsTheBlobs() {
        History h = run(1, 1, Sampling.SHUFFLED_EPOCHS);
        assertTrue(h.last().testAccuracy() > 0.85, h.toString());
        assertTrue(h.last().trainLoss() < h.trainLoss()[0], h.toString());
        assertFalse(h.diverged());
    }

    @Test
    void epochAndIterationBookkeeping() {
        Dataset train = NetworkTest.blobs(200, 3);
        // shuffled epochs: ⌈200/64⌉ = 4 iterations per epoch
        History h = new Trainer(new Sgd(0.1)).batchSize(64).epochs(3).fit(Mlp.of(2, 4, 2).build(), train);
        assertArrayEquals(new int[] {0, 1, 2, 3}, h.epochs());
        assertArrayEquals(new int[] {0, 4, 8, 12}, h.iterations());
        assertEquals(12, h.iterationLoss().length);
        assertTrue(Double.isNaN(h.testAccuracy()[0]), "no test set → NaN");
        // sampling with replacement: ⌊200/20⌋ = 10 iterations per "epoch", 25 iterations in all
        h = new Trainer(new Sgd(0.1)).batchSize(20).iterations(25).sampling(Sampling.WITH_REPLACEMENT)
                .fit(Mlp.of(2, 4, 2).build(), train);
        assertArrayEquals(new int[] {0, 10, 20, 25}, h.iterations());
        assertArrayEquals(new int[] {0, 1, 2, 3}, h.epochs());
        assertEquals(25, h.iterationLoss().length);
    }

    @Test
    void historiesOfPartsConcatenateIntoOneRun() {
        Dataset train = NetworkTest.blobs(200, 3);
        Sequential net = Mlp.of(2, 4, 2).seed(1).build();
        Trainer trainer = new Trainer(new Sgd(0.1)).batchSize(20).iterations(25).sampling(Sampling.WITH_REPLACEMENT);
        History first = trainer.seed(1).fit(net, train);
        History second = trainer.seed(2).fit(net, train);
        History all = History.concat(first, second);
        // each part: evaluations at iterations 0, 10, 20, 25 (epochs 0–3); the second part's first one is dropped
        assertArrayEquals(new int[] {0, 10, 20, 25, 35, 45, 50}, all.iterations());
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6}, all.epochs());
        assertEquals(50, all.iterationLoss().length);
        assertArrayEquals(first.iterationLoss(), Arrays.copyOf(all.iterationLoss(), 25));
        assertEquals(second.last().trainLoss(), all.last().trainLoss());
        assertEquals(first.last().trainLoss(), second.trainLoss()[0], "the second part starts where the first stopped");
        assertFalse(all.diverged());
        History diverged = new Trainer(new Sgd(1e6)).batchSize(20).iterations(25).fit(Mlp.of(2, 4, 2).seed(1).build(), train);
        assertTrue(diverged.diverged());
        History stopped = History.concat(first, diverged, second);
        assertTrue(stopped.diverged());
        assertEquals(25 + diverged.iterationLoss().length, stopped.iterationLoss().length, "parts after a divergence are left out");
    }

    @Test
    void progressIsReportedAfterEveryEvaluation() {
        List<Progress> seen = new ArrayList<>();
        new Trainer(new Sgd(0.1)).batchSize(50).epochs(4).evaluationSamples(60).onProgress(seen::add)
                .fit(Mlp.of(2, 4, 2).build(), NetworkTest.blobs(200, 4), NetworkTest.blobs(100, 5));
        assertEquals(5, seen.size());
        assertEquals(1.0, seen.get(4).fractionDone());
        assertEquals(16, seen.get(4).totalIterations());
        assertTrue(seen.get(4).toString().contains("epoch 4/4"), seen.get(4).toString());
    }

    @Test
    void aHugeLearningRateGivesAClearDivergenceReport() {
        Sequential net = Mlp.of(2, 16, 2).activation(Activation.relu()).seed(1).build()
                .withLoss(LossLayer.of(new MeanSquaredError()));
        List<Progress> seen = new ArrayList<>();
        History h = new Trainer(new Sgd(50)).batchSize(20).epochs(100).seed(1).onProgress(seen::add)
                .fit(net, NetworkTest.blobs(200, 6));
        assertTrue(h.diverged(), h.toString());
        dl.descent.Divergence r = h.divergence().orElseThrow();
        assertTrue(!Double.isFinite(r.value()) || r.value() > Trainer.EXPLOSION_FACTOR, r.message());
        assertEquals(r.step(), h.iterationLoss().length, "training stops at the diverging iteration");
        assertTrue(r.message().startsWith("diverged at step " + r.step() + ": mini-batch loss = "), r.message());
        assertTrue(r.message().contains("lr=50"), r.message());
        assertNotNull(seen.get(seen.size() - 1).divergence());
        assertTrue(r.message().contains("(epoch "), r.message());
    }
}
