package dl.activations;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class ActivationTest {

    /** Every smooth activation's derivative agrees with a central difference away from kinks. */
    @Test
    void derivativesMatchCentralDifferences() {
        List<Activation> all = List.of(Activation.identity(), Activation.sigmoid(), Activation.tanh(),
                Activation.relu(), Activation.leakyRelu(), Activation.leakyRelu(0.1), Activation.elu(),
                Activation.elu(0.5), Activation.selu(), Activation.softplus(), Activation.mish());
        double[] xs = {-7.3, -2.1, -0.6, -0.05, 0.03, 0.4, 1.7, 5.2};
        double h = 1e-5;
        for (Activation f : all) {
            for (double x : xs) {
                double numeric = (f.value(x + h) - f.value(x - h)) / (2 * h);
                double analytic = f.derivative(x);
                assertEquals(numeric, analytic, 1e-8 * Math.max(1, Math.abs(analytic)), f + " at " + x);
            }
        }
    }

    @Test
    void knownValues() {
        assertEquals(0.5, Activation.sigmoid().value(0), 1e-15);
        assertEquals(0.25, Activation.sigmoid().derivative(0), 1e-15);
        assertEquals(1 / (1 + Math.exp(-2)), Activation.sigmoid().value(2), 1e-15);
        assertEquals(Math.tanh(0.3), Activation.tanh().value(0.3), 1e-15);
        assertEquals(0, Activation.relu().value(-3));
        assertEquals(3, Activation.relu().value(3));
        assertEquals(-0.02, Activation.leakyRelu().value(-2), 1e-15);
        assertEquals(-0.2, Activation.leakyRelu(0.1).value(-2), 1e-15);
        assertEquals(Math.exp(-1) - 1, Activation.elu().value(-1), 1e-15);
        assertEquals(1.0507009873554805, Activation.selu().value(1), 1e-15);
        assertEquals(1.0507009873554805 * 1.6732632423543772 * (Math.exp(-2) - 1), Activation.selu().value(-2), 1e-14);
        assertEquals(Math.log(2), Activation.softplus().value(0), 1e-15);
        assertEquals(0.6, Activation.mish().derivative(0), 1e-15); // tanh(ln 2) = 3/5
        assertEquals(Math.tanh(Math.log(1 + Math.E)), Activation.mish().value(1), 1e-15);
        assertEquals(1, Activation.step().value(0.1));
        assertEquals(0, Activation.step().value(-0.1));
        assertEquals(-1, Activation.sign().value(-4));
        assertEquals(0, Activation.step().derivative(2));
    }

    @Test
    void largeInputsStayFinite() {
        for (Activation f : List.of(Activation.sigmoid(), Activation.softplus(), Activation.mish(), Activation.elu(),
                Activation.selu(), Activation.tanh())) {
            for (double x : new double[] {-1000, 1000}) {
                assertTrue(Double.isFinite(f.value(x)), f + "(" + x + ")");
                assertTrue(Double.isFinite(f.derivative(x)), f + "'(" + x + ")");
            }
        }
        assertEquals(1000, Activation.softplus().value(1000), 1e-12);
        assertEquals(0, Activation.sigmoid().value(-1000));
    }

    @Test
    void vectorisedHelpersMatchScalar() {
        double[] xs = {-1, 0.5, 2};
        Activation f = Activation.elu();
        assertArrayEquals(new double[] {f.value(-1), f.value(0.5), f.value(2)}, f.values(xs));
        assertArrayEquals(new double[] {f.derivative(-1), f.derivative(0.5), f.derivative(2)}, f.derivatives(xs));
    }

    @Test
    void badHyperParametersAreNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Activation.elu(-1));
        assertTrue(e.getMessage().contains("alpha") && e.getMessage().contains("-1"), e.getMessage());
    }

    @Test
    void softmaxRowsSumToOneAndAreShiftInvariant() {
        DMatrixRMaj z = new DMatrixRMaj(new double[][] {{1, 2, 3}, {-1, 0, 4}});
        DMatrixRMaj y = Softmax.apply(z);
        for (int r = 0; r < 2; r++) {
            assertEquals(1, y.get(r, 0) + y.get(r, 1) + y.get(r, 2), 1e-15);
        }
        double s = Math.exp(1) + Math.exp(2) + Math.exp(3);
        assertEquals(Math.exp(3) / s, y.get(0, 2), 1e-15);
        double[] shifted = Softmax.apply(1001, 1002, 1003);
        assertArrayEquals(new double[] {y.get(0, 0), y.get(0, 1), y.get(0, 2)}, shifted, 1e-15);
    }

    @Test
    void softmaxIsStableAtLargeLogits() {
        double[] y = Softmax.apply(1000, -1000, 1000);
        assertArrayEquals(new double[] {0.5, 0, 0.5}, y, 1e-15);
    }
}
