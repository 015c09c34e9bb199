package dl.descent;

import dl.checks.Finite;
import dl.calculus.Differentiable;
import dl.calculus.Norm;
import dl.calculus.ScalarFunction;
import dl.optimizers.Optimizer;
import dl.optimizers.Sgd;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.DoubleUnaryOperator;

/**
 * Gradient descent (경사하강법): from a start x₀ repeat the update
 * <pre>  xₖ₊₁ = xₖ − η·∇f(xₖ)</pre>
 * with learning rate (학습률) η &gt; 0, recording the whole {@link Path}. A function of one variable
 * is the case n = 1 (∇f = f'). Any other update rule runs the same way: {@code new GradientDescent(new
 * Momentum(0.1, 0.9), 30)} replaces xₖ − η·∇f(xₖ) by the optimizer's step θ ← θ − Δ(∇θ).
 *
 * <p>A run makes maxIterations updates and stops early only
 * <ul>
 *   <li>when a tolerance is set ({@link #withTolerance}) and ‖∇f(xₖ)‖ ≤ tolerance or
 *       ‖xₖ₊₁ − xₖ‖ ≤ tolerance (converged);</li>
 *   <li>when it diverges: an iterate, value or gradient is NaN or infinite, or |xᵢ| or |f(x)| exceeds
 *       the divergence bound (default 1e12). The path then carries a {@link Divergence} naming the
 *       failing step, e.g. "diverged at step 7: x = 1.2E13 (|x| &gt; 1.0E12)", and stores only the
 *       finite iterates before it. There is never a silent NaN.</li>
 * </ul>
 *
 * <p>Quick use, like the slide: {@code GradientDescent.minimize(f, df, 4.0, 0.2, 10)}; with an
 * optimizer: {@code GradientDescent.run(new Adam(0.3), f, start, 30)}. With options:
 * {@code new GradientDescent(0.2, 1000).withTolerance(1e-8).run(f, 4.0)}.
 */
public final class GradientDescent {

    /** The default bound on |xᵢ| and |f(x)| beyond which a run counts as diverged. */
    public static final double DEFAULT_DIVERGENCE_BOUND = 1e12;

    private final Optimizer optimizer;
    private final double learningRate;   // η of plain gradient descent, NaN for another optimizer
    private final int maxIterations;
    private final double tolerance;      // NaN: no tolerance, run all maxIterations steps
    private final double divergenceBound;

    /** Gradient descent xₖ₊₁ = xₖ − η·∇f(xₖ) with at most maxIterations updates, no tolerance, bound 1e12. */
    public GradientDescent(double learningRate, int maxIterations) {
        this(learningRate, maxIterations, Double.NaN, DEFAULT_DIVERGENCE_BOUND, null);
    }

    /** The optimizer's update rule instead of xₖ − η·∇f(xₖ), at most maxIterations updates. */
    public GradientDescent(Optimizer optimizer, int maxIterations) {
        this(Double.NaN, maxIterations, Double.NaN, DEFAULT_DIVERGENCE_BOUND,
                Objects.requireNonNull(optimizer, "optimizer must not be null"));
    }

    private GradientDescent(double learningRate, int maxIterations, double tolerance, double divergenceBound,
                            Optimizer optimizer) {
        if (maxIterations < 0) {
            throw new IllegalArgumentException("maxIterations must be ≥ 0, got " + maxIterations);
        }
        if (!Double.isNaN(tolerance) && (!(tolerance >= 0) || !Double.isFinite(tolerance))) {
            throw new IllegalArgumentException("tolerance must be ≥ 0 and finite, got " + tolerance);
        }
        if (!(divergenceBound > 0)) {
            throw new IllegalArgumentException(
                    "divergenceBound must be positive (or Double.POSITIVE_INFINITY), got " + divergenceBound);
        }
        this.optimizer = optimizer != null ? optimizer : new Sgd(learningRate);   // Sgd checks η
        this.learningRate = learningRate;
        this.maxIterations = maxIterations;
        this.tolerance = tolerance;
        this.divergenceBound = divergenceBound;
    }

