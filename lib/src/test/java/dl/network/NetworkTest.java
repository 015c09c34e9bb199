package dl.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dl.activations.Activation;
import dl.data.Dataset;
import dl.init.Init;
import dl.layers.Dense;
import dl.layers.Param;
import dl.layers.PRelu;
import dl.losses.BinaryCrossEntropy;
import dl.losses.LossLayer;
import dl.losses.MeanSquaredError;
import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class NetworkTest {

    /** N samples of D Gaussian features with labels 0..K−1 drawn at random. */
    static Dataset randomData(int n, int d, int k, long seed) {
        Random rng = new Random(seed);
        DMatrixRMaj x = new DMatrixRMaj(n, d);
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                x.set(i, j, rng.nextGaussian());
            }
            y[i] = rng.nextInt(k);
        }
        return new Dataset(x, y);
    }

    /** Two Gaussian blobs centred at (−1, −1) (class 0) and (1, 1) (class 1). */
    static Dataset blobs(int n, long seed) {
        Random rng = new Random(seed);
        DMatrixRMaj x = new DMatrixRMaj(n, 2);
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 2;
            double c = y[i] == 0 ? -1 : 1;
            x.set(i, 0, c + 0.8 * rng.nextGaussian());
            x.set(i, 1, c + 0.8 * rng.nextGaussian());
        }
        return new Dataset(x, y);
    }

    private static void assertGradientsCheck(Sequential net, Dataset batch) {
        GradientCheck.Result r = GradientCheck.check(net, batch);
        assertEquals(net.params().size(), r.rows().size());
        assertTrue(r.maxRelativeError() < 1e-7, net + "\n" + r);
    }

    @Test
    void mlpGradientsCheck() {
        Dataset batch = randomData(6, 4, 3, 1);
        assertGradientsCheck(Mlp.of(4, 5, 3).activation(Activation.tanh()).init(Init.xavier()).seed(2).build(), batch);
        assertGradientsCheck(Mlp.of(4, 6, 5, 3).activation(Activation.sigmoid()).init(Init.normal(1)).seed(3).build(), batch);
    }

    @Test
    void batchNormNetworkGradientsCheck() {
        Dataset batch = randomData(6, 4, 3, 1);
        Sequential net = Mlp.of(4, 6, 5, 3).activation(Activation.relu()).batchNorm(true).seed(4).build();
        GradientCheck.Result r = GradientCheck.check(net, batch);
        for (GradientCheck.Row row : r.rows()) {
            if (row.name().equals("b1") || row.name().equals("b2")) {
                // batch norm subtracts the batch mean, so a bias right before it has no effect: zero gradient
                assertTrue(row.maxAbsGradient() < 1e-14, r.toString());
                assertTrue(row.meanAbsDiff() < 1e-14, r.toString());
            } else {
                assertTrue(row.relativeError() < 1e-7, r.toString());
            }
        }
    }

    @Test
    void weightDecayGradientsCheck() {
        Dataset batch = randomData(6, 4, 3, 5);
        assertGradientsCheck(Mlp.of(4, 5, 3).activation(Activation.tanh()).weightDecay(WeightDecay.l2(0.3)).seed(6).build(),
                batch);
        assertGradientsCheck(Mlp.of(4, 5, 3).activation(Activation.elu()).weightDecay(WeightDecay.l1(0.3)).seed(7).build(),
                batch);
    }

    @Test
    void otherLossLayersAndPReluGradientsCheck() {
        Dataset batch = randomData(6, 4, 3, 8);
        Sequential mse = new Sequential().add(new Dense(4, 5, Init.xavier(), 9)).add(new PRelu(5))
                .add(new Dense(5, 3, Init.xavier(), 10)).add(Activation.sigmoid())
                .withLoss(LossLayer.of(new MeanSquaredError()));
        assertGradientsCheck(mse, batch);
        Dataset binary = randomData(6, 4, 2, 11);
        Sequential bce = new Sequential().add(new Dense(4, 5, Init.xavier(), 12)).add(Activation.tanh())
                .add(new Dense(5, 1, Init.xavier(), 13)).withLoss(LossLayer.of(BinaryCrossEntropy.fromLogits()));
        assertGradientsCheck(bce, binary);
    }

    @Test
    void gradientCheckRefusesDropout() {
        Sequential net = Mlp.of(4, 5, 3).dropout(0.5).seed(1).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GradientCheck.check(net, randomData(4, 4, 3, 1)));
        assertTrue(e.getMessage().contains("Dropout"), e.getMessage());
    }

    @Test
    void weightDecayPenaltyOnAHandExample() {
        DMatrixRMaj w = new DMatrixRMaj(new double[][] {{1, -2}});
        DMatrixRMaj b = new DMatrixRMaj(new double[][] {{3, 4}});
        List<Param> params = new Dense(w, b).params();
        assertEquals(0.5 * 0.5 * 5, WeightDecay.l2(0.5).penalty(params), 1e-15);
        assertEquals(0.5 * 3, WeightDecay.l1(0.5).penalty(params), 1e-15);
        assertEquals(0, WeightDecay.none().penalty(params));
        WeightDecay.l2(0.5).addGradient(params);
        assertEquals(0.5, params.get(0).grad().get(0, 0), 1e-15);
        assertEquals(-1, params.get(0).grad().get(0, 1), 1e-15);
        assertEquals(0, params.get(1).grad().get(0, 0)); // biases do not decay
        assertThrows(IllegalArgumentException.class, () -> WeightDecay.l2(-1));
    }

    @Test
    void parametersAreNamedLikeDlfs() {
        Sequential net = Mlp.of(4, 5, 6, 3).batchNorm(true).seed(1).build();
        List<String> names = net.params().stream().map(Param::name).toList();
        assertEquals(List.of("W1", "b1", "gamma1", "beta1", "W2", "b2", "gamma2", "beta2", "W3", "b3"), names);
        assertEquals(4 * 5 + 5 + 10 + 5 * 6 + 6 + 12 + 6 * 3 + 3, net.numParameters());
    }

    @Test
    void chunkedEvaluationEqualsOneBigBatch() {
        Dataset data = randomData(2500, 3, 4, 2);
        Sequential net = Mlp.of(3, 8, 4).seed(3).build();
        assertEquals(net.loss(data.features(), data.labels()), net.loss(data), 1e-12);
        assertEquals(net.accuracy(data.features(), data.labels()), net.accuracy(data), 1e-15);
    }

    @Test
    void networkShapeMismatchNamesBothShapes() {
        Sequential net = Mlp.of(784, 50, 10).seed(1).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> net.predict(new DMatrixRMaj(100, 783)));
        assertEquals("Dense(784→50): input is 100×783, expected 100×784", e.getMessage());
    }

    @Test
    void aTinyNetworkMemorisesATinyDataSet() {
        Dataset data = randomData(8, 5, 4, 3);
        Sequential net = Mlp.of(5, 32, 4).seed(4).build();
        History h = new Trainer(new dl.optimizers.Sgd(0.3)).batchSize(8).epochs(300).seed(5).fit(net, data);
        assertEquals(1.0, h.last().trainAccuracy(), h.toString());
        assertEquals(1.0, net.accuracy(data));
        assertTrue(h.last().trainLoss() < h.trainLoss()[0] / 10, h.toString());
    }

    @Test
    void xorIsSolvedByAHiddenLayer() {
        DMatrixRMaj x = new DMatrixRMaj(new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}});
        Dataset xor = new Dataset(x, new int[] {0, 1, 1, 0});
        Sequential net = Mlp.of(2, 4, 2).activation(Activation.tanh()).init(Init.xavier()).seed(1).build();
        History h = new Trainer(new dl.optimizers.Sgd(0.5)).batchSize(4).epochs(2000).seed(1).fit(net, xor);
        assertEquals(1.0, h.last().trainAccuracy(), h.toString());
        assertTrue(h.last().trainLoss() < 0.05, h.toString());
        // without a hidden layer (a linear model) XOR cannot be separated
        Sequential linear = Mlp.of(2, 2).seed(1).build();
        new Trainer(new dl.optimizers.Sgd(0.5)).batchSize(4).epochs(2000).seed(1).fit(linear, xor);
        assertTrue(linear.accuracy(xor) <= 0.75);
    }
}
