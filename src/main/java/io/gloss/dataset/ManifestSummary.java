package io.gloss.dataset;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The counts of a manifest, for the dataset page. The manifest is read as a stream and its long
 * lists (article ids per split, misaligned spans) are skipped, not loaded.
 */
public record ManifestSummary(long articles, long spans, List<Count> labels, List<SplitCount> splits, long misaligned,
        long overlapping) {

    public record Count(String name, long value) {
    }

    public record SplitCount(String name, long articles, long spans) {
    }

    static ManifestSummary read(ObjectMapper json, InputStream in) throws IOException {
        JsonNode counts = null;
        JsonNode conll = null;
        try (JsonParser parser = json.getFactory().createParser(in)) {
            parser.nextToken(); // the manifest object
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                if (field.equals("counts")) {
                    counts = json.readTree(parser);
                } else if (field.equals("conll")) {
                    conll = json.readTree(parser);
                } else {
                    parser.skipChildren();
                }
            }
        }
        if (counts == null) {
            return null;
        }
        List<Count> labels = new ArrayList<>();
        for (Map.Entry<String, JsonNode> label : (Iterable<Map.Entry<String, JsonNode>>) counts.path("labels")::fields) {
            labels.add(new Count(label.getKey(), label.getValue().asLong()));
        }
        List<SplitCount> splits = new ArrayList<>();
        for (Map.Entry<String, JsonNode> split : (Iterable<Map.Entry<String, JsonNode>>) counts.path("splits")::fields) {
            splits.add(new SplitCount(split.getKey(), split.getValue().path("articles").asLong(),
                    split.getValue().path("spans").asLong()));
        }
        return new ManifestSummary(counts.path("articles").asLong(), counts.path("spans").asLong(), labels, splits,
                conll == null ? 0 : conll.path("misaligned").asLong(), conll == null ? 0 : conll.path("overlapping").asLong());
    }
}
