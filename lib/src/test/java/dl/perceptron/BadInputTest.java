package dl.perceptron;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Issue 29: the perceptron validates its data before learning from any of it. */
class BadInputTest {
    private static void assertMentions(Throwable e, String... parts) {
        for (String p : parts) {
            assertTrue(e.getMessage() != null && e.getMessage().contains(p), "expected '" + p + "' in: " + e.getMessage());
        }
    }

    private static final double[][] XS = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};

    @Test
    void aBadTargetAtSample3IsRefusedBeforeSamples0To2AreApplied() {
        Perceptron p = Perceptron.zeros(2, 1);
        assertMentions(assertThrows(IllegalArgumentException.class, () -> p.epoch(XS, new int[] {1, 1, 1, 2})),
                "targets[3] is 2", "sample 3", "0 or 1", "nothing was updated");
        assertArrayEquals(new double[] {0, 0}, p.weights());
        assertEquals(0, p.bias());
        assertThrows(IllegalArgumentException.class, () -> p.train(XS, new int[] {0, 1, -1, 1}, 10));
        assertArrayEquals(new double[] {0, 0}, p.weights());
    }

    @Test
    void nonFiniteInputsAreRefusedNamingTheSample() {
        Perceptron p = Perceptron.zeros(2, 1);
        double[][] xs = {{0, 0}, {0, 1}, {Double.NaN, 0}, {1, 1}};
        assertMentions(assertThrows(IllegalArgumentException.class, () -> p.train(xs, new int[] {0, 1, 1, 1}, 5)),
                "xs", "NaN at row 2, column 0", "finite numbers");
        assertArrayEquals(new double[] {0, 0}, p.weights(), "nothing applied");
        assertMentions(assertThrows(IllegalArgumentException.class, () -> p.predict(new double[] {1, Double.POSITIVE_INFINITY})),
                "perceptron input x[1] is Infinity", "finite numbers");
        assertMentions(assertThrows(IllegalArgumentException.class, () -> p.update(new double[] {Double.NaN, 1}, 1)),
                "perceptron input x[0] is NaN");
    }

    @Test
    void zeroSamplesAreNoConvergence() {
        Perceptron p = Perceptron.zeros(2, 1);
        assertMentions(assertThrows(IllegalArgumentException.class, () -> p.train(new double[0][], new int[0], 10)),
                "xs has 0 samples", "nothing to learn from", "at least one sample");
        assertThrows(IllegalArgumentException.class, () -> p.epoch(new double[0][], new int[0]));
    }

    @Test
    void anOverflowingUpdateIsReportedWithTheSampleAndTheCauseAndChangesNothing() {
        Perceptron p = new Perceptron(new double[] {0, 0}, 0, 1e308);
        double[][] xs = {{1, 1}, {10, 0}};
        // sample 0: w = (1e308, 1e308), b = 1e308; sample 1 (target 0): w0 = 1e308 − 1e308·10 = −∞
        ArithmeticException e = assertThrows(ArithmeticException.class, () -> p.epoch(xs, new int[] {1, 0}));
        assertMentions(e, "sample 1", "the update overflows", "w[0]", "-Infinity", "smaller learning rate", "nothing was updated");
        assertArrayEquals(new double[] {1e308, 1e308}, p.weights(), "sample 0 applied, sample 1 not");
        Perceptron q = Perceptron.zeros(2, 10);
        assertMentions(assertThrows(ArithmeticException.class, () -> q.update(new double[] {1e308, 0}, 1)),
                "w[0]", "10.0·1·1.0E308 is Infinity", "the input is huge: scale the data");
        assertArrayEquals(new double[] {0, 0}, q.weights());
    }

    @Test
    void trainingWithALearningRateOf1e308ReportsDivergenceWithTheEpochTheSampleAndTheCause() {
        Perceptron p = new Perceptron(new double[] {0, 0}, 0, 1e308);
        ArithmeticException e = assertThrows(ArithmeticException.class,
                () -> p.train(new double[][] {{1, 1}, {10, 0}, {3, -2}}, new int[] {1, 0, 1}, 100));
        assertMentions(e, "diverged in epoch 1 of 100, sample 1: the update overflows", "w[0]", "-Infinity",
                "use a smaller learning rate");
    }

    @Test
    void aWeightedSumThatOverflowsToNaNIsRefusedInsteadOfPredicting0() {
        Perceptron p = new Perceptron(new double[] {1e308, 1e308}, 0, 1);
        assertMentions(assertThrows(ArithmeticException.class, () -> p.predict(new double[] {10, -10})),
                "z = w·x + b is NaN", "overflow", "w[0]·x[0] = 1.0E308·10.0", "weights have grown too large");
        Perceptron q = new Perceptron(new double[] {2, 2}, 0, 1);
        assertMentions(assertThrows(ArithmeticException.class, () -> q.predict(new double[] {1.5e308, -1.5e308})),
                "z = w·x + b is NaN", "the input is huge: scale the data");
    }
}
