package dl.surfaces;

/** A rectangle [xMin, xMax] × [yMin, yMax] for contour plots. */
public record PlotRange(double xMin, double xMax, double yMin, double yMax) {
    public PlotRange {
        if (!(xMin < xMax) || !(yMin < yMax)) {
            throw new IllegalArgumentException(
                    "empty plot range [" + xMin + ", " + xMax + "] × [" + yMin + ", " + yMax + "]");
        }
    }
}
