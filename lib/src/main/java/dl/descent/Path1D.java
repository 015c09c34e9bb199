package dl.descent;

/**
 * The path of one-variable gradient descent: iterates x₀, x₁, …, xₖ with their values f(xᵢ) and
 * derivatives f'(xᵢ), and why the run stopped. Every stored number is finite: when a run
 * diverges, the offending iterate is named in {@link #stopMessage()} but not stored.
 */
public final class Path1D {

    private final double[] xs;
    private final double[] values;
    private final double[] gradients;
    private final double learningRate;
    private final Stop stop;

    Path1D(double[] xs, double[] values, double[] gradients, double learningRate, Stop stop) {
        this.xs = xs;
        this.values = values;
        this.gradients = gradients;
        this.learningRate = learningRate;
        this.stop = stop;
    }

    /** The iterates x₀, x₁, …, xₖ (a copy). */
    public double[] xs() {
        return xs.clone();
    }

    /** The values f(x₀), …, f(xₖ) (a copy). */
    public double[] values() {
        return values.clone();
    }

    /** The derivatives f'(x₀), …, f'(xₖ) (a copy). */
    public double[] gradients() {
        return gradients.clone();
    }

    /** The iterate xₖ. */
    public double x(int k) {
        return xs[checkIndex(k)];
    }

    /** The value f(xₖ). */
    public double value(int k) {
        return values[checkIndex(k)];
    }

    /** The derivative f'(xₖ). */
    public double gradient(int k) {
        return gradients[checkIndex(k)];
    }

    /** Labels "x₀", "x₁", …, one per iterate, for drawing the path with labelled points. */
    public java.util.List<String> labels() {
        return labels("x");
    }

    /** Labels "{symbol}₀", "{symbol}₁", …, one per iterate (e.g. symbol "w" gives w₀, w₁, …). */
    public java.util.List<String> labels(String symbol) {
        return GradientDescent.labels(symbol, xs.length);
    }

    /** The number of updates made (the path has steps() + 1 points). */
    public int steps() {
        return xs.length - 1;
    }

    /** The last stored iterate. */
    public double last() {
        return xs[xs.length - 1];
    }

    /** f at the last stored iterate. */
    public double lastValue() {
        return values[values.length - 1];
    }

    /** f' at the last stored iterate. */
    public double lastGradient() {
        return gradients[gradients.length - 1];
    }

    /** The learning rate η used. */
    public double learningRate() {
        return learningRate;
    }

    /** Why the run stopped. */
    public StopReason stopReason() {
        return stop.reason();
    }

    /** The step at which the run stopped (for {@link StopReason#DIVERGED}: the step that failed). */
    public int stopStep() {
        return stop.step();
    }

    /** A sentence saying why and at which step the run stopped. */
    public String stopMessage() {
        return stop.message();
    }

    /** True if the run stopped by the tolerance. */
    public boolean converged() {
        return stop.converged();
    }

    /** True if the run diverged. */
    public boolean diverged() {
        return stop.diverged();
    }

    /**
     * This path, if the run converged.
     *
     * @throws DivergenceException   if it diverged (the message names the step and value)
     * @throws IllegalStateException if it used up maxIterations without converging
     */
    public Path1D requireConverged() {
        stop.requireConverged();
        return this;
    }

    /** This path, unless the run diverged, in which case a {@link DivergenceException} is thrown. */
    public Path1D requireNotDiverged() {
        stop.requireNotDiverged();
        return this;
    }

    /**
     * The path as a Tablesaw table (표), one row per iterate: step k, xₖ, f(xₖ), f'(xₖ).
     * The table's name holds η; {@link #stopMessage()} says why the run stopped.
     */
    public tech.tablesaw.api.Table table() {
        int[] step = new int[xs.length];
        for (int k = 0; k < step.length; k++) step[k] = k;
        return tech.tablesaw.api.Table.create("gradient descent, η = " + learningRate,
                tech.tablesaw.api.IntColumn.create("k", step),
                tech.tablesaw.api.DoubleColumn.create("x_k", xs),
                tech.tablesaw.api.DoubleColumn.create("f(x_k)", values),
                tech.tablesaw.api.DoubleColumn.create("f'(x_k)", gradients));
    }

    /** A plain-text report k, xₖ, f(xₖ), f'(xₖ) (every digit) followed by the stop message. */
    public String report() {
        StringBuilder sb = new StringBuilder(String.format("%4s  %-22s %-22s %-22s%n", "k", "x_k", "f(x_k)", "f'(x_k)"));
        for (int k = 0; k < xs.length; k++) {
            sb.append(String.format("%4d  %-22s %-22s %-22s%n", k, xs[k], values[k], gradients[k]));
        }
        return sb.append(stop.message()).toString();
    }

    @Override
    public String toString() {
        return "Path1D[η = " + learningRate + ", " + steps() + " steps, last x = " + last()
                + ", f = " + lastValue() + "; " + stop.message() + "]";
    }

    private int checkIndex(int k) {
        return GradientDescent.checkStepIndex(k, xs.length);
    }
}
