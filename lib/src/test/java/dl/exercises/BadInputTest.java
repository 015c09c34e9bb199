package dl.exercises;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dl.init.Init;
import dl.layers.Dense;
import dl.network.Sequential;
import dl.optimizers.Sgd;
import dl.surfaces.ElongatedBowl;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Issue 29: a null argument of a check cell is named (with the check), never a bare NullPointerException. */
class BadInputTest {
    private static void named(Executable call, String... parts) {
        NullPointerException e = assertThrows(NullPointerException.class, call);
        for (String p : parts) {
            assertTrue(e.getMessage() != null && e.getMessage().contains(p), "expected '" + p + "' in: " + e.getMessage());
        }
    }

    @Test
    void checkNamesTheCheckAndTheNullArgument() {
        DMatrixRMaj m = new DMatrixRMaj(2, 2);
        named(() -> Check.close("v", new double[] {1}, (double[]) null, 1e-6), "check 'v'", "expected is null");
        named(() -> Check.close("m", m, (DMatrixRMaj) null, 1e-6), "check 'm'", "expected is null");
        named(() -> Check.close("rows", new double[][] {{1}}, (DMatrixRMaj) null, 1e-6), "check 'rows'", "expected is null");
        named(() -> Check.close("s", 1.0, 2.0, 1e-6, (Mistake[]) null), "check 's'", "known", "pass none rather than null");
        named(() -> Check.close("s", 1.0, 2.0, 1e-6, Mistake.factor(3, "x3"), null), "check 's'", "known[1] is null");
        named(() -> Check.close(null, 1.0, 1.0, 1e-6), "a check needs a name", "name is null");
        named(() -> Check.that(null, true, "h"), "name is null");
        named(() -> Check.that("t", true, null), "check 't'", "hint is null");
        named(() -> Check.shape(null, m, 2, 2), "name is null");
        named(() -> Check.diverges(null, null, 0), "name is null");
        named(() -> Check.ownWork("own", null), "check 'own'", "f is null");
        named(() -> Check.ownWork("own", x -> x, (Class<?>[]) null), "check 'own'", "library");
        named(() -> Check.ownImplementation("impl", "x", String.class, null), "check 'impl'", "library[1] is null");
        ElongatedBowl bowl = new ElongatedBowl();
        named(() -> Check.optimizer("opt", null, () -> new Sgd(0.1), bowl, new double[] {1, 1}, 3, 1e-9),
                "check 'opt'", "yours");
        named(() -> Check.optimizer("opt", () -> new Sgd(0.1), null, bowl, new double[] {1, 1}, 3, 1e-9),
                "check 'opt'", "reference is null");
        named(() -> Check.optimizer("opt", () -> new Sgd(0.1), () -> new Sgd(0.1), null, new double[] {1, 1}, 3, 1e-9),
                "check 'opt'", "f is null");
        named(() -> Check.optimizer("opt", () -> new Sgd(0.1), () -> new Sgd(0.1), bowl, null, 3, 1e-9),
                "check 'opt'", "start is null");
        // a null answer stays the student's: a hint, not an exception about the check
        assertThrows(AssertionError.class, () -> Check.close("v", (double[]) null, new double[] {1}, 1e-6));
    }

    @Test
    void mistakeNamesItsNullArgument() {
        named(() -> Mistake.factors(null, "h"), "Mistake.factors", "k");
        named(() -> Mistake.value((double[]) null, "h"), "Mistake.value", "wrong");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Mistake.factor(2, null));
        assertTrue(e.getMessage().contains("hint is null"), e.getMessage());
    }

    @Test
    void numericalGradientNamesItsNullArgument() {
        Sequential net = new Sequential().add(new Dense(2, 2, Init.xavier(), 1));
        DMatrixRMaj x = new DMatrixRMaj(2, 2);
        int[] labels = {0, 1};
        named(() -> NumericalGradient.of(null, x, labels, "W1"), "NumericalGradient.of", "net is null");
        named(() -> NumericalGradient.of(net, null, labels, "W1"), "x is null");
        named(() -> NumericalGradient.of(net, x, null, "W1"), "labels is null");
        named(() -> NumericalGradient.of(net, x, labels, null), "param", "is null", "\"W1\"");
    }
}
