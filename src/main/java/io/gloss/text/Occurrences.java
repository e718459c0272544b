package io.gloss.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a quote occurs in a text as a whole word, in code points: the occurrences "label all
 * occurrences" proposes. The match is exact, case and accents included: "Kyiv" does not find
 * "KYIV", so a suggestion never changes what the editor tagged, only where. A word boundary is a
 * side of the match where a word character (a Unicode letter, digit or combining mark) does not
 * touch a word character of the quote, so "Kyiv" is not found in "Kyivstar" or "Kyiv2", while
 * "U.S." is found before a space or a letter (its dot ends no word). Occurrences that overlap an
 * earlier one are skipped, so "aa" in "aaa" is found once.
 */
public final class Occurrences {

    /** One occurrence, {@code text[start:end]} in code points. */
    public record Occurrence(int start, int end) {
    }

    private Occurrences() {
    }

    /** Every whole-word, non-overlapping occurrence of {@code quote} in {@code text}, in text order; none for an empty quote. */
    public static List<Occurrence> of(CodePointText text, String quote) {
        List<Occurrence> found = new ArrayList<>();
        if (quote == null || quote.isEmpty()) {
            return found;
        }
        String s = text.text();
        boolean wordAtStart = isWord(quote.codePointAt(0));
        boolean wordAtEnd = isWord(quote.codePointBefore(quote.length()));
        int from = 0;
        while (true) {
            int at = s.indexOf(quote, from);
            if (at < 0) {
                return found;
            }
            int after = at + quote.length();
            boolean splitsPair = at > 0 && Character.isLowSurrogate(s.charAt(at)) && Character.isHighSurrogate(s.charAt(at - 1));
            boolean boundaryBefore = !wordAtStart || at == 0 || !isWord(s.codePointBefore(at));
            boolean boundaryAfter = !wordAtEnd || after == s.length() || !isWord(s.codePointAt(after));
            if (!splitsPair && boundaryBefore && boundaryAfter) {
                found.add(new Occurrence(text.codePoint(at), text.codePoint(after)));
                from = after;
            } else {
                from = at + 1;
            }
        }
    }

    /** Letters, digits and the marks that combine with them (a decomposed accent belongs to its word). */
    private static boolean isWord(int codePoint) {
        if (Character.isLetterOrDigit(codePoint)) {
            return true;
        }
        int type = Character.getType(codePoint);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }
}
