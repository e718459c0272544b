package io.gloss.search;

import io.gloss.text.SearchTokens;
import io.gloss.text.SearchTokens.Token;
import java.util.ArrayList;
import java.util.List;

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

    /** The snippet of {@code text} for {@code query}, or null where the query matches none of its words. */
    static Snippet of(String text, SearchQuery query) {
        List<Token> tokens = SearchTokens.tokens(text);
        List<int[]> hits = query.hits(tokens);
        if (hits.isEmpty()) {
            return null;
        }
        int[] codePoints = text.codePoints().toArray();
        int hitStart = tokens.get(hits.get(0)[0]).start();
        int hitEnd = tokens.get(hits.get(0)[1]).end();
        int from = wordStart(codePoints, Math.max(0, hitStart - CONTEXT), hitStart);
        int to = wordEnd(codePoints, Math.min(codePoints.length, hitEnd + CONTEXT), hitEnd);
        String prefix = from > 0 ? "…" : "";
        String shown = prefix + new String(codePoints, from, to - from).replace('\n', ' ') + (to < codePoints.length ? "…" : "");
        int shift = prefix.length() - from;
        List<Mark> marks = new ArrayList<>();
        for (int[] hit : hits) {
            int start = tokens.get(hit[0]).start();
            int end = tokens.get(hit[1]).end();
            if (start >= from && end <= to) {
                marks.add(new Mark(start + shift, end + shift));
            }
        }
        return new Snippet(shown, marks, hitStart, hitEnd, hits.size());
    }

    /** The first word start at or after {@code at} (not past {@code limit}), so the snippet does not begin mid-word. */
    private static int wordStart(int[] cps, int at, int limit) {
        if (at == 0) {
            return 0;
        }
        int i = at;
        while (i < limit && !Character.isWhitespace(cps[i - 1])) {
            i++;
        }
        return i;
    }

    private static int wordEnd(int[] cps, int at, int limit) {
        if (at == cps.length) {
            return at;
        }
        int i = at;
        while (i > limit && !Character.isWhitespace(cps[i])) {
            i--;
        }
        return i;
    }
}
