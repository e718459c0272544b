package io.gloss.text;

import io.gloss.web.GlossException;

/**
 * The offset contract: positions are Unicode code points, start inclusive, end exclusive,
 * exactly Python's {@code text[start:end]}. Java strings are UTF-16, so every conversion goes
 * through {@link String#offsetByCodePoints}; never {@code substring} with code-point offsets.
 */
public final class Offsets {

    private Offsets() {
    }

    public static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    /** {@code text[start:end]} in code points; the caller has checked the range. */
    public static String slice(String text, int start, int end) {
        int from = text.offsetByCodePoints(0, start);
        int to = text.offsetByCodePoints(from, end - start);
        return text.substring(from, to);
    }

    /**
     * Checks a span against the article text and returns the text it covers. A client that
     * sends UTF-16 positions by mistake fails the quote check as soon as an astral character
     * precedes the span.
     */
    public static String check(String text, int textLength, Integer start, Integer end, String quote) {
        if (start == null) {
            throw GlossException.badRequest("start", "start is required (a code-point offset).");
        }
        if (end == null) {
            throw GlossException.badRequest("end", "end is required (a code-point offset).");
        }
        if (start < 0) {
            throw GlossException.badRequest("start", "start must be 0 or more; it was " + start + ".");
        }
        if (end > textLength) {
            throw GlossException.badRequest("end", "end must not pass the end of the article ("
                    + textLength + " code points); it was " + end + ".");
        }
        if (start >= end) {
            throw GlossException.badRequest("end", "end must be greater than start (" + start + "); it was " + end + ".");
        }
        // As many code points as UTF-16 units: no surrogate pair, so the offsets are the same.
        String covered = textLength == text.length() ? text.substring(start, end) : slice(text, start, end);
        if (quote == null) {
            throw GlossException.badRequest("quote", "quote is required: the exact text between start and end.");
        }
        if (!covered.equals(quote)) {
            throw GlossException.badRequest("quote", "quote does not match the article text at ["
                    + start + ", " + end + "), which is \"" + abbreviate(covered) + "\". Offsets are Unicode code points.");
        }
        return covered;
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "…";
    }
}
