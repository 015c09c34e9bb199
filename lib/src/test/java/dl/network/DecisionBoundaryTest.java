package dl.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dl.activations.Activation;
import dl.data.Dataset;
import dl.layers.Dense;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class DecisionBoundaryTest {

    /** Scores (x₁ − x₂, 0): P(class 0) = σ(x₁ − x₂). */
    private static Sequential differenceNet() {
        DMatrixRMaj w = new DMatrixRMaj(new double[][] {{1, 0}, {-1, 0}});
        return new Sequential().add(new Dense(w, new DMatrixRMaj(1, 2)));
    }

    @Test
    void probabilityIsSoftmaxOfScoresWithRowsAlongY() {
        double[] xs = {-1, 0, 2};
        double[] ys = {0.5, 3};
        double[][] p0 = DecisionBoundary.probability(differenceNet(), xs, ys, 0);
        double[][] p1 = DecisionBoundary.probability(differenceNet(), xs, ys, 1);
        assertEquals(2, p0.length);
        assertEquals(3, p0[0].length);
        for (int i = 0; i < ys.length; i++) {
            for (int j = 0; j < xs.length; j++) {
                double expected = 1 / (1 + Math.exp(-(xs[j] - ys[i])));
                assertEquals(expected, p0[i][j], 1e-12);
                assertEquals(1 - expected, p1[i][j], 1e-12);
            }
        }
    }

    @Test
    void singleOutputIsReturnedAsIs() {
        DMatrixRMaj w = new DMatrixRMaj(new double[][] {{2}, {0}});
        Sequential net = new Sequential().add(new Dense(w, new DMatrixRMaj(new double[][] {{1}}))).add(Activation.sigmoid());
        double[][] p = DecisionBoundary.probability(net, new double[] {-0.5, 1}, new double[] {7}, 0);
        assertEquals(0.5, p[0][0], 1e-12);
        assertEquals(1 / (1 + Math.exp(-3)), p[0][1], 1e-12);
    }

    @Test
    void badClassAndEmptyGridAreNamed() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> DecisionBoundary.probability(differenceNet(), new double[] {0}, new double[] {0}, 2));
        assertTrue(e.getMessage().contains("k = 2"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> DecisionBoundary.probability(differenceNet(), new double[0], new double[] {0}, 0));
    }

    @Test
    void pointsSplitsByClass() {
        Dataset d = new Dataset(new DMatrixRMaj(new double[][] {{1, 2}, {3, 4}, {5, 6}}), new int[] {1, 0, 1});
        double[][] ones = DecisionBoundary.points(d, 1);
        assertArrayEquals(new double[] {1, 5}, ones[0]);
        assertArrayEquals(new double[] {2, 6}, ones[1]);
        assertArrayEquals(new double[] {3}, DecisionBoundary.points(d, 0)[0]);
        Dataset three = new Dataset(new DMatrixRMaj(1, 3), new int[] {0});
        assertThrows(IllegalArgumentException.class, () -> DecisionBoundary.points(three, 0));
    }
}
