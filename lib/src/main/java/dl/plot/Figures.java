package dl.plot;

import dl.descent.Path;
import tech.tablesaw.plotly.traces.Trace;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Whole figures the lectures draw again and again, each one line in a cell: an image, a row of
 * images, a surface with a gradient-descent path drawn on it, contours with a path.
 */
public final class Figures {
    private Figures() {
    }

    /** An image (pixels[row][column], row 0 at the top) in grey, square pixels, no axes. */
    public static Chart image(String title, double[][] pixels) {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(pixels, "pixels");
        Chart chart = Chart.of(title, "column", "row", Traces.image(title, pixels))
                .hideAxes().yDownwards().equalAxes().legend(Legend.HIDDEN);
        int side = 300;
        // wide enough for the title on one line (about 8.5 px per character at 17 px)
        int width = (int) Math.max(side + 40, Math.min(Style.MAX_WIDTH, title.length() * 8.5 + 60));
        return chart.size(width, side + 90);
    }

    /**
     * Images side by side in a grid (one panel per image, its caption above it), e.g. eight
     * Fashion-MNIST rows: {@code Figures.images("Fashion-MNIST", 8, images, captions)}.
     */
    public static Chart images(String title, int columns, List<double[][]> images, List<String> captions) {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(images, "images");
        Objects.requireNonNull(captions, "captions");
        if (images.size() != captions.size()) {
            throw new IllegalArgumentException("images has " + images.size() + " entries but captions has "
                    + captions.size());
        }
        if (images.isEmpty()) {
            throw new IllegalArgumentException("Figures.images(\"" + title + "\"): images is empty; pass at least one image");
        }
        List<Chart> panels = new ArrayList<>();
        for (int k = 0; k < images.size(); k++) {
            Objects.requireNonNull(images.get(k), "images[" + k + "]");
            Objects.requireNonNull(captions.get(k), "captions[" + k + "]");
            panels.add(Chart.of(captions.get(k), "column", "row", Traces.image(captions.get(k), images.get(k)))
                    .hideAxes().yDownwards().equalAxes());
        }
        if (columns < 1) {
            throw new IllegalArgumentException("columns must be at least 1, got " + columns);
        }
        int cols = Math.min(columns, images.size());
        int rows = (images.size() + cols - 1) / cols;
        // square panels as large as the width allows (at most 200 px), a caption's height between rows
        double gapX = 0.025;
        int left = 20, right = 20, top = 75, bottom = 15;
        double plotWidth = Style.MAX_WIDTH - left - right;
        double side = Math.min(200, (1 - gapX * (cols - 1)) / cols * plotWidth);
        double caption = 28;
        double plotHeight = rows * side + (rows - 1) * caption;
        Chart chart = Panels.grid(title, cols, panels, gapX, caption / plotHeight).legend(Legend.HIDDEN)
                .size(Style.MAX_WIDTH, (int) Math.round(plotHeight + top + bottom));
        chart.set("margin", new java.util.LinkedHashMap<>(Map.of("l", left, "r", right, "t", top, "b", bottom)));
        return chart;
    }

    /** The opacity a surface gets under a path when it sets none: the path's steps on the far wall show through the near one. */
    static final double SURFACE_OPACITY = 0.85;
    /** The camera of {@link #surface}: high, so a bowl's near wall covers little of its floor. */
    static final Map<String, Object> SURFACE_EYE = Map.of("x", 0.9, "y", -1.5, "z", 1.9);

    /**
     * A surface with paths drawn on it (not sunk into it): each path's heights are lifted by 2 % of
     * the surface's height range, each step is a marker, and every step stays in view — the surface is
     * a little see-through (opacity {@value #SURFACE_OPACITY} unless the surface sets its own), the camera looks
     * down into the box from high above, and the height axis starts below the surface's lowest point, so its
     * lowest tick label keeps off the corner where the x and y labels begin.
     */
    public static Chart surface(String title, String xLabel, String yLabel, String zLabel,
                                SurfaceTrace surface, Path... paths) {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(surface, "surface");
        Objects.requireNonNull(paths, "paths");
        List<Trace> traces = new ArrayList<>();
        traces.add(surface.toPlotly().containsKey("opacity") ? surface
                : StyledTrace.of(surface).with("opacity", SURFACE_OPACITY));
        double[] zRange = range(surface);
        double lift = 0.02 * (zRange[1] - zRange[0]);
        double top = zRange[1];
        for (int i = 0; i < paths.length; i++) {
            Path p = Objects.requireNonNull(paths[i], "paths[" + i + "]");
            if (p.dimension() != 2) {
                throw new IllegalArgumentException("paths[" + i + "]: a 2-D path is needed, got dimension " + p.dimension());
            }
            double[] zs = p.values();
            for (int k = 0; k < zs.length; k++) {
                zs[k] += lift;
                if (Double.isFinite(zs[k])) top = Math.max(top, zs[k]);
            }
            traces.add(StyledTrace.of(Traces.path3d(paths.length == 1 ? "gradient-descent path" : "path " + (i + 1),
                    p.xs(), p.ys(), zs)).with("marker.size", 5));
        }
        double span = zRange[1] - zRange[0];
        return Chart.of3d(title, xLabel, yLabel, zLabel, traces.toArray(Trace[]::new)).legend(Legend.TOP_LEFT)
                .set("scene.camera", Map.of("eye", SURFACE_EYE))
                .set("scene.zaxis.range", List.of(zRange[0] - 0.15 * span, top + 0.02 * span));
    }

    @SuppressWarnings("unchecked")
    private static double[] range(SurfaceTrace surface) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Object row : (List<Object>) surface.toPlotly().get("z")) {
            for (Object v : (List<Object>) row) {
                if (v instanceof Number n) {
                    min = Math.min(min, n.doubleValue());
                    max = Math.max(max, n.doubleValue());
                }
            }
        }
        return max > min ? new double[]{min, max} : new double[]{0, 1};
    }
}
