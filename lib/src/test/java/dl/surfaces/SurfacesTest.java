package dl.surfaces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dl.calculus.ScalarFunction;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SurfacesTest {
    static final List<Surface> ALL = List.of(new ElongatedBowl(), new Rosenbrock(), new Rosenbrock(2, 10),
            new Beale(), new Himmelblau(), new Saddle());

    /** Central differences with a step suited to each point, independent of the surfaces' code. */
    static double[] numericGradient(ScalarFunction f, double[] p) {
        double[] g = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            double h = 1e-6 * Math.max(1, Math.abs(p[i]));
            double[] a = p.clone();
            double[] b = p.clone();
            a[i] += h;
            b[i] -= h;
            g[i] = (f.value(a) - f.value(b)) / (2 * h);
        }
        return g;
    }

    @Test
    void analyticGradientsMatchFiniteDifferences() {
        Random rng = new Random(42);
        for (Surface s : ALL) {
            PlotRange r = s.plotRange();
            for (int k = 0; k < 50; k++) {
                double[] p = {r.xMin() + (r.xMax() - r.xMin()) * rng.nextDouble(),
                        r.yMin() + (r.yMax() - r.yMin()) * rng.nextDouble()};
                double[] analytic = s.gradient(p);
                double[] numeric = numericGradient(s, p);
                for (int i = 0; i < 2; i++) {
                    double tol = 1e-6 * Math.max(1, Math.abs(numeric[i]));
                    assertEquals(numeric[i], analytic[i], tol, s + " ∂/∂x" + i + " at (" + p[0] + ", " + p[1] + ")");
                }
            }
        }
    }

    @Test
    void knownValues() {
        assertEquals(49.0 / 20 + 4, new ElongatedBowl().value(-7, 2), 1e-15);
        // Rosenbrock(−1.2, 1) = 2.2² + 100·(1 − 1.44)² = 4.84 + 19.36 = 24.2
        assertEquals(24.2, new Rosenbrock().value(-1.2, 1), 1e-12);
        // Beale(0, 0) = 1.5² + 2.25² + 2.625² = 2.25 + 5.0625 + 6.890625
        assertEquals(14.203125, new Beale().value(0, 0), 1e-12);
        // Himmelblau(0, 0) = 121 + 49
        assertEquals(170, new Himmelblau().value(0, 0), 1e-12);
        assertEquals(-3, new Saddle().value(1, 2), 1e-15);
    }

    @Test
    void minimaAreStationaryWithValueZero() {
        for (Surface s : ALL) {
            for (double[] m : s.minima()) {
                assertEquals(0, s.value(m), 1e-20, s + " value at minimum");
                double[] g = s.gradient(m);
                assertEquals(0, Math.hypot(g[0], g[1]), 1e-11, s + " gradient at minimum");
                PlotRange r = s.plotRange();
                assertTrue(m[0] >= r.xMin() && m[0] <= r.xMax() && m[1] >= r.yMin() && m[1] <= r.yMax(),
                        s + " minimum inside its plot range");
            }
        }
        assertEquals(4, new Himmelblau().minima().size());
        assertEquals(2, new Rosenbrock(2, 10).minima().get(0)[0]);
        assertEquals(4, new Rosenbrock(2, 10).minima().get(0)[1]);
    }

    @Test
    void himmelblauMinimaAreDistinctLocalMinima() {
        Himmelblau h = new Himmelblau();
        for (double[] m : h.minima()) {
            for (double[] d : new double[][] {{1e-3, 0}, {0, 1e-3}, {-1e-3, 1e-3}, {-1e-3, -1e-3}}) {
                assertTrue(h.value(m[0] + d[0], m[1] + d[1]) > h.value(m), "neighbours are higher");
            }
        }
    }

    @Test
    void saddleHasNoMinimumButAStationaryPoint() {
        Saddle s = new Saddle();
        assertTrue(s.minima().isEmpty());
        double[] g = s.gradient(s.saddlePoint());
        assertEquals(0, g[0], 0.0);
        assertEquals(0, g[1], 0.0);
        assertTrue(s.value(0, 0.1) < 0 && s.value(0.1, 0) > 0);
    }

    @Test
    void wrongDimensionIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Beale().value(1, 2, 3));
        assertEquals("Beale takes a point (x, y) but got 3 coordinates", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Rosenbrock().gradient(1));
        assertThrows(IllegalArgumentException.class, () -> new PlotRange(1, 1, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new Rosenbrock(1, 0));
    }
}
