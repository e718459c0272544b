package io.gloss.dataset.format;

import com.fasterxml.jackson.databind.JsonNode;
import io.gloss.web.GlossException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads back a Web Annotation as {@link W3cWriter} writes it: the {@code tagging} body's value is
 * the label, the target's {@code source} the article, its TextPositionSelector the code-point
 * offsets and its TextQuoteSelector's {@code exact} the text they cover. Relations
 * ({@code motivation: linking}) are not spans; notes, entity and attribute bodies are not read.
 */
public final class W3cReader {

    /** A tagging annotation: the article's {@code source}, and a span of it. */
    public record Tagging(String source, String label, Integer start, Integer end, String exact) {
    }

    private W3cReader() {
    }

    /** The annotation's span; null for a relation; a 400 saying what is missing otherwise. */
    public static Tagging read(JsonNode annotation) {
        if (annotation == null || !annotation.isObject()) {
            throw GlossException.badRequest("annotation", "Not a JSON object.");
        }
        if ("linking".equals(annotation.path("motivation").asText())) {
            return null;
        }
        JsonNode target = annotation.path("target");
        String source = target.path("source").asText(null);
        if (source == null || source.isBlank()) {
            throw GlossException.badRequest("target", "target.source is required: the article's url.");
        }
        Integer start = null;
        Integer end = null;
        String exact = null;
        for (JsonNode selector : items(target.path("selector"))) {
            String type = selector.path("type").asText();
            if (type.equals("TextPositionSelector")) {
                start = selector.path("start").canConvertToInt() ? selector.path("start").asInt() : null;
                end = selector.path("end").canConvertToInt() ? selector.path("end").asInt() : null;
            } else if (type.equals("TextQuoteSelector")) {
                exact = selector.path("exact").asText(null);
            }
        }
        if (start == null || end == null) {
            throw GlossException.badRequest("selector", "A TextPositionSelector with start and end (code points) is required.");
        }
        return new Tagging(source, label(annotation.path("body")), start, end, exact);
    }

    /** A property that holds one value or an array of them, as the model allows, as a list. */
    private static List<JsonNode> items(JsonNode value) {
        List<JsonNode> items = new ArrayList<>();
        if (value.isArray()) {
            value.forEach(items::add);
        } else if (value.isObject()) {
            items.add(value);
        }
        return items;
    }

    /** The tag: the body whose purpose is tagging (the only body, or the first of them). */
    private static String label(JsonNode body) {
        for (JsonNode one : items(body)) {
            if (one.isObject() && "tagging".equals(one.path("purpose").asText()) && one.path("value").isTextual()) {
                return one.path("value").asText();
            }
        }
        throw GlossException.badRequest("body", "A TextualBody with purpose \"tagging\" is required: its value is the label.");
    }
}
