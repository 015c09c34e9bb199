package dl.dimensionality;

import java.util.Objects;

/**
 * How alike neighbouring pixels are: the Pearson correlation between each pixel and its right-hand
 * neighbour, pooled over all pairs (r, c)–(r, c+1) of the given images. Real images are smooth, so
 * the correlation is high; images of independent random pixels give about 0. It is one measurable
 * sign of the manifold hypothesis (다양체 가설): real images fill only a tiny, structured part of
 * pixel space.
 */
public final class AdjacentPixels {

    private AdjacentPixels() {
    }

    /** corr(x, y) over all horizontal neighbour pairs x = img[r][c], y = img[r][c+1] of all images. */
    public static double correlation(double[][]... images) {
        Objects.requireNonNull(images, "images must not be null");
        long n = 0;
        double sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
        for (int k = 0; k < images.length; k++) {
            double[][] img = Objects.requireNonNull(images[k], "image " + k + " is null");
            for (int r = 0; r < img.length; r++) {
                for (int c = 0; c + 1 < img[r].length; c++) {
                    double x = img[r][c];
                    double y = img[r][c + 1];
                    n++;
                    sx += x;
                    sy += y;
                    sxx += x * x;
                    syy += y * y;
                    sxy += x * y;
                }
            }
        }
        if (n < 2) {
            throw new IllegalArgumentException("need at least 2 neighbour pairs, the images have " + n);
        }
        double cov = sxy - sx * sy / n;
        double vx = sxx - sx * sx / n;
        double vy = syy - sy * sy / n;
        if (vx <= 0 || vy <= 0) {
            throw new IllegalArgumentException("the correlation is undefined: the pixels are constant");
        }
        return cov / Math.sqrt(vx * vy);
    }
}
