package dl.perceptron;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PerceptronTest {
    static final double[][] INPUTS = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
    static final int[] AND = {0, 0, 0, 1};
    static final int[] OR = {0, 1, 1, 1};
    static final int[] XOR = {0, 1, 1, 0};

    private static void assertClassifies(Perceptron p, int[] targets) {
        for (int i = 0; i < INPUTS.length; i++) {
            assertEquals(targets[i], p.predict(INPUTS[i]), "sample " + i);
        }
    }

    @Test
    void learnsAndWithinTenEpochs() {
        Perceptron p = Perceptron.zeros(2, 0.1);
        PerceptronHistory h = p.train(INPUTS, AND, 10);
        assertTrue(h.converged(), "AND not learned: " + h);
        assertTrue(h.epochs() <= 10);
        assertEquals(0, h.errors()[h.epochs() - 1]);
        assertTrue(h.errors()[0] > 0, "the zero perceptron cannot be right on AND from the start");
        assertClassifies(p, AND);
    }

    @Test
    void learnsOrWithinTenEpochsFromRandomStarts() {
        java.util.Random r = new java.util.Random(5);
        for (int trial = 0; trial < 20; trial++) {
            Perceptron p = new Perceptron(new double[] {r.nextGaussian(), r.nextGaussian()}, r.nextGaussian(), 0.5);
            PerceptronHistory h = p.train(INPUTS, OR, 50);
            assertTrue(h.converged(), "trial " + trial + ": " + h);
            assertClassifies(p, OR);
        }
    }

    @Test
    void neverMakesZeroErrorsOnXor() {
        for (double eta : new double[] {0.01, 0.1, 1}) {
            Perceptron p = Perceptron.zeros(2, eta);
            PerceptronHistory h = p.train(INPUTS, XOR, 1000);
            assertFalse(h.converged(), "η = " + eta);
            assertEquals(1000, h.epochs());
            for (int e : h.errors()) {
                assertTrue(e >= 1, "an epoch without error on XOR is impossible for a line");
            }
        }
    }

    /** The rule against a hand computation: w = (0.2, −0.4), b = 0.1, η = 0.5. */
    @Test
    void ruleMatchesHandComputation() {
        Perceptron p = new Perceptron(new double[] {0.2, -0.4}, 0.1, 0.5);
        // x = (1, 1): z = 0.2 − 0.4 + 0.1 = −0.1 → y = 0; t = 1, error 1:
        // w ← (0.2 + 0.5·1·1, −0.4 + 0.5·1·1) = (0.7, 0.1), b ← 0.1 + 0.5 = 0.6
        assertEquals(-0.1, p.z(new double[] {1, 1}), 1e-12);
        assertEquals(1, p.update(new double[] {1, 1}, 1));
        assertArrayEquals(new double[] {0.7, 0.1}, p.weights(), 1e-12);
        assertEquals(0.6, p.bias(), 1e-12);
        // x = (1, 0): z = 0.7 + 0.6 = 1.3 → y = 1; t = 0, error −1: w ← (0.2, 0.1), b ← 0.1
        assertEquals(-1, p.update(new double[] {1, 0}, 0));
        assertArrayEquals(new double[] {0.2, 0.1}, p.weights(), 1e-12);
        assertEquals(0.1, p.bias(), 1e-12);
        // a correct answer changes nothing
        assertEquals(0, p.update(new double[] {1, 0}, 1));
        assertArrayEquals(new double[] {0.2, 0.1}, p.weights(), 1e-12);
    }

    @Test
    void stepAtZeroIsZero() {
        assertEquals(0, Perceptron.zeros(2, 1).predict(new double[] {3, -2}));
    }

    @Test
    void historyKeepsWeightsPerEpochAndTable() {
        Perceptron p = Perceptron.zeros(2, 0.1);
        PerceptronHistory h = p.train(INPUTS, AND, 20);
        assertArrayEquals(p.weights(), h.weights(h.epochs()), 0);
        assertEquals(p.bias(), h.bias(h.epochs()), 0);
        assertEquals(h.epochs(), h.table().rowCount());
        assertEquals(java.util.List.of("epoch", "errors", "w1", "w2", "b"), h.table().columnNames());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> h.weights(0));
        assertTrue(e.getMessage().contains("epoch"), e.getMessage());
    }

    @Test
    void badInputNamesTheArgument() {
        Perceptron p = Perceptron.zeros(2, 0.1);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> p.predict(new double[] {1, 2, 3}))
                .getMessage().contains("x has 3 values but the perceptron has 2 weights"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> p.update(new double[] {1, 2}, 2))
                .getMessage().contains("target"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> p.train(INPUTS, new int[] {0, 1}, 5))
                .getMessage().contains("xs has 4 samples but targets has 2"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> p.train(new double[][] {{1}}, new int[] {0}, 5))
                .getMessage().contains("xs[0] has 1 values"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Perceptron(new double[] {1}, 0, 0))
                .getMessage().contains("learningRate"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Perceptron(new double[] {Double.NaN}, 0, 1))
                .getMessage().contains("weights[0]"));
        assertTrue(assertThrows(NullPointerException.class, () -> p.predict(null)).getMessage().contains("x"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> p.train(INPUTS, AND, 0))
                .getMessage().contains("maxEpochs"));
    }
}
