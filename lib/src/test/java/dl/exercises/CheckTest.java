package dl.exercises;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dl.activations.Activation;
import dl.calculus.Derivatives;
import dl.calculus.ScalarFunction;
import dl.descent.GradientDescent;
import dl.calculus.Examples;
import dl.optimizers.Adam;
import dl.surfaces.ElongatedBowl;
import dl.layers.Dense;
import dl.network.Sequential;
import dl.optimizers.Momentum;
import dl.optimizers.Optimizer;
import dl.surfaces.Rosenbrock;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class CheckTest {

    private static String hint(Executable e) {
        AssertionError err = assertThrows(AssertionError.class, e);
        return err.getMessage();
    }

    private static void contains(String message, String part) {
        assertTrue(message.contains(part), () -> "expected \"" + part + "\" in: " + message);
    }

    @Test
    void rightAnswersPass() {
        assertDoesNotThrow(() -> Check.close("a", 1.0 + 1e-9, 1.0, 1e-6));
        assertDoesNotThrow(() -> Check.close("v", new double[] {1, 2}, new double[] {1, 2}, 1e-9));
        assertDoesNotThrow(() -> Check.close("big", 1e6 + 0.5, 1e6, 1e-6)); // relative above 1
        assertDoesNotThrow(() -> Check.that("t", true, "never shown"));
    }

    @Test
    void signFactorAndNaNAreNamed() {
        contains(hint(() -> Check.close("d", -3.0, 3.0, 1e-9)), "sign is flipped");
        contains(hint(() -> Check.close("d", 6.0, 3.0, 1e-9)), "factor of 2 (twice too large)");
        contains(hint(() -> Check.close("d", 1.5, 3.0, 1e-9)), "factor of 2 (half the right size)");
        contains(hint(() -> Check.close("d", Double.NaN, 3.0, 1e-9)), "is NaN");
        contains(hint(() -> Check.close("d", Double.POSITIVE_INFINITY, 3.0, 1e-9)), "division by zero");
        contains(hint(() -> Check.close("v", new double[] {3, 9}, new double[] {1, 3}, 1e-9)), "3.00000 times");
        String plain = hint(() -> Check.close("d", 3.7, 3.0, 1e-9));
        contains(plain, "expected 3.00000 but got 3.70000");
        assertTrue(!plain.contains("Hint"), plain);
    }

    @Test
    void knownMistakesGiveTheirHint() {
        double eta = 0.1;
        contains(hint(() -> Check.close("step", new double[] {0.5, -1}, new double[] {0.05, -0.1}, 1e-9,
                Mistake.factor(1 / eta, "the learning rate η is missing"))), "learning rate η is missing");
        contains(hint(() -> Check.close("f'", 12.0601, 12.0, 1e-6,
                Mistake.value(12.0601, "that is the forward difference"))), "forward difference");
        assertThrows(IllegalArgumentException.class, () -> Mistake.factor(1, "no"));
    }

    @Test
    void shapesAndTransposesAreNamed() {
        DMatrixRMaj expected = new DMatrixRMaj(new double[][] {{1, 2, 3}, {4, 5, 6}});
        contains(hint(() -> Check.close("dW", new double[][] {{1, 4}, {2, 5}, {3, 6}}, expected, 1e-9)),
                "is 3×2 but should be 2×3: it is the transpose");
        contains(hint(() -> Check.close("dW", new DMatrixRMaj(2, 2), expected, 1e-9)), "is 2×2 but should be 2×3");
        contains(hint(() -> Check.close("dW", new double[][] {{1, 2, 3}, {4, 5}}, expected, 1e-9)),
                "row 1 has 2 entries but row 0 has 3");
        contains(hint(() -> Check.close("dW", new double[][] {{1, 2, 3}, {4, 5, 7}}, expected, 1e-9)),
                "entry (1, 2) is 7.00000 but should be 6.00000");
        contains(hint(() -> Check.close("v", new double[] {1, 2, 3}, new double[] {1, 2}, 1e-9)),
                "has 3 entries but should have 2");
        contains(hint(() -> Check.shape("X", new DMatrixRMaj(4, 3), 3, 4)), "is 4×3 but should be 3×4");
    }

    /** Momentum written by a student, with switchable typical mistakes. */
    private static final class StudentMomentum implements Optimizer {
        final String mistake;
        final Map<double[], double[]> state = new IdentityHashMap<>();
        final Map<String, double[]> shared = new HashMap<>();

        final double eta;

        StudentMomentum(String mistake) {
            this(mistake, 0.01);
        }

        StudentMomentum(String mistake, double eta) {
            this.mistake = mistake;
            this.eta = eta;
        }

        @Override
        public void update(double[] param, double[] grad) {
            double[] v = switch (mistake) {
                case "forgets" -> new double[param.length];
                case "shared" -> shared.computeIfAbsent("v", k -> new double[param.length]);
                default -> state.computeIfAbsent(param, p -> new double[p.length]);
            };
            double eta = mistake.equals("no-eta") ? 1 : this.eta;
            for (int i = 0; i < param.length; i++) {
                v[i] = 0.9 * v[i] + eta * grad[i];
                param[i] = mistake.equals("sign") ? param[i] + v[i] : param[i] - v[i];
            }
        }

        @Override
        public void reset() {
            if (!mistake.equals("no-reset")) {
                state.clear();
                shared.clear();
            }
        }
    }

    private static String optimizerHint(String mistake) {
        ScalarFunction f = new Rosenbrock();
        return hint(() -> Check.optimizer("momentum", () -> new StudentMomentum(mistake), () -> new Momentum(0.01, 0.9),
                ScalarFunction.of(x -> 0.5 * x[0] * x[0] + 2 * x[1] * x[1], x -> new double[] {x[0], 4 * x[1]}),
                new double[] {-1.5, 1.0}, 20, 1e-9, Mistake.factor(100, "the learning rate η is missing")));
    }

    @Test
    void optimizerStateMistakesAreNamed() {
        assertDoesNotThrow(() -> Check.optimizer("momentum", () -> new StudentMomentum("none", 0.001),
                () -> new Momentum(0.001, 0.9), new Rosenbrock(), new double[] {-1.5, 1.0}, 30, 1e-9));
        contains(optimizerHint("forgets"), "the state (velocity, moments, step count) must be kept");
        contains(optimizerHint("shared"), "keep one state per parameter array");
        contains(optimizerHint("no-reset"), "reset() must clear all state");
        contains(optimizerHint("sign"), "the first step is wrong");
        contains(optimizerHint("sign"), "sign is flipped");
        contains(optimizerHint("no-eta"), "learning rate η is missing");
    }

    @Test
    void optimizerThatDoesNotUpdateInPlaceIsNamed() {
        Optimizer copyOnly = new Optimizer() {
            @Override
            public void update(double[] param, double[] grad) {
                param = param.clone();
                param[0] -= grad[0];
            }

            @Override
            public void reset() {
            }
        };
        contains(hint(() -> Check.optimizer("sgd", () -> copyOnly, () -> new Momentum(0.01, 0.0),
                new Rosenbrock(), new double[] {-1.5, 1.0}, 5, 1e-9)), "in place");
    }

    @Test
    void numericalGradientMatchesBackPropagation() {
        Sequential net = new Sequential()
                .add(new Dense(new DMatrixRMaj(new double[][] {{0.1, -0.2}, {0.3, 0.4}}), new DMatrixRMaj(1, 2)))
                .add(Activation.sigmoid())
                .add(new Dense(new DMatrixRMaj(new double[][] {{0.5, -0.6}, {0.7, 0.1}}),
                        new DMatrixRMaj(new double[][] {{0.05, -0.05}})));
        DMatrixRMaj x = new DMatrixRMaj(new double[][] {{1.0, 2.0}});
        int[] t = {1};
        DMatrixRMaj numeric = NumericalGradient.of(net, x, t, "W2");
        net.gradients(x, t);
        DMatrixRMaj analytic = net.params().stream().filter(p -> p.name().equals("W2")).findFirst().orElseThrow().grad();
        assertDoesNotThrow(() -> Check.close("dW2", numeric, analytic, 1e-7));
        assertThrows(IllegalArgumentException.class, () -> NumericalGradient.of(net, x, t, "W9"));
    }

    @Test
    void aBadToleranceIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Check.close("d", 1.0, 1.0, Double.NaN));
        contains(e.getMessage(), "check 'd': tolerance must be a finite number ≥ 0, got NaN");
        contains(assertThrows(IllegalArgumentException.class, () -> Check.close("v", new double[] {1}, new double[] {1}, -1e-6))
                .getMessage(), "got -1.0E-6");
        assertThrows(IllegalArgumentException.class, () -> Check.converges("c", GradientDescent.minimize(Examples.QUADRATIC, 0.0, 0.1, 30), 2, Double.NaN));
    }

    @Test
    void valuesThatDifferNeverPrintTheSame() {
        String m = hint(() -> Check.close("d", 1.0 + 3e-9, 1.0, 1e-12));
        assertTrue(!m.contains("expected 1.00000 but got 1.00000"), m);
        contains(m, "expected 1.000000000 but got 1.000000003");
    }

    @Test
    void aNumericalDerivativeIsNotExact() {
        java.util.function.DoubleUnaryOperator cube = x -> Math.pow(2 * x - 1, 3);
        Mistake numerical = Mistake.near(1e-5, "close but not exact: a numerical derivative?");
        assertDoesNotThrow(() -> Check.close("dCube", 6 * Math.pow(2 * 2.5 - 1, 2), 96.0, 1e-12, numerical));
        contains(hint(() -> Check.close("dCube", Derivatives.central(cube, 2.5), 96.0, 1e-12, numerical)), "numerical derivative?");
        contains(hint(() -> Check.close("dCube", Derivatives.central(cube, 2.5, 1e-6), 96.0, 1e-12, numerical)), "numerical derivative?");
    }

    @Test
    void perEntryFactorsAreRecognised() {
        double[] k = {2, 4, 8};
        contains(hint(() -> Check.close("db1", new double[] {2, 8, 24}, new double[] {1, 2, 3}, 1e-9,
                Mistake.factors(k, "σ′ is missing"))), "σ′ is missing");
    }

    @Test
    void learningRatesThatStopEarlyAreJudgedByTheirBehaviour() {
        for (double eta : new double[] {0.1, 0.4, 0.45, 0.5}) {
            assertDoesNotThrow(() -> Check.converges("c", GradientDescent.minimize(Examples.QUADRATIC, 0.0, eta, 30), 2, 1e-2));
        }
        for (double eta : new double[] {0.55, 0.6, 0.9, 1.0}) {
            assertDoesNotThrow(() -> Check.oscillates("o", GradientDescent.minimize(Examples.QUADRATIC, 0.0, eta, 30), 2));
        }
        for (double eta : new double[] {1.1, 1.3, 1.5, 2, 5, 10}) {
            assertDoesNotThrow(() -> Check.diverges("d", GradientDescent.minimize(Examples.QUADRATIC, 0.0, eta, 30), 2));
        }
        contains(hint(() -> Check.converges("c", GradientDescent.minimize(Examples.QUADRATIC, 0.0, 0.7, 30), 2, 1e-2)), "jumps past");
        contains(hint(() -> Check.converges("c", GradientDescent.minimize(Examples.QUADRATIC, 0.0, 0.01, 30), 2, 1e-2)), "take a larger η");
        contains(hint(() -> Check.oscillates("o", GradientDescent.minimize(Examples.QUADRATIC, 0.0, 0.5, 30), 2)), "take a larger η");
        contains(hint(() -> Check.oscillates("o", GradientDescent.minimize(Examples.QUADRATIC, 0.0, 1.2, 30), 2)), "take a smaller η");
        contains(hint(() -> Check.diverges("d", GradientDescent.minimize(Examples.QUADRATIC, 0.0, 0.5, 30), 2)), "take a larger η");
        contains(hint(() -> Check.diverges("d", GradientDescent.minimize(Examples.QUADRATIC, 0.0, 1.0, 30), 2)), "take a larger η");
    }

    @Test
    void callingTheLibraryInsteadOfOwnWorkIsNamed() {
        java.util.function.DoubleUnaryOperator f = Check.ownWork("central", Math::sin, Derivatives.class);
        assertDoesNotThrow(() -> (f.applyAsDouble(1.1) - f.applyAsDouble(0.9)) / 0.2);
        contains(hint(() -> Derivatives.central(f, 1.0, 0.1)), "calls the library's Derivatives.central");
        contains(hint(() -> Check.ownImplementation("m", new Object() {
            final Momentum inner = new Momentum(0.1, 0.9);
        }, Momentum.class)), "keeps a Momentum in field 'inner'");
        contains(hint(() -> Check.ownImplementation("m", new Object() {
            final Map<double[], Momentum> inner = new IdentityHashMap<>();
        }, Momentum.class)), "field 'inner'");
        assertDoesNotThrow(() -> Check.ownImplementation("m", new StudentMomentum("none"), Momentum.class));
        contains(hint(() -> Check.ownImplementation("m", new Momentum(0.1, 0.9), Momentum.class)), "is the library's Momentum");
    }

    /** Adam written by a student: "eps-in-root" or "no-bias-correction". */
    private static Optimizer studentAdam(String mistake) {
        return new Optimizer() {
            final Map<double[], double[][]> s = new IdentityHashMap<>();

            @Override
            public void update(double[] p, double[] g) {
                double[][] st = s.computeIfAbsent(p, q -> new double[][] {new double[q.length], new double[q.length], {0}});
                double t = ++st[2][0];
                for (int i = 0; i < p.length; i++) {
                    st[0][i] = 0.9 * st[0][i] + 0.1 * g[i];
                    st[1][i] = 0.999 * st[1][i] + 0.001 * g[i] * g[i];
                    boolean bias = !mistake.equals("no-bias-correction");
                    double m = bias ? st[0][i] / (1 - Math.pow(0.9, t)) : st[0][i];
                    double v = bias ? st[1][i] / (1 - Math.pow(0.999, t)) : st[1][i];
                    p[i] -= 0.3 * m / (mistake.equals("eps-in-root") ? Math.sqrt(v + 1e-8) : Math.sqrt(v) + 1e-8);
                }
            }

            @Override
            public void reset() {
                s.clear();
            }
        };
    }

    @Test
    void adamMistakesGetTheirHint() {
        Mistake noBias = Mistake.factor(0.1 / Math.sqrt(0.001), "the bias correction of m and v is missing");
        String eps = hint(() -> Check.optimizer("adam", () -> studentAdam("eps-in-root"), () -> new Adam(0.3, 0.9, 0.999),
                new ElongatedBowl(), new double[] {-7, 2}, 40, 1e-9, noBias));
        contains(eps, "differs slightly");
        contains(eps, "ε added inside instead of outside a square root");
        assertTrue(!eps.contains("state"), eps);
        contains(hint(() -> Check.optimizer("adam", () -> studentAdam("no-bias-correction"), () -> new Adam(0.3, 0.9, 0.999),
                new ElongatedBowl(), new double[] {-7, 2}, 40, 1e-9, noBias)), "bias correction of m and v is missing");
        assertDoesNotThrow(() -> Check.optimizer("adam", () -> studentAdam("none"), () -> new Adam(0.3, 0.9, 0.999),
                new ElongatedBowl(), new double[] {-7, 2}, 40, 1e-9, noBias));
    }
}
