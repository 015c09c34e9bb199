package dl.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dl.activations.Activation;
import dl.calculus.Grid;
import dl.data.Dataset;
import dl.init.Init;
import dl.layers.BatchNorm;
import dl.layers.Dense;
import dl.layers.Param;
import dl.optimizers.Adam;
import dl.optimizers.Sgd;
import dl.plot.Smoothing;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** Bad input to networks and their training gets a named error or a reported state (issue 15). */
class BadInputTest {

    private static void assertMentions(Throwable e, String... parts) {
        for (String p : parts) {
            assertTrue(e.getMessage() != null && e.getMessage().contains(p), "expected '" + p + "' in: " + e.getMessage());
        }
    }

    private static Sequential net() {
        return Mlp.of(2, 8, 2).activation(Activation.relu()).seed(1).build();
    }

    @Test
    void theSameLayerObjectCannotBeAddedTwice() {
        Dense d = new Dense(2, 2, Init.he(), 1);
        Sequential s = new Sequential().add(d).add(Activation.relu());
        var e = assertThrows(IllegalArgumentException.class, () -> s.add(d));
        assertMentions(e, "Dense(2→2)", "already layer 1", "only once");
        assertEquals(2, s.layers().size(), "the refused layer is not added");
        // an Activation is wrapped in a new layer each time, so reusing one is fine
        s.add(new Dense(2, 2, Init.he(), 2)).add(Activation.relu());
        assertEquals(4, s.layers().size());
    }

    @Test
    void forwardRefusesNonFiniteInputNamingRowAndColumn() {
        DMatrixRMaj x = new DMatrixRMaj(new double[][] {{0, 1}, {2, Double.NaN}});
        assertMentions(assertThrows(IllegalArgumentException.class, () -> net().forward(x, true)), "NaN", "row 1", "column 1");
        assertMentions(assertThrows(IllegalArgumentException.class, () -> net().predict(x)), "row 1", "column 1");
        assertMentions(assertThrows(IllegalArgumentException.class, () -> net().gradients(x, new int[] {0, 1})),
                "row 1", "column 1");
        assertMentions(assertThrows(IllegalArgumentException.class, () -> net().predictClasses(x)), "row 1", "column 1");
    }

    @Test
    void sequentialNamesItsNullArguments() {
        assertMentions(assertThrows(NullPointerException.class, () -> new Sequential().add((dl.layers.Layer) null)), "layer");
        assertMentions(assertThrows(NullPointerException.class, () -> new Sequential().withLoss(null)), "loss");
        assertMentions(assertThrows(NullPointerException.class, () -> new Sequential().withWeightDecay(null)), "decay");
        assertMentions(assertThrows(NullPointerException.class, () -> net().forward(null, false)), "x");
        assertMentions(assertThrows(NullPointerException.class, () -> net().loss(new DMatrixRMaj(1, 2), null)), "labels");
        assertMentions(assertThrows(NullPointerException.class, () -> net().accuracy(null)), "data");
        assertMentions(assertThrows(NullPointerException.class, () -> Mlp.of(2, 2).init(null)), "init");
        assertMentions(assertThrows(NullPointerException.class, () -> Mlp.of(2, 2).activation(null)), "activation");
    }

    @Test
    void trainerSettersGivenNullFailImmediately() {
        assertMentions(assertThrows(NullPointerException.class, () -> new Trainer(null)), "optimizer");
        Trainer t = new Trainer(new Sgd(0.1));
        assertMentions(assertThrows(NullPointerException.class, () -> t.sampling(null)), "sampling");
        assertMentions(assertThrows(NullPointerException.class, () -> t.onProgress(null)), "listener");
        assertMentions(assertThrows(NullPointerException.class, () -> t.fit(null, NetworkTest.blobs(10, 1))), "net");
        assertMentions(assertThrows(NullPointerException.class, () -> t.fit(net(), null)), "train");
        assertTrue(t.toString().contains("SHUFFLED_EPOCHS"), "a refused null leaves the setting unchanged: " + t);
    }

