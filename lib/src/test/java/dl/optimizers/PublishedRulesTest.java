package dl.optimizers;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dl.calculus.ScalarFunction;
import dl.surfaces.ElongatedBowl;
import dl.surfaces.Rosenbrock;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

/**
 * Each optimizer against a straightforward re-implementation, written here, of the update rule as
 * published in the PyTorch documentation (torch.optim) and in Kingma &amp; Ba (2014), run side by side
 * for hundreds of steps. The re-implementations deliberately use the published arithmetic
 * (PyTorch's momentum buffer b with θ −= η·b, Adam's step size η/(1−β₁ᵗ) and denominator
 * √v/√(1−β₂ᵗ) + ε, …), not the library's.
 */
class PublishedRulesTest {
    private static final double REL = 1e-12;
    private static final ScalarFunction BOWL = new ElongatedBowl();
    private static final ScalarFunction ROSENBROCK = new Rosenbrock();
    /** A 3-D quadratic with a coupling term: f = x² + 3y² + 0.5z² + xy. */
    private static final ScalarFunction QUADRATIC_3D = ScalarFunction.of(
            p -> p[0] * p[0] + 3 * p[1] * p[1] + 0.5 * p[2] * p[2] + p[0] * p[1],
            p -> new double[] {2 * p[0] + p[1], 6 * p[1] + p[0], p[2]});

    /** Runs both for {@code steps} steps, each on its own copy, comparing after every step. */
    static void compare(Optimizer opt, BiConsumer<double[], double[]> reference, ScalarFunction f,
                        double[] start, int steps) {
        double[] a = start.clone();
        double[] b = start.clone();
        double scale = 0;
        for (double s : start) {
            scale = Math.max(scale, Math.abs(s));
        }
        for (int k = 1; k <= steps; k++) {
            opt.update(a, f.gradient(a));
            reference.accept(b, f.gradient(b));
            for (int i = 0; i < a.length; i++) {
                double tol = REL * Math.max(scale, Math.abs(b[i]));
                if (!(Math.abs(a[i] - b[i]) <= tol)) {
                    fail(opt + " step " + k + " coordinate " + i + ": library " + a[i] + " vs reference " + b[i]);
                }
            }
        }
        assertTrue(Double.isFinite(f.value(a)), "run stayed finite");
    }

    static BiConsumer<double[], double[]> torchSgd(double lr) {
        return (p, g) -> {
            for (int i = 0; i < p.length; i++) {
                p[i] += -lr * g[i];
            }
        };
    }

    /** torch.optim.SGD, dampening 0: b = g at step 1, then b = μb + g; g' = g + μb (nesterov) or b; θ −= η g'. */
    static BiConsumer<double[], double[]> torchSgdMomentum(double lr, double mu, boolean nesterov) {
        double[][] buf = {null};
        return (p, g) -> {
            if (buf[0] == null) {
                buf[0] = g.clone();
            } else {
                for (int i = 0; i < p.length; i++) {
                    buf[0][i] = buf[0][i] * mu + g[i];
                }
            }
            for (int i = 0; i < p.length; i++) {
                double d = nesterov ? g[i] + mu * buf[0][i] : buf[0][i];
                p[i] += -lr * d;
            }
        };
    }

    /** torch.optim.Adagrad (lr_decay 0): sum += g²; θ −= η·g/(√sum + ε). */
    static BiConsumer<double[], double[]> torchAdagrad(double lr, double eps) {
        double[][] sum = {null};
        return (p, g) -> {
            if (sum[0] == null) {
                sum[0] = new double[p.length];
            }
            for (int i = 0; i < p.length; i++) {
                sum[0][i] += g[i] * g[i];
                p[i] += -lr * g[i] / (Math.sqrt(sum[0][i]) + eps);
            }
        };
    }

    /** torch.optim.RMSprop (centered False, momentum 0): sq = α·sq + (1−α)g²; θ −= η·g/(√sq + ε). */
    static BiConsumer<double[], double[]> torchRmsprop(double lr, double alpha, double eps) {
        double[][] sq = {null};
        return (p, g) -> {
            if (sq[0] == null) {
                sq[0] = new double[p.length];
            }
            for (int i = 0; i < p.length; i++) {
                sq[0][i] = sq[0][i] * alpha + (1 - alpha) * g[i] * g[i];
                p[i] += -lr * g[i] / (Math.sqrt(sq[0][i]) + eps);
            }
        };
    }

