package io.gloss.text;

/**
 * An article text addressed in code points, the unit of every Gloss offset, with conversions to
 * Java's UTF-16 indices that cost O(1): a writer slices thousands of spans per article, and
 * {@link String#offsetByCodePoints} from the start each time would be quadratic. Texts without
 * astral characters (the common case) need no table at all.
 */
public final class CodePointText {

    private final String text;
    private final int length;
    /** UTF-16 index of each code point, plus one past the end; null when both units agree. */
    private final int[] utf16;

    public CodePointText(String text) {
        this.text = text;
        this.length = text.codePointCount(0, text.length());
        if (length == text.length()) {
            utf16 = null;
        } else {
            utf16 = new int[length + 1];
            int cp = 0;
            for (int i = 0; i < text.length(); i = text.offsetByCodePoints(i, 1)) {
                utf16[cp++] = i;
            }
            utf16[length] = text.length();
        }
    }

    public String text() {
        return text;
    }

    /** Length in code points. */
    public int length() {
        return length;
    }

    /** The UTF-16 index of a code-point offset (0 to {@link #length()}). */
    public int utf16(int codePoint) {
        return utf16 == null ? codePoint : utf16[codePoint];
    }

    /** The code-point offset of a UTF-16 index that starts a code point (or is the end). */
    public int codePoint(int utf16Index) {
        if (utf16 == null) {
            return utf16Index;
        }
        int found = java.util.Arrays.binarySearch(utf16, utf16Index);
        if (found < 0) {
            throw new IllegalArgumentException("UTF-16 index " + utf16Index + " splits a surrogate pair");
        }
        return found;
    }

    /** Python's {@code text[start:end]}, in code points. */
    public String slice(int start, int end) {
        return text.substring(utf16(start), utf16(end));
    }
}
