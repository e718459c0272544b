package io.gloss.web;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A failure a person can act on: an HTTP status, a machine-readable code and a sentence.
 * Services throw it; {@link GlossExceptionMapper} turns it into JSON on the API and a page elsewhere.
 */
public class GlossException extends RuntimeException {

    private final int status;
    private final String error;
    private final Map<String, Object> details = new LinkedHashMap<>();

    public GlossException(int status, String error, String message) {
        super(message);
        this.status = status;
        this.error = error;
    }

    public static GlossException badRequest(String field, String message) {
        return new GlossException(400, "invalid", message).with("field", field);
    }

    public static GlossException notFound(String what) {
        return new GlossException(404, "not_found", what + " does not exist or you have no access to it.");
    }

    public static GlossException forbidden(String message) {
        return new GlossException(403, "forbidden", message);
    }

    public static GlossException conflict(String error, String message) {
        return new GlossException(409, error, message);
    }

    /** Adds a field to the error body, e.g. {@code field} on a 400 or {@code current} on a 409. */
    public GlossException with(String key, Object value) {
        details.put(key, value);
        return this;
    }

    public int status() {
        return status;
    }

    public String error() {
        return error;
    }

    public Map<String, Object> details() {
        return details;
    }
}