    @Test
    void aTestSetWithOtherFeaturesIsRefusedNamingBothShapes() {
        Dataset train = NetworkTest.blobs(20, 1);
        Dataset test = new Dataset(new DMatrixRMaj(5, 3), new int[5]);
        var e = assertThrows(IllegalArgumentException.class, () -> new Trainer(new Sgd(0.1)).fit(net(), train, test));
        assertMentions(e, "20×2", "5×3");
    }

    @Test
    void dataPoisonedAfterConstructionIsRefusedBeforeTraining() {
        Dataset train = NetworkTest.blobs(20, 1);
        train.features().set(7, 1, Double.POSITIVE_INFINITY); // the matrix is mutable
        var e = assertThrows(IllegalArgumentException.class, () -> new Trainer(new Sgd(0.1)).epochs(1).fit(net(), train));
        assertMentions(e, "training set features", "Infinity", "row 7", "column 1");
    }

    @Test
    void aNonFiniteFirstEvaluationBlamesTheDataNotTheLearningRate() {
        Dataset huge = NetworkTest.blobs(20, 1);
        huge.features().set(3, 0, 1e308); // finite, but the network's output overflows
        Sequential net = Mlp.of(2, 8, 2).activation(Activation.identity()).init(Init.normal(100)).seed(1).build();
        var e = assertThrows(IllegalArgumentException.class, () -> new Trainer(new Sgd(0.1)).epochs(1).fit(net, huge));
        assertMentions(e, "before any update", "no learning rate", "1.0E308", "row 3", "column 0");

        Sequential poisoned = net();
        Param w = poisoned.params().get(0);
        w.value().set(1, 4, Double.NaN);
        var p = assertThrows(IllegalArgumentException.class,
                () -> new Trainer(new Sgd(0.1)).epochs(1).fit(poisoned, NetworkTest.blobs(20, 1)));
        assertMentions(p, "before any update", "parameter W1", "NaN", "row 1", "column 4");
    }

    @Test
    void anExplodingButFiniteLossIsReportedAtItsIteration() {
        Dataset data = NetworkTest.blobs(200, 3);
        History adam = new Trainer(new Adam(1000)).batchSize(20).epochs(20).seed(1)
                .fit(Mlp.of(2, 16, 16, 2).seed(1).build(), data);
        assertTrue(adam.diverged(), adam.toString());
        dl.descent.Divergence r = adam.divergence().orElseThrow();
        double start = adam.evaluations().get(0).trainLoss();
        assertTrue(r.value() > Trainer.EXPLOSION_FACTOR * Math.max(1, start) || !Double.isFinite(r.value()), r.message());
        assertEquals(r.step(), adam.iterationLoss().length);
        assertMentions(new IllegalStateException(r.message()), "diverged at step " + r.step(), "lr=1000");

        History sgd = new Trainer(new Sgd(1e6)).batchSize(20).epochs(20).seed(1).fit(Mlp.of(2, 16, 2).seed(1).build(), data);
        dl.descent.Divergence s = sgd.divergence().orElseThrow();
        assertTrue(Double.isFinite(s.value()), "caught while still finite: " + s.message());
        assertTrue(s.step() <= 3, s.message());
        assertMentions(new IllegalStateException(s.message()), "diverged at step " + s.step(), "exploded past " + (int) Trainer.EXPLOSION_FACTOR + " ×");
    }

    @Test
    void ordinaryTrainingDoesNotTriggerTheExplosionCheck() {
        History h = new Trainer(new Sgd(0.5)).batchSize(20).epochs(10).seed(1).fit(net(), NetworkTest.blobs(200, 3));
        assertFalse(h.diverged(), h.toString());
    }

