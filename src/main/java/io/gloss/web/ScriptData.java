package io.gloss.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.RawString;

/**
 * Data for a page script, written as JSON into {@code <script type="application/json">}. The
 * template must not escape it (HTML entities are not decoded inside a script element), so the
 * characters that could end the element or break a JavaScript string are escaped here instead.
 */
public final class ScriptData {

    private ScriptData() {
    }

    public static RawString of(ObjectMapper json, Object data) {
        try {
            return safe(json.writeValueAsString(data));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Page data could not be written as JSON", e);
        }
    }

    /** JSON inside a script element: "<" escaped so that no text can close the element. */
    public static RawString safe(String jsonText) {
        return new RawString(jsonText.replace("<", "\\u003c").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"));
    }
}
