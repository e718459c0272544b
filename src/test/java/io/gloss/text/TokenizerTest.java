package io.gloss.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The tokens of the CoNLL export and of the agreement on tokens. */
class TokenizerTest {

    @Test
    void tokensDropWhitespaceSplitPossessivesAndKeepSentences() {
        CodePointText text = new CodePointText("Zelensky's aides met Russia’s envoy\u00a0in Kyiv. Then 🇺🇦 home\nNext line");
        Tokenizer.Tokens tokens = Tokenizer.tokenize(text);
        List<String> words = new ArrayList<>();
        for (int i = 0; i < tokens.count(); i++) {
            words.add(text.slice(tokens.start()[i], tokens.end()[i]));
        }
        assertEquals(List.of("Zelensky", "'s", "aides", "met", "Russia", "’s", "envoy", "in", "Kyiv", ".", "Then", "🇺", "🇦",
                "home", "Next", "line"), words);
        int kyiv = words.indexOf("Kyiv");
        int then = words.indexOf("Then");
        int next = words.indexOf("Next");
        assertEquals(tokens.sentence()[0], tokens.sentence()[kyiv]);
        assertTrue(tokens.sentence()[kyiv + 2] > tokens.sentence()[kyiv], "a sentence after the full stop");
        assertTrue(tokens.sentence()[next] > tokens.sentence()[then], "and after a line break without one");
        // Offsets are code points: the flag's two regional indicators are one code point each.
        assertEquals(text.text().codePointCount(0, text.text().indexOf("Then")), tokens.start()[then]);
    }

    static List<String> words(String s) {
        CodePointText text = new CodePointText(s);
        Tokenizer.Tokens tokens = Tokenizer.words(text);
        List<String> words = new ArrayList<>();
        for (int i = 0; i < tokens.count(); i++) {
            words.add(text.slice(tokens.start()[i], tokens.end()[i]));
        }
        return words;
    }

    @Test
    void aHyphenInsideACompoundIsATokenOfItsOwn() {
        // The JDK keeps these in one word; a span on "Russia" or "Kremlin" needs the parts.
        assertEquals(List.of("the", "Russia", "-", "Ukraine", "talks"), words("the Russia-Ukraine talks"));
        assertEquals(List.of("pro", "‑", "Kremlin", "19th", "-", "century", "Kyiv", "–", "Odesa", "’s"),
                words("pro\u2011Kremlin 19th-century Kyiv–Odesa’s"));
        assertEquals(List.of("COVID", "-", "19", "3", "-", "2", "-", "x", "a", "-"), words("COVID-19 3-2 -x a-"),
                "before a digit, at a word's edge: as the JDK cuts them");
        assertEquals(List.of("Zelénska", "-", "Ołena"), words("Zelénska-Ołena"));
    }

    @Test
    void everySeparatorPythonSplitsOnIsWhitespace() {
        // Python's str.split() separates at all of these; a CoNLL line must keep exactly its columns.
        String separators = "\t\u000b\u000c\u001c\u001d\u001e\u001f \u0085\u00a0\u1680\u2000\u2007\u200a\u2028\u2029\u202f\u205f\u3000";
        StringBuilder text = new StringBuilder("a");
        separators.chars().forEach(c -> text.append((char) c).append('b'));
        Tokenizer.Tokens tokens = Tokenizer.words(new CodePointText(text.toString()));
        assertEquals(separators.length() + 1, tokens.count(), "one token between each two separators, none of them a token");
    }

    @Test
    void wordsAreTheSameTokensWithoutSentences() {
        CodePointText text = new CodePointText("Zelensky's aides met Russia’s envoy in Kyiv. Then 🇺🇦 home\nNext line");
        Tokenizer.Tokens all = Tokenizer.tokenize(text);
        Tokenizer.Tokens words = Tokenizer.words(text);
        assertEquals(all.count(), words.count());
        assertTrue(all.sentence()[all.count() - 1] > 0);
        for (int i = 0; i < all.count(); i++) {
            assertEquals(all.start()[i], words.start()[i]);
            assertEquals(all.end()[i], words.end()[i]);
            assertEquals(0, words.sentence()[i]);
        }
    }
}
