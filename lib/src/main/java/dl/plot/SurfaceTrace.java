package dl.plot;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A 3-D surface z[i][j] = f(xs[j], ys[i]) as a Tablesaw trace — the trace type Tablesaw 0.44
 * lacks. Put it in a Tablesaw {@code Figure} with a {@code Scatter3DTrace} path, or use
 * {@link Figures#surface}.
 * <pre>{@code
 * var surface = SurfaceTrace.builder(xs, ys, z).name("f(x, y)").colorScale(ColorScale.VIRIDIS).build();
 * }</pre>
 */
public final class SurfaceTrace implements PlotlyTrace {
    private final Map<String, Object> attributes;

    private SurfaceTrace(Builder b) {
        attributes = new LinkedHashMap<>();
        attributes.put("type", "surface");
        attributes.put("name", b.name);
        attributes.put("x", Json.array(b.xs));
        attributes.put("y", Json.array(b.ys));
        attributes.put("z", Json.matrix(b.z));
        attributes.put("colorscale", b.colorScale.plotly());
        attributes.put("showscale", b.showScale);
        if (b.opacity != 1) {
            attributes.put("opacity", b.opacity);
        }
        if (b.colorBarTitle != null) {
            attributes.put("colorbar", Map.of("title", Map.of("text", b.colorBarTitle), "len", 0.7));
        }
    }

    /** A builder for the surface z[i][j] over (xs[j], ys[i]). */
    public static Builder builder(double[] xs, double[] ys, double[][] z) {
        return new Builder(xs, ys, z);
    }

    @Override
    public Map<String, Object> toPlotly() {
        return Json.deepCopy(attributes);
    }

    @Override
    public String toString() {
        return "SurfaceTrace('" + attributes.get("name") + "')";
    }

    /** Builds a {@link SurfaceTrace}; checks that z has one row per y and one column per x. */
    public static final class Builder {
        private final double[] xs;
        private final double[] ys;
        private final double[][] z;
        private String name = "";
        private ColorScale colorScale = ColorScale.VIRIDIS;
        private boolean showScale = true;
        private double opacity = 1;
        private String colorBarTitle;

        private Builder(double[] xs, double[] ys, double[][] z) {
            Objects.requireNonNull(xs, "xs");
            Objects.requireNonNull(ys, "ys");
            Objects.requireNonNull(z, "z");
            Traces.checkGrid("surface", xs, ys, z);
            this.xs = xs.clone();
            this.ys = ys.clone();
            this.z = z;
        }

        public Builder name(String name) {
            this.name = Objects.requireNonNull(name, "name");
            return this;
        }

        public Builder colorScale(ColorScale scale) {
            this.colorScale = Objects.requireNonNull(scale, "scale");
            return this;
        }

        public Builder showScale(boolean show) {
            this.showScale = show;
            return this;
        }

        /** The colour bar's title (for example the function's name). */
        public Builder colorBarTitle(String title) {
            this.colorBarTitle = title;
            return this;
        }

        /** Opacity in [0, 1]; a slightly see-through surface shows a path drawn on it better. */
        public Builder opacity(double opacity) {
            if (!(opacity >= 0 && opacity <= 1)) {
                throw new IllegalArgumentException("opacity must be in [0, 1], got " + opacity);
            }
            this.opacity = opacity;
            return this;
        }

        public SurfaceTrace build() {
            return new SurfaceTrace(this);
        }
    }
}
