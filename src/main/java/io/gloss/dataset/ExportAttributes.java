package io.gloss.dataset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A span's attribute values as the exports write them: keys sorted, so that the order never
 * depends on when the label's definitions were reordered; numbers as the exact decimals stored
 * (read as doubles, 0.1 + a long figure could come back changed), texts and choices as strings.
 */
final class ExportAttributes {

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final SortedMap<String, Object> NONE = Collections.unmodifiableSortedMap(new TreeMap<>());

    private ExportAttributes() {
    }

    /** The values of annotation {@code id} from its column; an IllegalStateException (the build fails) if it is not an object of numbers and strings. */
    static SortedMap<String, Object> read(long id, String json) {
        if (json == null) {
            return NONE;
        }
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Annotation " + id + " has attributes that are not JSON.", e);
        }
        if (!node.isObject()) {
            throw new IllegalStateException("Annotation " + id + " has attributes that are not a JSON object.");
        }
        SortedMap<String, Object> values = new TreeMap<>();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            JsonNode value = field.getValue();
            if (value.isNumber()) {
                values.put(field.getKey(), value.decimalValue());
            } else if (value.isTextual()) {
                values.put(field.getKey(), value.textValue());
            } else if (!value.isNull()) {
                throw new IllegalStateException("Annotation " + id + " has an attribute " + field.getKey()
                        + " that is neither a number nor a text.");
            }
        }
        return Collections.unmodifiableSortedMap(values);
    }
}
