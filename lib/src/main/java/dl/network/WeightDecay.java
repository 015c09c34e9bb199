package dl.network;

import dl.layers.Param;
import java.util.List;

/**
 * Weight decay (가중치 감소), a penalty on large weights added to the loss. It applies to weight
 * matrices only (parameters with {@link Param#decays()}), not to biases or batch-norm γ, β.
 *
 * <ul>
 *   <li>L2: penalty ½λ·Σ W², gradient λ·W (DLFS's form);</li>
 *   <li>L1: penalty λ·Σ |W|, gradient λ·sign(W).</li>
 * </ul>
 */
public final class WeightDecay {
    private enum Kind { NONE, L1, L2 }

    private static final WeightDecay NONE = new WeightDecay(Kind.NONE, 0);

    private final Kind kind;
    private final double lambda;

    private WeightDecay(Kind kind, double lambda) {
        this.kind = kind;
        this.lambda = lambda;
    }

    /** No penalty. */
    public static WeightDecay none() {
        return NONE;
    }

    /** L2 decay ½λΣW². */
    public static WeightDecay l2(double lambda) {
        return new WeightDecay(Kind.L2, check(lambda));
    }

    /** L1 decay λΣ|W|. */
    public static WeightDecay l1(double lambda) {
        return new WeightDecay(Kind.L1, check(lambda));
    }

    private static double check(double lambda) {
        if (!(lambda >= 0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException("weight decay lambda must be a finite number ≥ 0, got " + lambda);
        }
        return lambda;
    }

    public double lambda() {
        return lambda;
    }

    /** The penalty added to the loss for these parameters: ½λ·Σ W² (L2) or λ·Σ |W| (L1). */
    public double penalty(List<Param> params) {
        java.util.Objects.requireNonNull(params, "params");
        if (kind == Kind.NONE || lambda == 0) {
            return 0;
        }
        return kind == Kind.L2 ? 0.5 * lambda * sumOfSquares(params) : lambda * sum(params, Math::abs);
    }

    /** Σ W², the sum of the squared weights that decay (what L2 decay penalises), e.g. of {@code net.params()}. */
    public static double sumOfSquares(List<Param> params) {
        java.util.Objects.requireNonNull(params, "params");
        return sum(params, w -> w * w);
    }

    /** Σ f(w) over the entries of the parameters that decay. */
    private static double sum(List<Param> params, java.util.function.DoubleUnaryOperator f) {
        double s = 0;
        for (Param p : params) {
            if (p.decays()) {
                for (double w : p.value().data) {
                    s += f.applyAsDouble(w);
                }
            }
        }
        return s;
    }

    /** Adds the penalty's gradient (λW or λ·sign W) to each decaying parameter's gradient. */
    public void addGradient(List<Param> params) {
        java.util.Objects.requireNonNull(params, "params");
        if (kind == Kind.NONE || lambda == 0) {
            return;
        }
        for (Param p : params) {
            if (p.decays()) {
                double[] w = p.value().data;
                double[] g = p.grad().data;
                for (int i = 0; i < w.length; i++) {
                    g[i] += kind == Kind.L2 ? lambda * w[i] : lambda * Math.signum(w[i]);
                }
            }
        }
    }

    @Override
    public String toString() {
        return kind == Kind.NONE ? "none" : kind + "(λ=" + lambda + ")";
    }
}