    /** The same settings, stopping early once ‖∇f‖ ≤ tol or the step length ≤ tol (tol ≥ 0). */
    public GradientDescent withTolerance(double tol) {
        if (Double.isNaN(tol)) {
            throw new IllegalArgumentException("tolerance must be ≥ 0 and finite, got NaN");
        }
        return new GradientDescent(learningRate, maxIterations, tol, divergenceBound, optimizer);
    }

    /** The same settings with a different divergence bound (use +∞ to stop only on NaN/∞). */
    public GradientDescent withDivergenceBound(double bound) {
        return new GradientDescent(learningRate, maxIterations, tolerance, bound, optimizer);
    }

    /** η of plain gradient descent; NaN when another optimizer makes the steps. */
    public double learningRate() {
        return learningRate;
    }

    public int maxIterations() {
        return maxIterations;
    }

    /** The convergence tolerance; NaN if none is set (the run makes all maxIterations steps). */
    public double tolerance() {
        return tolerance;
    }

    public double divergenceBound() {
        return divergenceBound;
    }

    /** Up to {@code steps} updates xₖ₊₁ = xₖ − η·f'(xₖ) on a one-variable f with derivative df. */
    public static Path minimize(DoubleUnaryOperator f, DoubleUnaryOperator df, double x0,
                                double learningRate, int steps) {
        return new GradientDescent(learningRate, steps).run(f, df, x0);
    }

    /** Up to {@code steps} updates xₖ₊₁ = xₖ − η·f'(xₖ), with f's analytic derivative. */
    public static Path minimize(Differentiable f, double x0, double learningRate, int steps) {
        return new GradientDescent(learningRate, steps).run(f, x0);
    }

    /** Up to {@code steps} updates xₖ₊₁ = xₖ − η·∇f(xₖ), with {@code f.gradient}. */
    public static Path minimize(ScalarFunction f, double[] x0, double learningRate, int steps) {
        return new GradientDescent(learningRate, steps).run(f, x0);
    }

    /** Up to {@code steps} updates of the optimizer from {@code start} (its state is reset first). */
    public static Path run(Optimizer optimizer, ScalarFunction f, double[] start, int steps) {
        return new GradientDescent(optimizer, steps).run(f, start);
    }

    /** Runs on a one-variable f with analytic derivative. */
    public Path run(Differentiable f, double x0) {
        Objects.requireNonNull(f, "f must not be null");
        return run(f::value, f::derivative, x0);
    }

    /** Runs on a one-variable f with derivative df: the case n = 1. */
    public Path run(DoubleUnaryOperator f, DoubleUnaryOperator df, double x0) {
        Objects.requireNonNull(f, "f must not be null");
        Objects.requireNonNull(df, "derivative df must not be null");
        return run(ScalarFunction.of(x -> f.applyAsDouble(x[0]), x -> new double[] {df.applyAsDouble(x[0])}), x0);
    }