    @Test
    void aTrainerRefusesBatchesOfOneRowForBatchNorm() {
        Sequential bn = Mlp.of(2, 8, 2).batchNorm(true).seed(1).build();
        Dataset data = NetworkTest.blobs(21, 1);
        var one = assertThrows(IllegalArgumentException.class, () -> new Trainer(new Sgd(0.1)).batchSize(1).fit(bn, data));
        assertMentions(one, "BatchNorm(8)", "at least 2 rows", "batch size 1");
        var last = assertThrows(IllegalArgumentException.class, () -> new Trainer(new Sgd(0.1)).batchSize(10).fit(bn, data));
        assertMentions(last, "last batch of 1 row", "21 samples", "2 × 10 + 1");
        assertFalse(new Trainer(new Sgd(0.1)).batchSize(7).epochs(2).fit(bn, data).diverged());
        // without batch norm, a batch of one row is fine
        new Trainer(new Sgd(0.1)).batchSize(1).epochs(1).fit(net(), data);
    }

    @Test
    void theGradientCheckRefusesAStepOfZeroOrNaN() {
        DMatrixRMaj x = new DMatrixRMaj(new double[][] {{0.3, -0.2}, {0.1, 0.7}});
        int[] labels = {0, 1};
        for (double h : new double[] {0, Double.NaN, -1e-5, Double.POSITIVE_INFINITY}) {
            var e = assertThrows(IllegalArgumentException.class, () -> GradientCheck.check(net(), x, labels, h));
            assertMentions(e, "step h", String.valueOf(h));
            assertThrows(IllegalArgumentException.class, () -> GradientCheck.checkLayer(new BatchNorm(2), x, 1, h));
        }
        assertMentions(assertThrows(NullPointerException.class, () -> GradientCheck.check(null, x, labels)), "net");
        assertTrue(GradientCheck.check(net(), x, labels).maxRelativeError() < 1e-6);
    }

    @Test
    void nanScoresAreNotPredictedAsClassZero() {
        Sequential net = net();
        net.params().get(2).value().set(0, 0, Double.NaN); // W2 poisoned: finite input, NaN scores
        var e = assertThrows(IllegalArgumentException.class, () -> net.predictClasses(new DMatrixRMaj(new double[][] {{1, 1}})));
        assertMentions(e, "row 0", "NaN", "no class");
    }

    @Test
    void aMovingAverageKeepsANaNLocal() {
        double[] ys = new double[20];
        for (int i = 0; i < ys.length; i++) {
            ys[i] = i;
        }
        ys[5] = Double.NaN;
        double[] s = Smoothing.movingAverage(ys, 3);
        int nan = 0;
        for (int i = 0; i < s.length; i++) {
            if (Double.isNaN(s[i])) {
                nan++;
                assertTrue(Math.abs(i - 5) <= 1, "NaN at " + i);
            }
        }
        assertEquals(3, nan, "only the three windows containing the NaN");
        assertEquals(10.0, s[10], 1e-12);
        assertEquals(18.5, s[19], 1e-12);
        assertMentions(assertThrows(NullPointerException.class, () -> Smoothing.movingAverage(null, 3)), "ys");
    }

    @Test
    void theDecisionBoundaryEvaluatesLargeGridsInChunksWithTheSameResult() {
        Sequential net = Mlp.of(2, 8, 3).seed(2).build();
        double[] xs = Grid.linspace(-2, 2, 151);
        double[] ys = Grid.linspace(-1, 1, 101); // 15251 points: more than one chunk
        double[][] z = DecisionBoundary.probability(net, xs, ys, 2);
        for (int[] ij : new int[][] {{0, 0}, {66, 33}, {100, 150}, {99, 7}}) {
            DMatrixRMaj p = dl.activations.Softmax.apply(net.predict(
                    new DMatrixRMaj(new double[][] {{xs[ij[1]], ys[ij[0]]}})));
            assertEquals(p.get(0, 2), z[ij[0]][ij[1]], 1e-12);
        }
        var e = assertThrows(IllegalArgumentException.class,
                () -> DecisionBoundary.probability(net, new double[] {0, Double.NaN}, ys, 0));
        assertMentions(e, "xs[1]", "NaN");
        assertMentions(assertThrows(NullPointerException.class, () -> DecisionBoundary.probability(net, xs, null, 0)), "ys");
    }
}
