package io.gloss.web;

/**
 * The rules every text from a client meets, on the API and in forms alike: it is Unicode text
 * (no lone surrogate, no NUL: exports would write them as {@code ?}, and their spans would no
 * longer match), and it is no longer than its documented limit (docs/api-guide.md, "Limits"). Lengths are
 * counted in UTF-16 units, as H2 and Java count a column's length, so an emoji counts two.
 */
public final class Texts {

    /** How much of a client's value an error message may quote. */
    static final int EXCERPT_CHARS = 40;

    private Texts() {
    }

    /** Refuses a lone surrogate or NUL; {@code null} passes. */
    public static String requireUnicode(String field, String value) {
        return require(field, value, false);
    }

    /** Like {@link #requireUnicode}, and refuses control characters other than tab, line feed and carriage return. */
    public static String requirePlainText(String field, String value) {
        return require(field, value, true);
    }

    /** Why the value is not text, or null when it is. */
    static String problem(String value, boolean controls) {
        if (value == null) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "a lone surrogate (" + codePoint(c) + "), which is not Unicode text";
            } else if (c == 0 || controls && c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                return "the control character " + codePoint(c) + ", which is not text";
            }
        }
        return null;
    }

    /** Refuses a value longer than {@code max}; {@code null} passes. */
    public static String limit(String field, String value, int max) {
        if (value != null && value.length() > max) {
            throw GlossException.badRequest(field, field + " has at most " + max + " characters; this one has "
                    + value.length() + ".");
        }
        return value;
    }

    /** An optional one-line value: blank is null, the rest is stripped and limited. */
    public static String optional(String field, String value, int max) {
        String stripped = blankToNull(value);
        return stripped == null ? null : limit(field, stripped, max);
    }

    /** A form field or query parameter left empty is absent: blank is null, the rest is stripped. */
    public static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** A client's value as an error message may quote it: cut after a few words, on a whole code point. */
    public static String excerpt(String value) {
        if (value == null || value.length() <= EXCERPT_CHARS) {
            return value;
        }
        int end = Character.isHighSurrogate(value.charAt(EXCERPT_CHARS - 1)) ? EXCERPT_CHARS - 1 : EXCERPT_CHARS;
        return value.substring(0, end) + "…";
    }

    private static String require(String field, String value, boolean controls) {
        String problem = problem(value, controls);
        if (problem != null) {
            throw GlossException.badRequest(field, field + " contains " + problem + ". Remove it and send the text again.");
        }
        return value;
    }

    private static String codePoint(char c) {
        return String.format("U+%04X", (int) c);
    }
}
