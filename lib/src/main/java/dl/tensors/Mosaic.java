package dl.tensors;

import dl.checks.Checks;
/**
 * Several small images side by side in one array (for one heat map): a K × H × W tensor becomes a
 * grid of ⌈K / columns⌉ rows and {@code columns} columns of H × W tiles, separated by a one-pixel
 * gap filled with {@code gap}.
 */
public final class Mosaic {
    private Mosaic() {
    }

    /** Tile (r, c) of the grid is image r·columns + c; tile rows run top to bottom. */
    public static double[][] tile(Tensor images, int columns, double gap) {
        Checks.notNull(images, "images");
        if (images.rank() != 3) {
            throw new IllegalArgumentException("a mosaic needs a K×H×W tensor, got " + images.shapeString());
        }
        Checks.atLeast(columns, 1, "columns");
        int k = images.dim(0), h = images.dim(1), w = images.dim(2);
        int cols = Math.min(columns, Math.max(k, 1));
        int rows = (k + cols - 1) / cols;
        double[][] out = new double[Math.max(rows * (h + 1) - 1, 0)][Math.max(cols * (w + 1) - 1, 0)];
        for (double[] row : out) {
            java.util.Arrays.fill(row, gap);
        }
        for (int i = 0; i < k; i++) {
            int r0 = (i / cols) * (h + 1), c0 = (i % cols) * (w + 1);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    out[r0 + y][c0 + x] = images.get(i, y, x);
                }
            }
        }
        return out;
    }
}