    /**
     * Runs on f: ℝⁿ → ℝ using {@code f.gradient} (analytic when f provides it). The optimizer's
     * state is reset first, so every run starts from rest.
     */
    public Path run(ScalarFunction f, double... x0) {
        Objects.requireNonNull(f, "f must not be null");
        Objects.requireNonNull(x0, "x0 must not be null");
        int n = x0.length;
        if (n == 0) {
            throw new IllegalArgumentException("x0 must have at least one coordinate");
        }
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(x0[i])) {
                throw new IllegalArgumentException("x0 must be finite, got " + name("x0", i, n) + " = " + x0[i]);
            }
            if (Math.abs(x0[i]) > divergenceBound) {
                throw new IllegalArgumentException(name("x0", i, n) + " = " + x0[i]
                        + " is already beyond the divergence bound " + divergenceBound);
            }
        }
        String gradName = n == 1 ? "f'(x)" : "∇f(x)";
        String normName = n == 1 ? "|f'(x)|" : "‖∇f(x)‖";
        double[] x = x0.clone();                 // the optimizer updates this array in place
        double f0 = f.value(x.clone());
        double[] g = gradientOf(f, x);
        if (!Double.isFinite(f0) || firstNonFinite(g) >= 0) {
            throw new IllegalArgumentException("the start must have a finite value and " + (n == 1 ? "derivative" : "gradient")
                    + ", got f(x0) = " + f0 + ", " + gradName.replace("(x)", "(x0)") + " = " + Path.pointText(g)
                    + " at x0 = " + Path.pointText(x));
        }
        optimizer.reset();
        List<double[]> points = new ArrayList<>();
        List<double[]> grads = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        points.add(x.clone());
        values.add(f0);
        grads.add(g);
        boolean useTolerance = !Double.isNaN(tolerance);
        Stop stop;
        for (int k = 0; ; k++) {
            double gradNorm = Norm.of(g);
            if (useTolerance && gradNorm <= tolerance) {
                stop = Stop.smallGradient(k, normName, gradNorm, tolerance);
                break;
            }
            if (k == maxIterations) {
                stop = Stop.maxIterations(maxIterations, normName, gradNorm, tolerance);
                break;
            }
            int step = k + 1;
            double[] before = x.clone();
            optimizer.update(x, g);               // x_{k+1} = x_k − η·∇f(x_k), or the optimizer's step
            double[] xNew = x.clone();
            String at = " at x = " + Path.pointText(xNew);
            Divergence problem = null;
            double fNew = Double.NaN;
            double[] gNew = null;
            int bad = firstNonFinite(xNew);
            if (bad >= 0) {
                problem = new Divergence(step, name("x", bad, n), xNew[bad], n == 1 ? "" : at);
            } else if ((bad = firstBeyond(xNew, divergenceBound)) >= 0) {
                String q = name("x", bad, n);
                problem = new Divergence(step, q, xNew[bad], " (|" + q + "| > " + divergenceBound + ")" + (n == 1 ? "" : at));
            } else {
                fNew = f.value(xNew.clone());
                if (!Double.isFinite(fNew)) {
                    problem = new Divergence(step, "f(x)", fNew, at);
                } else if (Math.abs(fNew) > divergenceBound) {
                    problem = new Divergence(step, "f(x)", fNew, " (|f(x)| > " + divergenceBound + ")" + at);
                } else {
                    gNew = gradientOf(f, xNew);
                    if ((bad = firstNonFinite(gNew)) >= 0) {
                        problem = new Divergence(step, n == 1 ? gradName : gradName + "[" + bad + "]", gNew[bad], at);
                    }
                }
            }
            if (problem != null) {
                stop = Stop.diverged(problem);
                break;
            }
            points.add(xNew);
            values.add(fNew);
            grads.add(gNew);
            g = gNew;
            double[] delta = new double[n];
            for (int i = 0; i < n; i++) {
                delta[i] = xNew[i] - before[i];
            }
            double stepLength = Norm.of(delta);
            if (useTolerance && stepLength <= tolerance) {
                String norm = n == 1 ? "|" : "‖";
                stop = Stop.smallStep(step, norm + "x_" + step + " − x_" + k + norm, stepLength, tolerance);
                break;
            }
        }
        double[] vs = values.stream().mapToDouble(Double::doubleValue).toArray();
        return new Path(points.toArray(new double[0][]), vs, grads.toArray(new double[0][]), method(),
                learningRate, stop);
    }

    /** "gradient descent, η = 0.1" or the optimizer's own description. */
    private String method() {
        return Double.isNaN(learningRate) ? optimizer.toString() : "gradient descent, η = " + learningRate;
    }

    @Override
    public String toString() {
        return "GradientDescent[" + method() + ", maxIterations = " + maxIterations
                + ", tolerance = " + (Double.isNaN(tolerance) ? "none" : tolerance)
                + ", divergenceBound = " + divergenceBound + "]";
    }

    /** "x" in 1-D, "x[i]" otherwise. */
    private static String name(String symbol, int i, int n) {
        return n == 1 ? symbol : symbol + "[" + i + "]";
    }

    private static double[] gradientOf(ScalarFunction f, double[] x) {
        double[] g = f.gradient(x.clone());
        if (g == null || g.length != x.length) {
            throw new IllegalArgumentException("f.gradient returned " + (g == null ? "null" : g.length + " components")
                    + " but x has " + x.length + " coordinates");
        }
        return g.clone();
    }

    private static int firstNonFinite(double[] v) {
        return Finite.firstNonFinite(v, v.length);
    }

    private static int firstBeyond(double[] v, double bound) {
        for (int i = 0; i < v.length; i++) {
            if (Math.abs(v[i]) > bound) {
                return i;
            }
        }
        return -1;
    }
}
