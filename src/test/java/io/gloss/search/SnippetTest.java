package io.gloss.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gloss.text.SearchTokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SnippetTest {

    static String marked(Snippet snippet, Snippet.Mark mark) {
        int[] cps = snippet.text().codePoints().toArray();
        return new String(cps, mark.start(), mark.end() - mark.start());
    }

    @Test
    void marksEveryMatchAndPlacesTheFirstInTheText() {
        String text = "🙂 Zelénska’s office said\nthe talks resumed in Kyïv.";
        Snippet snippet = Snippet.of(text, SearchQuery.parse("zelenska kyiv"));
        assertEquals(text.replace('\n', ' '), snippet.text(), "a short text is shown whole, on one line");
        assertEquals(List.of("Zelénska", "Kyïv"), snippet.marks().stream().map(m -> marked(snippet, m)).toList());
        assertEquals(2, snippet.start());
        assertEquals(10, snippet.end());
        assertEquals(2, snippet.matches());
    }

    @Test
    void cutsALongTextAroundTheFirstMatchAtWordBoundaries() {
        String text = "word ".repeat(100) + "Pyongyang " + "tail ".repeat(100);
        Snippet snippet = Snippet.of(text, SearchQuery.parse("pyongyang"));
        assertTrue(snippet.text().startsWith("…word"), snippet.text());
        assertTrue(snippet.text().endsWith("tail…"), snippet.text());
        assertTrue(snippet.text().length() <= 2 * Snippet.CONTEXT + 12, snippet.text());
        assertEquals("Pyongyang", marked(snippet, snippet.marks().get(0)));
        assertEquals(500, snippet.start());
    }

    @Test
    void theMarkedWordsAreTheArticleSlicedAtTheOffsetsThroughEmojiQuotesAccentsAndCrlf() {
        String text = "word ".repeat(40) + "🙂🙂 “Zelénska’s” office,\r\nsaid ﬁles in Kyi\u0308v: ZELENSKA. " + "tail ".repeat(40);
        Snippet snippet = Snippet.of(text, SearchQuery.parse("zelenska kyiv fil*"));
        int[] cps = text.codePoints().toArray();
        assertEquals("Zelénska", new String(cps, snippet.start(), snippet.end() - snippet.start()));
        assertEquals(List.of("Zelénska", "ﬁles", "Kyi\u0308v", "ZELENSKA"),
                snippet.marks().stream().map(m -> marked(snippet, m)).toList());
        assertTrue(snippet.text().contains(",\r said"), "CRLF stays, its line feed shown as a space: " + snippet.text());
    }

    /**
     * Random texts of tricky characters against the plain definition: every word folded
     * ({@link SearchTokens#tokens}), the hits over all of them, the window cut from the code
     * points. Snippet keeps only the words the query mentions and cuts the window from the
     * String; both must give the same snippet.
     */
    @Test
    void sameAsFoldingEveryWordOnRandomTexts() {
        String[] pieces = {"the", "The", "talks", "TALKS", "resumed", "Kyïv", "Kyi\u0308v", "kyiv", "ﬁle", "file", "café",
            "🙂", "“", "”", "’s", "—", "\r\n", "\n", " ", " ", " ", ",", "3,000", "news\u00ADroom", "𝒜bc", "x"};
        String[] queries = {"the", "kyiv", "\"talks resumed\"", "ky*", "fil*", "\"the talks\" kyiv", "newsroom 3", "\"resumed the ta*\"",
            "abc", "cafe x"};
        Random random = new Random(22);
        for (int round = 0; round < 3000; round++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(round % 10 == 0 ? 400 : 40);
            for (int i = 0; i < length; i++) {
                text.append(pieces[random.nextInt(pieces.length)]);
                if (random.nextInt(3) > 0) {
                    text.append(' ');
                }
            }
            SearchQuery query = SearchQuery.parse(queries[random.nextInt(queries.length)]);
            assertEquals(plain(text.toString(), query), Snippet.of(text.toString(), query), "text: " + text + "; query: " + query);
        }
    }

    /**
     * The words a snippet does not fold still obey the limits: one longer than MAX_WORD_BYTES
     * once folded is no word (so a phrase spans it), and only the first MAX_WORDS count.
     */
    @Test
    void unfoldedWordsKeepTheWordLimits() {
        String tooLong = "a" + "ж".repeat(1100); // 2,201 UTF-8 bytes: skipped for "the", and no word
        String text = "the " + tooLong + " talks; " + "t" + "x".repeat(2100) + " the talks";
        for (String q : List.of("the", "\"the talks\"", "ta*")) {
            SearchQuery query = SearchQuery.parse(q);
            Snippet snippet = Snippet.of(text, query);
            assertEquals(plain(text, query), snippet, q);
        }
        assertEquals(2, Snippet.of(text, SearchQuery.parse("\"the talks\"")).matches(), "the long word between is none");
        String many = "a ".repeat(SearchTokens.MAX_WORDS - 1) + "the talks";
        assertEquals(plain(many, SearchQuery.parse("the")), Snippet.of(many, SearchQuery.parse("the")));
        assertNull(Snippet.of(many, SearchQuery.parse("talks")), "word 16,384 is past the limit");
    }

    /** The snippet by its definition, from every folded word and the text's code points. */
    private static Snippet plain(String text, SearchQuery query) {
        List<SearchTokens.Token> tokens = SearchTokens.tokens(text);
        List<int[]> hits = query.hits(tokens.stream().map(SearchTokens.Token::word).toList());
        if (hits.isEmpty()) {
            return null;
        }
        int[] cps = text.codePoints().toArray();
        int hitStart = tokens.get(hits.get(0)[0]).start();
        int hitEnd = tokens.get(hits.get(0)[1]).end();
        int from = Math.max(0, hitStart - Snippet.CONTEXT);
        if (from > 0) {
            while (from < hitStart && !Character.isWhitespace(cps[from - 1])) {
                from++;
            }
        }
        int to = Math.min(cps.length, hitEnd + Snippet.CONTEXT);
        if (to < cps.length) {
            while (to > hitEnd && !Character.isWhitespace(cps[to])) {
                to--;
            }
        }
        String prefix = from > 0 ? "…" : "";
        String shown = prefix + new String(cps, from, to - from).replace('\n', ' ') + (to < cps.length ? "…" : "");
        List<Snippet.Mark> marks = new ArrayList<>();
        for (int[] hit : hits) {
            int start = tokens.get(hit[0]).start();
            int end = tokens.get(hit[1]).end();
            if (start >= from && end <= to) {
                marks.add(new Snippet.Mark(start + prefix.length() - from, end + prefix.length() - from));
            }
        }
        return new Snippet(shown, marks, hitStart, hitEnd, hits.size());
    }

    @Test
    void noneWhereNothingMatches() {
        assertNull(Snippet.of("Kursk region", SearchQuery.parse("seoul")));
    }
}
