package dl.dimensionality;

/**
 * Where the volume of a high-dimensional cube is: the shell of the unit cube [0, 1]ᵈ made of the
 * points within ε of its boundary has volume 1 − (1 − 2ε)ᵈ (the inner cube has side 1 − 2ε).
 * For large d almost all the volume is in a thin shell — uniformly spread data sit near the
 * boundary and far from each other (the curse of dimensionality, 차원의 저주).
 */
public final class HypercubeShell {

    private HypercubeShell() {
    }

    /** The volume fraction 1 − (1 − 2ε)ᵈ of [0, 1]ᵈ within ε of the boundary (0 ≤ ε ≤ 1/2). */
    public static double volumeFraction(int d, double eps) {
        if (d < 1) {
            throw new IllegalArgumentException("dimension d must be at least 1, got " + d);
        }
        if (!(eps >= 0 && eps <= 0.5)) {
            throw new IllegalArgumentException("shell width eps must be between 0 and 0.5, got " + eps);
        }
        return 1 - Math.pow(1 - 2 * eps, d);
    }
}
