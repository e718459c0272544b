package io.gloss.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
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
    void noneWhereNothingMatches() {
        assertNull(Snippet.of("Kursk region", SearchQuery.parse("seoul")));
    }
}
