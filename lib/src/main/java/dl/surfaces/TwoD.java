package dl.surfaces;

/** Argument checks shared by the 2-D surfaces. */
final class TwoD {
    private TwoD() {
    }

    static void check(String name, double[] p) {
        java.util.Objects.requireNonNull(p, "point must not be null");
        if (p.length != 2) {
            throw new IllegalArgumentException(name + " takes a point (x, y) but got " + p.length + " coordinates");
        }
    }
}
