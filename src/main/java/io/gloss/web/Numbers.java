package io.gloss.web;

import java.math.BigDecimal;

/**
 * Numbers from clients, bounded before any arithmetic: a decimal such as {@code 1e999999999} is
 * a dozen characters, but rounding or printing it takes gigabytes. Used by the JSON reader
 * ({@link JsonInput}), query parameters ({@link QueryParams}) and forms.
 */
public final class Numbers {

    /** Characters of a number: no number Gloss takes needs more (a long has 20); longer text is never parsed. */
    public static final int MAX_CHARS = 100;
    /** Digits a decimal may have before, and after, the point. */
    public static final int MAX_DIGITS = 100;

    private Numbers() {
    }

    public static boolean bounded(BigDecimal value) {
        // long arithmetic: precision - scale overflows an int for 1e2147483647
        return value.scale() <= MAX_DIGITS && (long) value.precision() - value.scale() <= MAX_DIGITS;
    }

    /** A decimal typed into a form; blank is null. */
    public static BigDecimal decimal(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String trimmed = text.strip();
        if (trimmed.length() <= MAX_CHARS) {
            try {
                BigDecimal value = new BigDecimal(trimmed);
                if (bounded(value)) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // the same answer as for a number out of bounds
            }
        }
        throw GlossException.badRequest(field, decimalRule(field));
    }

    /** A whole number in {@code [min, max]} typed into a form or a query; blank is null. */
    public static Long whole(String field, String text, long min, long max) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String trimmed = text.strip();
        if (trimmed.length() <= MAX_CHARS) {
            try {
                long value = Long.parseLong(trimmed);
                if (value >= min && value <= max) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // the same answer as for a number out of range
            }
        }
        throw GlossException.badRequest(field, wholeRule(field, min, max));
    }

    /**
     * Ids typed into a form or a query: whole numbers separated by commas or spaces; blank is null
     * (no filter).
     */
    public static java.util.List<Long> ids(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String[] parts = text.strip().split("[,\\s]+");
        java.util.List<Long> ids = new java.util.ArrayList<>(parts.length);
        for (String part : parts) {
            try {
                ids.add(Long.valueOf(part));
            } catch (NumberFormatException e) {
                throw GlossException.badRequest(field, field + " must be whole numbers separated by commas or spaces.");
            }
        }
        return ids;
    }

    static String decimalRule(String field) {
        return field + " must be a number with at most " + MAX_DIGITS + " digits before and after the point, like 0.8.";
    }

    static String wholeRule(String field, long min, long max) {
        return field + " must be a whole number from " + min + " to " + max + ".";
    }
}
