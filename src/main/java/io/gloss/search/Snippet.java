package io.gloss.search;

import io.gloss.text.SearchTokens;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A few lines of a text around the first place the query matches, with every match inside them
 * marked: {@code marks} are [start, end) in code points of {@code text}; {@code start} and
 * {@code end} place the first match in the whole text, in code points.
 */
public record Snippet(String text, List<Mark> marks, int start, int end, int matches) {

    /** Code points shown before the first match and after it, at most. */
    static final int CONTEXT = 80;

    public record Mark(int start, int end) {
    }

    /**
     * The snippet of {@code text} for {@code query}, or null where the query matches none of its
     * words. Every word is read, since {@code matches} counts them all, but only a word starting
     * as one the query mentions is folded, only the words it mentions are kept, and only the lines
     * shown are cut out: the rest of the text costs a look at each code point and no object per
     * word or character.
     */
    static Snippet of(String text, SearchQuery query) {
        SearchTokens.Words words = new SearchTokens.Words(text, query.firstChars());
        List<String> mentioned = new ArrayList<>();
        Map<Integer, int[]> places = new HashMap<>();
        while (words.next()) {
            if (!words.skipped() && query.mentions(words.word())) {
                places.put(mentioned.size(), new int[] {words.start(), words.end(), words.startIndex(), words.endIndex()});
                mentioned.add(words.word().toString());
            } else {
                mentioned.add(null);
            }
        }
        List<int[]> hits = query.hits(mentioned);
        if (hits.isEmpty()) {
            return null;
        }
        int[] first = places.get(hits.get(0)[0]);
        int[] last = places.get(hits.get(0)[1]);
        int hitStart = first[0];
        int hitEnd = last[1];
        int fromIndex = wordStart(text, back(text, first[2], CONTEXT), first[2]);
        int toIndex = wordEnd(text, forward(text, last[3], CONTEXT), last[3]);
        int from = hitStart - text.codePointCount(fromIndex, first[2]);
        int to = hitEnd + text.codePointCount(last[3], toIndex);
        String prefix = fromIndex > 0 ? "…" : "";
        String shown = prefix + text.substring(fromIndex, toIndex).replace('\n', ' ') + (toIndex < text.length() ? "…" : "");
        int shift = prefix.length() - from;
        List<Mark> marks = new ArrayList<>();
        for (int[] hit : hits) {
            int start = places.get(hit[0])[0];
            int end = places.get(hit[1])[1];
            if (start >= from && end <= to) {
                marks.add(new Mark(start + shift, end + shift));
            }
        }
        return new Snippet(shown, marks, hitStart, hitEnd, hits.size());
    }

    /** The char index {@code points} code points before {@code index}, or 0. */
    private static int back(String text, int index, int points) {
        int i = index;
        for (int n = 0; n < points && i > 0; n++) {
            i -= Character.charCount(text.codePointBefore(i));
        }
        return i;
    }

    /** The char index {@code points} code points after {@code index}, or the end. */
    private static int forward(String text, int index, int points) {
        int i = index;
        for (int n = 0; n < points && i < text.length(); n++) {
            i += Character.charCount(text.codePointAt(i));
        }
        return i;
    }

    /** The first word start at or after {@code at} (not past {@code limit}), so the snippet does not begin mid-word. */
    private static int wordStart(String text, int at, int limit) {
        if (at == 0) {
            return 0;
        }
        int i = at;
        while (i < limit && !Character.isWhitespace(text.codePointBefore(i))) {
            i += Character.charCount(text.codePointAt(i));
        }
        return i;
    }

    /** The last word end at or before {@code at} (not before {@code limit}), so the snippet does not end mid-word. */
    private static int wordEnd(String text, int at, int limit) {
        if (at == text.length()) {
            return at;
        }
        int i = at;
        while (i > limit && !Character.isWhitespace(text.codePointAt(i))) {
            i -= Character.charCount(text.codePointBefore(i));
        }
        return i;
    }
}
