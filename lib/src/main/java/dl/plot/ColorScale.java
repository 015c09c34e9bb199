package dl.plot;

import java.util.List;

/**
 * A colour scale for contours, heat maps and surfaces, by its plotly.js name — the ones
 * the lectures use. {@link #GREY_IMAGE} maps 0 to black and 1 to white, as a photo.
 */
public enum ColorScale {
    VIRIDIS("Viridis"), CIVIDIS("Cividis"), BLUES("Blues"), GREYS("Greys"), RD_BU("RdBu"),
    YL_GN_BU("YlGnBu"), HOT("Hot"), PORTLAND("Portland"),
    /** Black (low) to white (high), for images. */
    GREY_IMAGE(null);

    private final String plotlyName;

    ColorScale(String plotlyName) {
        this.plotlyName = plotlyName;
    }

    /** The value of Plotly's {@code colorscale} attribute. */
    public Object plotly() {
        if (plotlyName != null) {
            return plotlyName;
        }
        return List.of(List.of(0, "rgb(0,0,0)"), List.of(1, "rgb(255,255,255)"));
    }
}
