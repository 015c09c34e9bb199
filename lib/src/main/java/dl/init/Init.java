package dl.init;

import dl.checks.Checks;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;

/**
 * Weight initialization (가중치 초기화): W = std · N(0, 1) with a standard deviation that depends on
 * the layer's fan-in n_in and fan-out n_out; biases start at zero.
 *
 * <ul>
 *   <li>{@link #normal(double)}: a fixed std (DLFS's 0.01, or 1);</li>
 *   <li>{@link #xavier()}: std = √(1/n_in), what DLFS calls "Xavier" (good for sigmoid/tanh);</li>
 *   <li>{@link #glorot()}: std = √(2/(n_in + n_out)), the form in Glorot &amp; Bengio's paper;</li>
 *   <li>{@link #he()}: std = √(2/n_in), He et al. (good for ReLU).</li>
 * </ul>
 */
public final class Init {
    private final String name;
    private final double fixedStd;
    private final Kind kind;

    private enum Kind { NORMAL, XAVIER, GLOROT, HE }

    private Init(String name, Kind kind, double fixedStd) {
        this.name = name;
        this.kind = kind;
        this.fixedStd = fixedStd;
    }

    /** std fixed, independent of the layer size. */
    public static Init normal(double std) {
        if (!(std >= 0) || Double.isInfinite(std)) {
            throw new IllegalArgumentException("std must be a finite number ≥ 0, got " + std);
        }
        return new Init("normal(std=" + std + ")", Kind.NORMAL, std);
    }

    /** std = √(1/n_in) (DLFS's "Xavier"). */
    public static Init xavier() {
        return new Init("Xavier", Kind.XAVIER, 0);
    }

    /** std = √(2/(n_in + n_out)) (Glorot &amp; Bengio 2010). */
    public static Init glorot() {
        return new Init("Glorot", Kind.GLOROT, 0);
    }

    /** std = √(2/n_in) (He et al. 2015). */
    public static Init he() {
        return new Init("He", Kind.HE, 0);
    }

    /** The standard deviation used for a weight matrix of shape n_in × n_out. */
    public double std(int fanIn, int fanOut) {
        if (fanIn <= 0 || fanOut <= 0) {
            throw new IllegalArgumentException("fan-in and fan-out must be positive, got " + fanIn + " and " + fanOut);
        }
        return switch (kind) {
            case NORMAL -> fixedStd;
            case XAVIER -> Math.sqrt(1.0 / fanIn);
            case GLOROT -> Math.sqrt(2.0 / (fanIn + fanOut));
            case HE -> Math.sqrt(2.0 / fanIn);
        };
    }

    /** A new n_in × n_out weight matrix with entries std·N(0,1) drawn from {@code rng}. */
    public DMatrixRMaj weights(int fanIn, int fanOut, Random rng) {
        java.util.Objects.requireNonNull(rng, "rng");
        double std = std(fanIn, fanOut);
        Checks.doubles(Checks.product(fanIn, fanOut), "a " + fanIn + "×" + fanOut + " weight matrix");
        DMatrixRMaj w = new DMatrixRMaj(fanIn, fanOut);
        for (int i = 0; i < w.data.length; i++) {
            w.data[i] = std * rng.nextGaussian();
        }
        return w;
    }

    /** A new n_in × n_out weight matrix drawn with {@code new Random(seed)}. */
    public DMatrixRMaj weights(int fanIn, int fanOut, long seed) {
        return weights(fanIn, fanOut, new Random(seed));
    }

    @Override
    public String toString() {
        return name;
    }
}
