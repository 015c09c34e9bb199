package dl.optimizers;

/**
 * Where the small constant ε sits in the denominator of AdaGrad, RMSProp and Adam.
 *
 * <p>The published forms (PyTorch, Kingma &amp; Ba) and this library's default put ε
 * <em>outside</em> the square root: η·g / (√h + ε). Some lecture notes write it
 * <em>inside</em>: η·g / √(h + ε). The two differ only while h is tiny (ε = 1e-8 inside the root
 * acts like 1e-4 outside), which a notebook can show by running both.
 */
public enum EpsilonPlacement {
    /** √h + ε (PyTorch, Kingma &amp; Ba, DLFS). */
    OUTSIDE_ROOT {
        @Override
        double denominator(double h, double eps) {
            return Math.sqrt(h) + eps;
        }
    },
    /** √(h + ε) (the form in some lecture slides). */
    INSIDE_ROOT {
        @Override
        double denominator(double h, double eps) {
            return Math.sqrt(h + eps);
        }
    };

    /** The denominator of the adaptive step for accumulated squared gradient h. */
    abstract double denominator(double h, double eps);

    String describe() {
        return this == INSIDE_ROOT ? ", eps inside root" : "";
    }
}
