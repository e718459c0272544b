package io.gloss.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gloss.text.Occurrences.Occurrence;
import java.util.List;
import org.junit.jupiter.api.Test;

class OccurrencesTest {

    private static List<Occurrence> find(String text, String quote) {
        return Occurrences.of(new CodePointText(text), quote);
    }

    /** What the offset contract says each occurrence covers: text[start:end] in code points. */
    private static void assertCovers(String text, String quote, List<Occurrence> found) {
        for (Occurrence o : found) {
            assertEquals(quote, Offsets.slice(text, o.start(), o.end()));
        }
    }

    @Test
    void wholeWordsOnly() {
        String text = "Kyiv and Kyivstar, Kyiv2, 2Kyiv, XKyiv, Kyiv.";
        assertEquals(List.of(new Occurrence(0, 4), new Occurrence(40, 44)), find(text, "Kyiv"));
    }

    @Test
    void exactCase() {
        assertEquals(List.of(new Occurrence(5, 9)), find("KYIV Kyiv kyiv", "Kyiv"));
    }

    @Test
    void lettersOfOtherScriptsAreWordCharacters() {
        String text = "Київ і Київщина, Київ";
        assertEquals(List.of(new Occurrence(0, 4), new Occurrence(17, 21)), find(text, "Київ"));
        assertEquals(List.of(), find("Kyivé", "Kyiv"));
        assertEquals(List.of(), find("Kyive\u0301", "Kyiv"), "a decomposed accent belongs to the word");
        assertEquals(List.of(), find("éKyiv", "Kyiv"));
    }

    @Test
    void codePointsNotUtf16BeforeTheMatch() {
        String text = "😀 “Zelensky” said 👍🏽 Zelensky, café Zelensky";
        List<Occurrence> found = find(text, "Zelensky");
        // 😀 is one code point but two UTF-16 units; 👍🏽 is two code points, four units.
        assertEquals(List.of(new Occurrence(3, 11), new Occurrence(21, 29), new Occurrence(36, 44)), found);
        assertCovers(text, "Zelensky", found);
    }

    @Test
    void astralQuote() {
        String text = "a 😀 b 😀😀";
        List<Occurrence> found = find(text, "😀");
        assertEquals(List.of(new Occurrence(2, 3), new Occurrence(6, 7), new Occurrence(7, 8)), found,
                "an emoji is no word character, so neighbours do not block it");
        assertCovers(text, "😀", found);
    }

    @Test
    void overlappingOccurrencesSkipped() {
        assertEquals(List.of(new Occurrence(0, 5)), find("aa aa aa", "aa aa"));
        assertEquals(List.of(new Occurrence(0, 5), new Occurrence(6, 11)), find("aa aa aa aa", "aa aa"));
    }

    @Test
    void punctuationAtTheEdgesNeedsNoBoundary() {
        assertEquals(List.of(new Occurrence(0, 4), new Occurrence(9, 13)), find("U.S.-led U.S.A", "U.S."));
        assertEquals(List.of(new Occurrence(5, 11)), find("said “Kyiv” today", "“Kyiv”"));
    }

    @Test
    void multiWordQuoteAndNoQuote() {
        assertEquals(List.of(new Occurrence(4, 22)), find("Mr. Volodymyr Zelensky", "Volodymyr Zelensky"));
        assertEquals(List.of(), find("Mr. Volodymyr Zelensky", "Volodymyr Zel"), "the quote ends inside a word here");
        assertEquals(List.of(), find("text", ""));
        assertEquals(List.of(), find("", "text"));
    }
}
