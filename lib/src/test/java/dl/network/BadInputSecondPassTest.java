package dl.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dl.data.Dataset;
import dl.init.Init;
import dl.layers.Dense;
import dl.optimizers.Sgd;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** Issue 29: empty networks, huge batch sizes, class indices and hyper-parameter ranges. */
class BadInputSecondPassTest {
    private static void assertMentions(Throwable e, String... parts) {
        for (String p : parts) {
            assertTrue(e.getMessage() != null && e.getMessage().contains(p), "expected '" + p + "' in: " + e.getMessage());
        }
    }

    private static Dataset data(int n) {
        Random r = new Random(1);
        DMatrixRMaj x = new DMatrixRMaj(n, 2);
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            x.set(i, 0, r.nextGaussian());
            x.set(i, 1, r.nextGaussian());
            y[i] = x.get(i, 0) > 0 ? 1 : 0;
        }
        return new Dataset(x, y);
    }

    @Test
    void aNetworkWithoutLayersRefusesToTrain() {
        assertMentions(assertThrows(IllegalArgumentException.class,
                () -> new Trainer(new Sgd(0.1)).epochs(1).fit(new Sequential(), data(10))),
                "no layers", "training would change nothing", "add at least one layer");
        assertMentions(assertThrows(IllegalStateException.class,
                () -> new Sequential().gradients(new DMatrixRMaj(2, 2), new int[] {0, 1})),
                "no layers", "no gradients", "add at least one layer");
    }

    @Test
    void aNetworkWithoutLayersRefusesToPredictInsteadOfReturningItsInput() {
        DMatrixRMaj x = new DMatrixRMaj(3, 2);
        assertMentions(assertThrows(IllegalStateException.class, () -> new Sequential().forward(x, false)),
                "no layers", "its input x (3×2) unchanged", "add at least one layer");
        assertMentions(assertThrows(IllegalStateException.class, () -> new Sequential().predictClasses(x)), "no layers");
        assertMentions(assertThrows(IllegalStateException.class,
                () -> new Sequential().loss(new Dataset(x, new int[] {0, 1, 0}))), "no layers");
    }

    @Test
    void theLargestBatchSizeIsOneBatchNotADivisionByZero() {
        Sequential net = new Sequential().add(new Dense(2, 2, Init.he(), 1));
        History h = new Trainer(new Sgd(0.1)).batchSize(Integer.MAX_VALUE).epochs(2).fit(net, data(10));
        assertEquals(2, h.last().iteration(), "one full batch per epoch");
        assertEquals(1, MiniBatches.perEpoch(10, Integer.MAX_VALUE, Sampling.SHUFFLED_EPOCHS));
        assertEquals(4, MiniBatches.perEpoch(10, 3, Sampling.SHUFFLED_EPOCHS));
        assertEquals(Integer.MAX_VALUE, MiniBatches.perEpoch(Integer.MAX_VALUE, 1, Sampling.SHUFFLED_EPOCHS));
    }

    @Test
    void aHugeBatchDrawnWithReplacementSaysHowMuchMemoryItNeeds() {
        Sequential net = new Sequential().add(new Dense(2, 2, Init.he(), 1));
        Trainer t = new Trainer(new Sgd(0.1)).batchSize(Integer.MAX_VALUE).sampling(Sampling.WITH_REPLACEMENT).epochs(1);
        assertMentions(assertThrows(IllegalArgumentException.class, () -> t.fit(net, data(10))),
                "a mini-batch of 2147483647 samples × 2 features", "GB of memory", "use smaller sizes");
    }

    @Test
    void aNetworkStillReportsDivergenceInsteadOfRefusingItsOwnNaN() {
        // Sequential turns the layers' input checks off: a NaN made inside is divergence, for the trainer to report
        Sequential net = new Sequential().add(new Dense(2, 4, Init.he(), 1)).add(new Dense(4, 2, Init.he(), 2));
        History h = new Trainer(new Sgd(1e300)).batchSize(5).epochs(3).fit(net, data(10));
        assertTrue(h.diverged(), "diverged");
        assertMentions(new RuntimeException(h.divergence().get().message()), "try a smaller learning rate");
    }

    @Test
    void confusionMatrixNamesAClassOutOfRange() {
        ConfusionMatrix m = ConfusionMatrix.of(new int[] {0, 1, 2}, new int[] {0, 2, 2}, 3);
        assertMentions(assertThrows(IllegalArgumentException.class, () -> m.count(3, 0)),
                "trueClass is 3", "expected 0 … 2", "3 classes");
        assertMentions(assertThrows(IllegalArgumentException.class, () -> m.count(0, -1)), "predictedClass is -1");
        assertMentions(assertThrows(IllegalArgumentException.class, () -> m.total(5)), "trueClass is 5");
        assertMentions(assertThrows(IllegalArgumentException.class, () -> m.classAccuracy(-1)), "trueClass is -1");
        assertMentions(assertThrows(IllegalArgumentException.class,
                () -> ConfusionMatrix.of(new int[] {0, 3}, new int[] {0, 1}, 3)), "sample 1", "label 3", "outside the classes 0 … 2", "or classes ≥ 4");
        assertEquals(1, m.count(1, 2));
    }

    @Test
    void logUniformRefusesExponentsWhose10PowerIsInfinityOrZero() {
        assertMentions(assertThrows(IllegalArgumentException.class, () -> new RandomSearch(1).logUniform("lr", -2, 400)),
                "\"lr\"", "10^400.0 overflows to ∞", "[−307, 308]");
        assertMentions(assertThrows(IllegalArgumentException.class, () -> new RandomSearch(1).logUniform("decay", -400, -2)),
                "\"decay\"", "10^-400.0 underflows to 0.0", "[−307, 308]");
        new RandomSearch(1).logUniform("lr", -307, 308).next();
    }

    @Test
    void aBadLabelIsReportedAsTheTrainingOrTheTestSets() {
        Sequential net = new Sequential().add(new Dense(2, 2, Init.he(), 1));
        Dataset good = data(10);
        int[] bad = good.labels().clone();
        bad[7] = 5;
        Dataset badTest = new Dataset(good.features(), bad);
        assertMentions(assertThrows(IllegalArgumentException.class,
                () -> new Trainer(new Sgd(0.1)).epochs(1).fit(net, good, badTest)),
                "test set", "label 7 is 5", "only 2 classes");
        assertMentions(assertThrows(IllegalArgumentException.class,
                () -> new Trainer(new Sgd(0.1)).epochs(1).fit(net, badTest)), "training set", "label 7 is 5");
    }
}
