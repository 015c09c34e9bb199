package dl.plot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;

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
}
