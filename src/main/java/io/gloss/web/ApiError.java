package io.gloss.web;

import java.util.LinkedHashMap;
import java.util.Map;

/** The error body of the API: {@code {"error": code, "message": sentence, ...details}}. */
public final class ApiError {

    private ApiError() {
    }

    public static Map<String, Object> body(String error, String message, Map<String, Object> details) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("message", message);
        body.putAll(details);
        return body;
    }

    public static Map<String, Object> body(String error, String message) {
        return body(error, message, Map.of());
    }
}