    /**
     * torch.optim.Adam: m.lerp_(g, 1−β₁); v = β₂v + (1−β₂)g²; step = η/(1−β₁ᵗ);
     * denom = √v/√(1−β₂ᵗ) + ε; θ −= step·m/denom.
     */
    static BiConsumer<double[], double[]> torchAdam(double lr, double beta1, double beta2, double eps) {
        double[][] state = {null, null};
        int[] t = {0};
        return (p, g) -> {
            if (state[0] == null) {
                state[0] = new double[p.length];
                state[1] = new double[p.length];
            }
            t[0]++;
            double bc1 = 1 - Math.pow(beta1, t[0]);
            double bc2Sqrt = Math.sqrt(1 - Math.pow(beta2, t[0]));
            double stepSize = lr / bc1;
            for (int i = 0; i < p.length; i++) {
                state[0][i] += (g[i] - state[0][i]) * (1 - beta1);
                state[1][i] = state[1][i] * beta2 + (1 - beta2) * g[i] * g[i];
                double denom = Math.sqrt(state[1][i]) / bc2Sqrt + eps;
                p[i] += -stepSize * state[0][i] / denom;
            }
        };
    }

    @Test
    void sgdMatchesTorch() {
        compare(new Sgd(0.9), torchSgd(0.9), BOWL, new double[] {-7, 2}, 300);
        compare(new Sgd(1e-3), torchSgd(1e-3), ROSENBROCK, new double[] {-1.2, 1}, 500);
    }

    @Test
    void momentumMatchesTorchSgdWithMomentum() {
        compare(new Momentum(0.1, 0.9), torchSgdMomentum(0.1, 0.9, false), BOWL, new double[] {-7, 2}, 300);
        compare(new Momentum(0.05, 0.8), torchSgdMomentum(0.05, 0.8, false), QUADRATIC_3D, new double[] {3, -1, 2}, 300);
        compare(new Momentum(1e-4, 0.9), torchSgdMomentum(1e-4, 0.9, false), ROSENBROCK, new double[] {-1.2, 1}, 500);
    }

    @Test
    void nesterovMatchesTorchSgdWithNesterov() {
        compare(new Nesterov(0.1, 0.9), torchSgdMomentum(0.1, 0.9, true), BOWL, new double[] {-7, 2}, 300);
        compare(new Nesterov(0.05, 0.8), torchSgdMomentum(0.05, 0.8, true), QUADRATIC_3D, new double[] {3, -1, 2}, 300);
        compare(new Nesterov(1e-4, 0.9), torchSgdMomentum(1e-4, 0.9, true), ROSENBROCK, new double[] {-1.2, 1}, 500);
    }

    @Test
    void adaGradMatchesTorch() {
        compare(new AdaGrad(1.5), torchAdagrad(1.5, 1e-10), BOWL, new double[] {-7, 2}, 300);
        compare(new AdaGrad(0.1, 1e-7), torchAdagrad(0.1, 1e-7), ROSENBROCK, new double[] {-1.2, 1}, 500);
    }

    @Test
    void rmsPropMatchesTorch() {
        compare(new RmsProp(0.01), torchRmsprop(0.01, 0.99, 1e-8), BOWL, new double[] {-7, 2}, 300);
        compare(new RmsProp(1e-3, 0.9), torchRmsprop(1e-3, 0.9, 1e-8), ROSENBROCK, new double[] {-1.2, 1}, 500);
    }

    @Test
    void adamMatchesTorchAndKingmaBa() {
        compare(new Adam(0.3), torchAdam(0.3, 0.9, 0.999, 1e-8), BOWL, new double[] {-7, 2}, 300);
        compare(new Adam(0.05, 0.8, 0.99), torchAdam(0.05, 0.8, 0.99, 1e-8), QUADRATIC_3D, new double[] {3, -1, 2}, 300);
        compare(new Adam(1e-2), torchAdam(1e-2, 0.9, 0.999, 1e-8), ROSENBROCK, new double[] {-1.2, 1}, 500);
    }
}
