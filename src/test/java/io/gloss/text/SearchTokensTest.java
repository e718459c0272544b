package io.gloss.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gloss.text.SearchTokens.Token;
import java.util.List;
import org.junit.jupiter.api.Test;

class SearchTokensTest {

    @Test
    void foldsCaseAccentsAndCompatibilityForms() {
        assertEquals("zelenskyy zelenskyy zelenskyy", SearchTokens.fold("Zelenskyy ZELENSKYY Zélenškyy"));
        assertEquals("file strasse", SearchTokens.fold("ﬁle STRASSE"));
        assertEquals("kyiv", SearchTokens.fold("Kyïv"));
        assertEquals("3 000", SearchTokens.fold("3,000"), "a comma separates");
        assertEquals("123", SearchTokens.fold("١٢٣"), "every decimal digit is an ASCII one");
        assertEquals("россия", SearchTokens.fold("РОССИЯ"));
    }

    @Test
    void separatesOnPunctuationQuotesDashesAndEmoji() {
        assertEquals("russia ukraine war", SearchTokens.fold("Russia-Ukraine war"));
        assertEquals("zelensky s the talks resumed", SearchTokens.fold("Zelensky’s — “the talks resumed” 🙂"));
        assertEquals("", SearchTokens.fold("— “ ” 🙂 …"));
        assertEquals("", SearchTokens.fold(null));
    }

    @Test
    void marksAndFormatCharactersStayInsideTheirWord() {
        // "e" + combining acute (a decomposed é), a soft hyphen, a zero-width joiner.
        assertEquals("cafe", SearchTokens.fold("cafe\u0301"));
        assertEquals("newsroom", SearchTokens.fold("news\u00ADroom"));
        assertEquals("ab", SearchTokens.fold("a\u200Db"));
    }

    @Test
    void placesWordsInCodePoints() {
        String text = "🙂 Zelénska’s\r\nKYIV";
        List<Token> tokens = SearchTokens.tokens(text);
        assertEquals(List.of(new Token("zelenska", 2, 10), new Token("s", 11, 12), new Token("kyiv", 14, 18)), tokens);
        int[] cps = text.codePoints().toArray();
        assertEquals("Zelénska", new String(cps, 2, 8));
    }

    @Test
    void keepsTheFirstWordsAndSkipsOverlongOnes() {
        String many = "word ".repeat(SearchTokens.MAX_WORDS + 10);
        assertEquals(SearchTokens.MAX_WORDS, SearchTokens.tokens(many).size());
        String overlong = "a".repeat(SearchTokens.MAX_WORD_BYTES + 1);
        assertEquals("before after", SearchTokens.fold("before " + overlong + " after"));
    }
}
