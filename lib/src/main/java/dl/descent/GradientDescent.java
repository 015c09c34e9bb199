package dl.descent;

import dl.calculus.Differentiable;
import dl.calculus.Norm;
import dl.calculus.ScalarFunction;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.DoubleUnaryOperator;

/**
 * Gradient descent (경사하강법): from a start x₀ repeat the update
 * <pre>  xₖ₊₁ = xₖ − η·∇f(xₖ)</pre>
 * with learning rate (학습률) η &gt; 0, recording the whole path.
 *
 * <p>A run stops when
 * <ul>
 *   <li>‖∇f(xₖ)‖ ≤ tolerance or ‖xₖ₊₁ − xₖ‖ ≤ tolerance (converged; with the default tolerance 0
 *       this only happens when the iterates can no longer move at all);</li>
 *   <li>maxIterations updates have been made (not converged);</li>
 *   <li>an iterate, value or gradient is NaN or infinite, or |xᵢ| or |f(x)| exceeds the divergence
 *       bound (default 1e12): diverged. The path then names the failing step, e.g.
 *       "diverged at step 7: x = 1.2E13 (|x| &gt; 1.0E12)", and stores only the finite iterates
 *       before it. There is never a silent NaN.</li>
 * </ul>
 *
 * <p>Quick use, like the slide: {@code GradientDescent.minimize(f, df, 4.0, 0.2, 10)}.
 * With options: {@code new GradientDescent(0.2, 1000).withTolerance(1e-8).run(f, df, 4.0)}.
 */
public final class GradientDescent {

    /** The default bound on |xᵢ| and |f(x)| beyond which a run counts as diverged. */
    public static final double DEFAULT_DIVERGENCE_BOUND = 1e12;

    private final double learningRate;
    private final int maxIterations;
    private final double tolerance;
    private final double divergenceBound;

    /**
     * Gradient descent with learning rate η and at most maxIterations updates, tolerance 0 and
     * divergence bound 1e12.
     */
    public GradientDescent(double learningRate, int maxIterations) {
        this(learningRate, maxIterations, 0.0, DEFAULT_DIVERGENCE_BOUND);
    }

