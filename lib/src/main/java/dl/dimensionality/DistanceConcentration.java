package dl.dimensionality;

import java.util.Objects;
import java.util.Random;

/**
 * Distance concentration, a measurable face of the curse of dimensionality
 * (차원의 저주): for N points spread uniformly in the unit cube [0, 1]ᵈ, the nearest and the
 * farthest point from a query point become almost equally far as d grows, so
 * ratio = d_min / d_max → 1 and "the nearest neighbour" stops meaning much.
 *
 * @param dimension the dimension d
 * @param points    the number of points N
 * @param nearest   d_min, the smallest Euclidean distance from the query to a point
 * @param farthest  d_max, the largest such distance
 */
public record DistanceConcentration(int dimension, int points, double nearest, double farthest) {

    /** The ratio d_min / d_max (between 0 and 1; near 1 means all points are about equally far). */
    public double ratio() {
        return nearest / farthest;
    }

    /** The nearest and farthest Euclidean distance from query to the given points (one per row). */
    public static DistanceConcentration of(double[] query, double[][] points) {
        Objects.requireNonNull(query, "query must not be null");
        Objects.requireNonNull(points, "points must not be null");
        if (points.length == 0) {
            throw new IllegalArgumentException("points must hold at least one point");
        }
        double nearest = Double.POSITIVE_INFINITY;
        double farthest = 0;
        for (int i = 0; i < points.length; i++) {
            double[] p = points[i];
            if (p.length != query.length) {
                throw new IllegalArgumentException("point " + i + " has " + p.length
                        + " coordinates but the query has " + query.length);
            }
            double sum = 0;
            for (int j = 0; j < p.length; j++) {
                double diff = p[j] - query[j];
                sum += diff * diff;
            }
            double distance = Math.sqrt(sum);
            nearest = Math.min(nearest, distance);
            farthest = Math.max(farthest, distance);
        }
        return new DistanceConcentration(query.length, points.length, nearest, farthest);
    }

    /**
     * The measurement for a query point and n points, all uniform in [0, 1]ᵈ and drawn from
     * {@code new Random(seed)} (the query first, then the points row by row).
     */
    public static DistanceConcentration uniform(int d, int n, long seed) {
        if (d < 1) {
            throw new IllegalArgumentException("dimension d must be at least 1, got " + d);
        }
        if (n < 1) {
            throw new IllegalArgumentException("number of points n must be at least 1, got " + n);
        }
        Random random = new Random(seed);
        double[] query = new double[d];
        for (int j = 0; j < d; j++) {
            query[j] = random.nextDouble();
        }
        double[][] points = new double[n][d];
        for (double[] p : points) {
            for (int j = 0; j < d; j++) {
                p[j] = random.nextDouble();
            }
        }
        return of(query, points);
    }
}
