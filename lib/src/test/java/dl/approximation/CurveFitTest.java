package dl.approximation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dl.activations.Activation;
import dl.init.Init;
import dl.layers.Dense;
import dl.network.Mlp;
import dl.network.Sequential;
import dl.optimizers.Adam;
import dl.optimizers.Sgd;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class CurveFitTest {

    private static double[] sine(double[] xs) {
        double[] ys = new double[xs.length];
        for (int i = 0; i < xs.length; i++) ys[i] = Math.sin(xs[i]);
        return ys;
    }

    @Test
    void moreHiddenUnitsFitBetter() {
        double[] xs = new double[60];
        for (int i = 0; i < xs.length; i++) xs[i] = -3 + 6.0 * i / (xs.length - 1);
        double[] ys = new double[xs.length];
        for (int i = 0; i < xs.length; i++) ys[i] = Math.sin(2 * xs[i]);
        double[] errors = new double[2];
        int[] hidden = {1, 16};
        for (int k = 0; k < 2; k++) {
            Sequential net = Mlp.of(1, hidden[k], 1).activation(Activation.tanh()).init(Init.xavier()).seed(4).build();
            CurveFit fit = CurveFit.fit(net, xs, ys, new Adam(0.02), 1500);
            errors[k] = fit.error(xs, ys);
            double[] losses = fit.losses();
            assertTrue(losses[losses.length - 1] < losses[0], "loss did not fall");
        }
        assertTrue(errors[0] > 0.1, "one tanh unit cannot follow two periods of a sine: " + errors[0]);
        assertTrue(errors[1] < 0.01, "16 units should fit sin(2x) on [−3, 3]: " + errors[1]);
    }

    /** One SGD step of the regression gradient against the hand formula for y = w x + b, L = (1/N) Σ (y − t)². */
    @Test
    void regressionGradientMatchesHandFormula() {
        Dense d = new Dense(new DMatrixRMaj(new double[][] {{0.5}}), new DMatrixRMaj(new double[][] {{0.0}}));
        Sequential net = new Sequential().add(d);
        double[] xs = {1, 2};
        double[] ts = {1, 3};
        // y = (0.5, 1.0); e = y − t = (−0.5, −2); L = (0.25 + 4)/2 = 2.125
        // ∂L/∂w = (2/N) Σ e x = (−0.5 − 4) = −4.5; ∂L/∂b = (2/N) Σ e = −2.5
        CurveFit fit = CurveFit.fit(net, xs, ts, new Sgd(0.1), 1);
        assertEquals(2.125, fit.losses()[0], 1e-12);
        assertEquals(0.5 + 0.45, d.weights().get(0, 0), 1e-12);
        assertEquals(0.25, d.bias().get(0, 0), 1e-12);
    }

    @Test
    void badInputNamesTheArgument() {
        Sequential net = Mlp.of(1, 2, 1).seed(1).build();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CurveFit.fit(net, new double[3], new double[2], new Sgd(0.1), 5))
                .getMessage().contains("xs has 3 values but ys has 2"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CurveFit.fit(net, new double[3], new double[3], new Sgd(0.1), 0))
                .getMessage().contains("iterations"));
        Sequential two = Mlp.of(2, 2, 1).seed(1).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CurveFit.fit(two, new double[3], new double[3], new Sgd(0.1), 1));
        assertTrue(e.getMessage().contains("3×1"), e.getMessage());
    }
}