    private GradientDescent(double learningRate, int maxIterations, double tolerance, double divergenceBound) {
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException("learningRate must be positive and finite, got " + learningRate);
        }
        if (maxIterations < 0) {
            throw new IllegalArgumentException("maxIterations must be ≥ 0, got " + maxIterations);
        }
        if (!(tolerance >= 0) || !Double.isFinite(tolerance)) {
            throw new IllegalArgumentException("tolerance must be ≥ 0 and finite, got " + tolerance);
        }
        if (!(divergenceBound > 0)) {
            throw new IllegalArgumentException(
                    "divergenceBound must be positive (or Double.POSITIVE_INFINITY), got " + divergenceBound);
        }
        this.learningRate = learningRate;
        this.maxIterations = maxIterations;
        this.tolerance = tolerance;
        this.divergenceBound = divergenceBound;
    }

    /** The same settings with convergence tolerance tol ≥ 0 on ‖∇f‖ and on the step length. */
    public GradientDescent withTolerance(double tol) {
        return new GradientDescent(learningRate, maxIterations, tol, divergenceBound);
    }

    /** The same settings with a different divergence bound (use +∞ to stop only on NaN/∞). */
    public GradientDescent withDivergenceBound(double bound) {
        return new GradientDescent(learningRate, maxIterations, tolerance, bound);
    }

    public double learningRate() {
        return learningRate;
    }

    public int maxIterations() {
        return maxIterations;
    }

    public double tolerance() {
        return tolerance;
    }

    public double divergenceBound() {
        return divergenceBound;
    }

    /** Up to {@code steps} updates xₖ₊₁ = xₖ − η·f'(xₖ) on a one-variable f with derivative df. */
    public static Path1D minimize(DoubleUnaryOperator f, DoubleUnaryOperator df, double x0,
                                  double learningRate, int steps) {
        return new GradientDescent(learningRate, steps).run(f, df, x0);
    }

    /** Up to {@code steps} updates xₖ₊₁ = xₖ − η·f'(xₖ), with f's analytic derivative. */
    public static Path1D minimize(Differentiable f, double x0, double learningRate, int steps) {
        return new GradientDescent(learningRate, steps).run(f, x0);
    }

    /** Up to {@code steps} updates xₖ₊₁ = xₖ − η·∇f(xₖ), with {@code f.gradient}. */
    public static PathND minimize(ScalarFunction f, double[] x0, double learningRate, int steps) {
        return new GradientDescent(learningRate, steps).run(f, x0);
    }

    /** Runs on a one-variable f with analytic derivative. */
    public Path1D run(Differentiable f, double x0) {
        Objects.requireNonNull(f, "f must not be null");
        return run(f::value, f::derivative, x0);
    }

    /** Runs on a one-variable f with derivative df. */
    public Path1D run(DoubleUnaryOperator f, DoubleUnaryOperator df, double x0) {
        Objects.requireNonNull(f, "f must not be null");
        Objects.requireNonNull(df, "derivative df must not be null");
        if (!Double.isFinite(x0)) {
            throw new IllegalArgumentException("x0 must be finite, got " + x0);
        }
        if (Math.abs(x0) > divergenceBound) {
            throw new IllegalArgumentException(
                    "x0 = " + x0 + " is already beyond the divergence bound " + divergenceBound);
        }
        double f0 = f.applyAsDouble(x0);
        double g0 = df.applyAsDouble(x0);
        if (!Double.isFinite(f0) || !Double.isFinite(g0)) {
            throw new IllegalArgumentException("the start must have a finite value and derivative, got f(x0) = "
                    + f0 + ", f'(x0) = " + g0 + " at x0 = " + x0);
        }
        List<double[]> rows = new ArrayList<>();   // {x, f(x), f'(x)}
        rows.add(new double[] {x0, f0, g0});
        Stop stop;
        double offending = Double.NaN;
        double x = x0;
        double g = g0;
        for (int k = 0; ; k++) {
            if (Math.abs(g) <= tolerance) {
                stop = Stop.smallGradient(k, "|f'(x)|", Math.abs(g), tolerance);
                break;
            }
            if (k == maxIterations) {
                stop = Stop.maxIterations(maxIterations, "|f'(x)|", Math.abs(g), tolerance);
                break;
            }
            int step = k + 1;
            double xNew = x - learningRate * g;   // the update x_{k+1} = x_k − η·f'(x_k)
            String problem = null;
            double fNew = Double.NaN;
            double gNew = Double.NaN;
            if (!Double.isFinite(xNew)) {
                problem = "x = " + xNew;
                offending = xNew;
            } else if (Math.abs(xNew) > divergenceBound) {
                problem = "x = " + xNew + " (|x| > " + divergenceBound + ")";
                offending = xNew;
            } else {
                fNew = f.applyAsDouble(xNew);
                if (!Double.isFinite(fNew)) {
                    problem = "f(x) = " + fNew + " at x = " + xNew;
                    offending = fNew;
                } else if (Math.abs(fNew) > divergenceBound) {
                    problem = "f(x) = " + fNew + " (|f(x)| > " + divergenceBound + ") at x = " + xNew;
                    offending = fNew;
                } else {
                    gNew = df.applyAsDouble(xNew);
                    if (!Double.isFinite(gNew)) {
                        problem = "f'(x) = " + gNew + " at x = " + xNew;
                        offending = gNew;
                    }
                }
            }
            if (problem != null) {
                stop = Stop.diverged(step, problem, offending);
                break;
            }
            rows.add(new double[] {xNew, fNew, gNew});
            double stepLength = Math.abs(xNew - x);
            x = xNew;
            g = gNew;
            if (stepLength <= tolerance) {
                stop = Stop.smallStep(step, "|x_" + step + " − x_" + k + "|", stepLength, tolerance);
                break;
            }
        }
        int n = rows.size();
        double[] xs = new double[n];
        double[] values = new double[n];
        double[] grads = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = rows.get(i)[0];
            values[i] = rows.get(i)[1];
            grads[i] = rows.get(i)[2];
        }
        return new Path1D(xs, values, grads, learningRate, stop);
    }

    /** Runs on f: ℝⁿ → ℝ using {@code f.gradient} (analytic when f provides it). */
    public PathND run(ScalarFunction f, double... x0) {
        Objects.requireNonNull(f, "f must not be null");
        Objects.requireNonNull(x0, "x0 must not be null");
        int n = x0.length;
        if (n == 0) {
            throw new IllegalArgumentException("x0 must have at least one coordinate");
        }
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(x0[i])) {
                throw new IllegalArgumentException("x0 must be finite, got x0[" + i + "] = " + x0[i]);
            }
            if (Math.abs(x0[i]) > divergenceBound) {
                throw new IllegalArgumentException("x0[" + i + "] = " + x0[i]
                        + " is already beyond the divergence bound " + divergenceBound);
            }
        }
        double[] x = x0.clone();
        double f0 = f.value(x.clone());
        double[] g = gradientOf(f, x);
        if (!Double.isFinite(f0) || firstNonFinite(g) >= 0) {
            throw new IllegalArgumentException("the start must have a finite value and gradient, got f(x0) = "
                    + f0 + ", ∇f(x0) = " + Arrays.toString(g) + " at x0 = " + Arrays.toString(x));
        }
        List<double[]> points = new ArrayList<>();
        List<double[]> grads = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        points.add(x);
        values.add(f0);
        grads.add(g);
        Stop stop;
        double offending = Double.NaN;
        for (int k = 0; ; k++) {
            double gradNorm = Norm.of(g);
            if (gradNorm <= tolerance) {
                stop = Stop.smallGradient(k, "‖∇f(x)‖", gradNorm, tolerance);
                break;
            }
            if (k == maxIterations) {
                stop = Stop.maxIterations(maxIterations, "‖∇f(x)‖", gradNorm, tolerance);
                break;
            }
            int step = k + 1;
            double[] xNew = new double[n];
            double[] delta = new double[n];
            for (int i = 0; i < n; i++) {
                xNew[i] = x[i] - learningRate * g[i];   // x_{k+1} = x_k − η·∇f(x_k)
                delta[i] = xNew[i] - x[i];
            }
            String problem = null;
            double fNew = Double.NaN;
            double[] gNew = null;
            int bad = firstNonFinite(xNew);
            if (bad >= 0) {
                problem = "x[" + bad + "] = " + xNew[bad] + " at x = " + Arrays.toString(xNew);
                offending = xNew[bad];
            } else if ((bad = firstBeyond(xNew, divergenceBound)) >= 0) {
                problem = "x[" + bad + "] = " + xNew[bad] + " (|x[" + bad + "]| > " + divergenceBound
                        + ") at x = " + Arrays.toString(xNew);
                offending = xNew[bad];
            } else {
                fNew = f.value(xNew.clone());
                if (!Double.isFinite(fNew)) {
                    problem = "f(x) = " + fNew + " at x = " + Arrays.toString(xNew);
                    offending = fNew;
                } else if (Math.abs(fNew) > divergenceBound) {
                    problem = "f(x) = " + fNew + " (|f(x)| > " + divergenceBound + ") at x = "
                            + Arrays.toString(xNew);
                    offending = fNew;
                } else {
                    gNew = gradientOf(f, xNew);
                    if ((bad = firstNonFinite(gNew)) >= 0) {
                        problem = "∇f(x)[" + bad + "] = " + gNew[bad] + " at x = " + Arrays.toString(xNew);
                        offending = gNew[bad];
                    }
                }
            }
            if (problem != null) {
                stop = Stop.diverged(step, problem, offending);
                break;
            }
            points.add(xNew);
            values.add(fNew);
            grads.add(gNew);
            x = xNew;
            g = gNew;
            double stepLength = Norm.of(delta);
            if (stepLength <= tolerance) {
                stop = Stop.smallStep(step, "‖x_" + step + " − x_" + k + "‖", stepLength, tolerance);
                break;
            }
        }
        double[] vs = values.stream().mapToDouble(Double::doubleValue).toArray();
        return new PathND(points.toArray(new double[0][]), vs, grads.toArray(new double[0][]),
                learningRate, stop);
    }

    @Override
    public String toString() {
        return "GradientDescent[learningRate = " + learningRate + ", maxIterations = " + maxIterations
                + ", tolerance = " + tolerance + ", divergenceBound = " + divergenceBound + "]";
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
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) {
                return i;
            }
        }
        return -1;
    }

    private static int firstBeyond(double[] v, double bound) {
        for (int i = 0; i < v.length; i++) {
            if (Math.abs(v[i]) > bound) {
                return i;
            }
        }
        return -1;
    }

    /** Labels "{symbol}₀", …, "{symbol}ₙ₋₁" for the n iterates of a path. */
    static List<String> labels(String symbol, int n) {
        List<String> out = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            out.add(symbol + subscript(k));
        }
        return out;
    }

    /** k, if it is one of the steps 0 … n−1 of a path with n iterates. */
    static int checkStepIndex(int k, int n) {
        if (k < 0 || k >= n) {
            throw new IndexOutOfBoundsException("step " + k + " is not on the path (it has steps 0.." + (n - 1) + ")");
        }
        return k;
    }

    /** k written with Unicode subscript digits, e.g. 12 → "₁₂". */
    private static String subscript(int k) {
        String digits = Integer.toString(k);
        StringBuilder sb = new StringBuilder(digits.length());
        for (char c : digits.toCharArray()) {
            sb.append(c == '-' ? '₋' : (char) ('₀' + (c - '0')));
        }
        return sb.toString();
    }
}
