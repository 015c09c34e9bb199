package dl.plot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JSON helpers for Plotly data: NaN and ±∞ are not JSON, so they become {@code null} (a gap). */
final class Json {
    private static final ObjectMapper WRITER = new ObjectMapper();

    /** Reads the JavaScript object literals Tablesaw writes (unquoted keys, single quotes, trailing commas). */
    static final ObjectMapper LENIENT = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES)
            .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    private Json() {
    }

    static List<Double> array(double[] values) {
        List<Double> out = new ArrayList<>(values.length);
        for (double v : values) {
            out.add(Double.isFinite(v) ? v : null);
        }
        return out;
    }

    static List<List<Double>> matrix(double[][] values) {
        List<List<Double>> out = new ArrayList<>(values.length);
        for (double[] row : values) {
            out.add(array(row));
        }
        return out;
    }

    static String write(Object tree) {
        try {
            return WRITER.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write figure as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** A deep copy of nested maps and lists (leaves are shared: they are immutable values). */
    @SuppressWarnings("unchecked")
    static <T> T deepCopy(T tree) {
        if (tree instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), deepCopy(v)));
            return (T) out;
        }
        if (tree instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(v -> out.add(deepCopy(v)));
            return (T) out;
        }
        return tree;
    }

    /** Puts value at a dotted path ("marker.size"), creating (or copying) the sections on the way. */
    @SuppressWarnings("unchecked")
    static void putPath(Map<String, Object> root, String path, Object value) {
        String[] keys = path.split("\\.");
        Map<String, Object> at = root;
        for (int i = 0; i < keys.length - 1; i++) {
            Object next = at.get(keys[i]);
            Map<String, Object> section = next instanceof Map<?, ?> m
                    ? new LinkedHashMap<>((Map<String, Object>) m) : new LinkedHashMap<>();
            at.put(keys[i], section);
            at = section;
        }
        at.put(keys[keys.length - 1], value);
    }

    /** The section at key, created (or copied, so shared maps are never changed) if needed. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> section(Map<String, Object> root, String key) {
        Object existing = root.get(key);
        Map<String, Object> s = existing instanceof Map<?, ?> m
                ? new LinkedHashMap<>((Map<String, Object>) m) : new LinkedHashMap<>();
        root.put(key, s);
        return s;
    }
}
