package io.gloss.web;

import java.util.List;

/** A page of a list: {@code {"items": [...], "next": cursor or null}} (api.md). */
public record Page<T>(List<T> items, String next) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    /** The limit a client asked for, defaulted and capped; a bad one is a 400. */
    public static int limit(Integer requested) {
        if (requested == null) {
            return DEFAULT_LIMIT;
        }
        if (requested < 1) {
            throw GlossException.badRequest("limit", "limit must be between 1 and " + MAX_LIMIT + ".");
        }
        return Math.min(requested, MAX_LIMIT);
    }

    /** Cursors are the last id seen; opaque to clients. */
    public static long after(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return 0;
        }
        try {
            return Long.parseLong(cursor);
        } catch (NumberFormatException e) {
            throw GlossException.badRequest("after", "after must be a cursor from a previous page's \"next\".");
        }
    }
}
