package dl.plot;

import java.util.List;
import java.util.Map;

/** Small accessors into Plotly JSON trees for the extension tests. */
final class ExtensionsTestSupport {
    private ExtensionsTestSupport() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o, String key) {
        return (Map<String, Object>) ((Map<String, Object>) o).get(key);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Object o, String key) {
        return (List<Map<String, Object>>) ((Map<String, Object>) o).get(key);
    }

    /** The figure as shown: converted and styled. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> shown(Object figure) {
        return (Map<String, Object>) Plots.bundle(figure).get(Plots.PLOTLY_MIME);
    }
}
