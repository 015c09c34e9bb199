package dl.optimizers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class OptimizerStateTest {

    static final List<Supplier<Optimizer>> STATEFUL = List.of(
            () -> new Momentum(0.1), () -> new Nesterov(0.1), () -> new AdaGrad(0.1),
            () -> new RmsProp(0.1), () -> new Adam(0.1));

    @Test
    void adaptiveMethodsGiveEachElementItsOwnEffectiveStep() {
        // Gradients (10, 0.1) every step: SGD moves element 0 a hundred times further than element 1;
        // AdaGrad / RMSProp / Adam scale by each element's own history, so both move (nearly) alike.
        for (Optimizer opt : List.of(new AdaGrad(0.1), new RmsProp(0.1), new Adam(0.1))) {
            double[] p = {0, 0};
            for (int k = 0; k < 5; k++) {
                opt.update(p, new double[] {10, 0.1});
            }
            assertEquals(p[0], p[1], 1e-5 * Math.abs(p[0]), opt.toString()); // ε makes the small-gradient element lag slightly
            assertTrue(p[0] < -0.1, opt.toString());
        }
        // Different histories → different effective steps for the same current gradient.
        for (Optimizer opt : List.of(new AdaGrad(0.1), new RmsProp(0.1), new Adam(0.1))) {
            double[] p = {0, 0};
            opt.update(p, new double[] {10, 0.1});
            double[] before = p.clone();
            opt.update(p, new double[] {1, 1});
            double step0 = before[0] - p[0];
            double step1 = before[1] - p[1];
            assertTrue(step1 > 1.05 * step0, opt + ": element with small past gradients must step further, got "
                    + step0 + " vs " + step1);
        }
    }

    @Test
    void twoArraysDoNotShareState() {
        for (Supplier<Optimizer> make : STATEFUL) {
            Optimizer shared = make.get();
            double[] a = {1, 2};
            double[] b = {1, 2};
            shared.update(a, new double[] {0.5, -0.5});
            shared.update(a, new double[] {0.5, -0.5});
            shared.update(b, new double[] {0.5, -0.5});
            // b's first update must equal a first update from a fresh optimizer.
            Optimizer fresh = make.get();
            double[] c = {1, 2};
            fresh.update(c, new double[] {0.5, -0.5});
            assertArrayEquals(c, b, 0, shared.toString());
            assertNotEquals(a[0], b[0], shared.toString());
            // Equal contents, different identity: state is keyed by the array, not its values.
            double[] d = c.clone();
            fresh.update(d, new double[] {0.5, -0.5});
            Optimizer fresh2 = make.get();
            double[] e = {1, 2};
            fresh2.update(e, new double[] {0.5, -0.5});
            fresh2.update(e, new double[] {0.5, -0.5});
            assertNotEquals(e[0], d[0], shared.toString());
        }
    }

    @Test
    void resetForgetsState() {
        for (Supplier<Optimizer> make : STATEFUL) {
            Optimizer opt = make.get();
            double[] a = {1, 2};
            opt.update(a, new double[] {0.5, -0.5});
            opt.update(a, new double[] {0.5, -0.5});
            opt.reset();
            double[] afterReset = {1, 2};
            // Same array again after reset: behaves like the first step.
            a[0] = 1;
            a[1] = 2;
            opt.update(a, new double[] {0.5, -0.5});
            make.get().update(afterReset, new double[] {0.5, -0.5});
            assertArrayEquals(afterReset, a, 0, opt.toString());
        }
    }

    @Test
    void toStringShowsHyperParameters() {
        assertEquals("SGD(lr=0.95)", new Sgd(0.95).toString());
        assertEquals("Momentum(lr=0.1, momentum=0.9)", new Momentum(0.1).toString());
        assertEquals("Nesterov(lr=0.1, momentum=0.8)", new Nesterov(0.1, 0.8).toString());
        assertEquals("AdaGrad(lr=1.5, eps=1.0E-10)", new AdaGrad(1.5).toString());
        assertEquals("RMSProp(lr=0.01, rho=0.99, eps=1.0E-8)", new RmsProp(0.01).toString());
        assertEquals("Adam(lr=0.001, beta1=0.9, beta2=0.999, eps=1.0E-8)", new Adam(0.001).toString());
        assertEquals("Adam(lr=0.3, beta1=0.9, beta2=0.999, eps=1.0E-8, eps inside root)",
                new Adam(0.3, 0.9, 0.999, 1e-8, EpsilonPlacement.INSIDE_ROOT).toString());
    }

    static void assertRejected(String expectedMessage, Executable make) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, make);
        assertEquals(expectedMessage, e.getMessage());
    }

    @Test
    void badHyperParametersAreRejectedByName() {
        assertRejected("learning rate must be a positive finite number, got 0.0", () -> new Sgd(0));
        assertRejected("learning rate must be a positive finite number, got -0.1", () -> new Adam(-0.1));
        assertRejected("learning rate must be a positive finite number, got NaN", () -> new Momentum(Double.NaN));
        assertRejected("learning rate must be a positive finite number, got Infinity",
                () -> new RmsProp(Double.POSITIVE_INFINITY));
        assertRejected("momentum must be in [0, 1), got 1.0", () -> new Momentum(0.1, 1));
        assertRejected("momentum must be in [0, 1), got -0.5", () -> new Nesterov(0.1, -0.5));
        assertRejected("momentum must be in [0, 1), got 1.2", () -> new NesterovLookahead(0.1, 1.2));
        assertRejected("rho must be in [0, 1), got 1.0", () -> new RmsProp(0.1, 1.0));
        assertRejected("beta1 must be in [0, 1), got 1.0", () -> new Adam(0.1, 1.0, 0.999));
        assertRejected("beta2 must be in [0, 1), got NaN", () -> new Adam(0.1, 0.9, Double.NaN));
        assertRejected("epsilon must be a positive finite number, got 0.0", () -> new AdaGrad(0.1, 0));
        assertRejected("epsilon must be a positive finite number, got -1.0E-8", () -> new Adam(0.1, 0.9, 0.999, -1e-8));
        assertRejected("parameter has 2 values but gradient has 3", () -> new Adam(0.1).update(new double[2], new double[3]));
        assertRejected("unknown optimizer 'adamw'; known: [sgd, momentum, nesterov, adagrad, rmsprop, adam]",
                () -> Optimizers.byName("adamw", 0.1));
    }

    @Test
    void byNameBuildsEachOptimizerAtDefaults() {
        assertEquals(new Adam(0.3).toString(), Optimizers.byName("Adam", 0.3).toString());
        for (String name : Optimizers.NAMES) {
            Optimizer opt = Optimizers.byName(name, 0.05);
            assertTrue(opt.toString().toLowerCase().startsWith(name), opt.toString());
            assertTrue(opt.toString().contains("lr=0.05"), opt.toString());
        }
    }
}
