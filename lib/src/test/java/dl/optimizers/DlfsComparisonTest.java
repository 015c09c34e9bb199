package dl.optimizers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dl.descent.GradientDescent;
import dl.surfaces.ElongatedBowl;
import org.junit.jupiter.api.Test;

/**
 * The optimizer comparison of DLFS ch. 6: f = x²/20 + y², start (−7, 2), 30 updates.
 * The book's positions after 30 updates (REFERENCE-EXPERIMENTS.md): SGD 0.95 → (−0.3504, 0.0848),
 * Momentum 0.1 → (0.8964, 0.0881), AdaGrad 1.5 → (−0.1202, 0.0000), Adam 0.3 → (0.1360, 0.3182).
 */
class DlfsComparisonTest {
    private static final ElongatedBowl F = new ElongatedBowl();
    private static final double[] START = {-7, 2};

    static double[] after30(Optimizer opt) {
        return GradientDescent.run(opt, F, START, 30).requireNotDiverged().last();
    }

    @Test
    void sgdReproducesTheBook() {
        assertArrayEquals(new double[] {-0.3504, 0.0848}, after30(new Sgd(0.95)), 5e-5);
    }

    @Test
    void adaGradWithTheBooksEpsilonReproducesTheBook() {
        // DLFS: θ −= lr·g/(√h + 1e-7), our form with ε = 1e-7.
        assertArrayEquals(new double[] {-0.1202, 0.0000}, after30(new AdaGrad(1.5, 1e-7)), 5e-5);
    }

    @Test
    void momentumMatchesTorchFormAndTheBook() {
        double[] ours = after30(new Momentum(0.1, 0.9));
        double[] torch = START.clone();
        var ref = PublishedRulesTest.torchSgdMomentum(0.1, 0.9, false);
        for (int k = 0; k < 30; k++) {
            ref.accept(torch, F.gradient(torch));
        }
        assertArrayEquals(torch, ours, 1e-12);
        // DLFS writes v ← γv − ηg; θ ← θ + v: the same rule with v negated, so the book's numbers.
        assertArrayEquals(new double[] {0.8964, 0.0881}, ours, 5e-5);
    }

    @Test
    void adamMatchesKingmaBaAndDiffersFromTheBookOnlyThroughEpsilon() {
        double[] ours = after30(new Adam(0.3));
        double[] torch = START.clone();
        var ref = PublishedRulesTest.torchAdam(0.3, 0.9, 0.999, 1e-8);
        for (int k = 0; k < 30; k++) {
            ref.accept(torch, F.gradient(torch));
        }
        assertArrayEquals(torch, ours, 1e-12);

        // DLFS folds the bias correction into the learning rate, lr_t = lr·√(1−β₂ᵗ)/(1−β₁ᵗ), and adds
        // ε = 1e-7 to √v before correction: θ −= lr_t·m/(√v + 1e-7). That is our rule with
        // ε' = 1e-7/√(1−β₂ᵗ) (3.2e-6 at t = 1, 5.8e-7 at t = 30) in place of 1e-8 — a difference in the 5th digit.
        double[] book = START.clone();
        double[] m = new double[2];
        double[] v = new double[2];
        for (int t = 1; t <= 30; t++) {
            double[] g = F.gradient(book);
            double lrT = 0.3 * Math.sqrt(1 - Math.pow(0.999, t)) / (1 - Math.pow(0.9, t));
            for (int i = 0; i < 2; i++) {
                m[i] += (1 - 0.9) * (g[i] - m[i]);
                v[i] += (1 - 0.999) * (g[i] * g[i] - v[i]);
                book[i] -= lrT * m[i] / (Math.sqrt(v[i]) + 1e-7);
            }
        }
        assertArrayEquals(new double[] {0.1360, 0.3182}, book, 5e-5);
        assertArrayEquals(book, ours, 5e-5);
        assertNotEquals(book[0], ours[0], 1e-6);
    }

    @Test
    void everyRunDescends() {
        for (Optimizer opt : new Optimizer[] {new Sgd(0.95), new Momentum(0.1), new Nesterov(0.1),
                new AdaGrad(1.5), new RmsProp(0.1), new Adam(0.3)}) {
            double[] values = GradientDescent.run(opt, F, START, 30).values();
            assertEquals(30, values.length - 1);
            // f(−7, 2) = 2.45 + 4 = 6.45
            assertEquals(6.45, values[0], 1e-12);
            assertEquals(true, values[30] < 0.2 * values[0], opt + " ended at f = " + values[30]);
        }
    }
}
