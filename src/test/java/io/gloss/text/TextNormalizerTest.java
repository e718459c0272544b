package io.gloss.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TextNormalizerTest {

    @Test
    void crlfAndLoneCrBecomeLf() {
        assertEquals("a\nb\nc\n", TextNormalizer.normalize("a\r\nb\rc\r\n"));
    }

    @Test
    void combiningMarksAreComposed() {
        String decomposed = "Cafe\u0301 Zelens\u030Cky";
        String normalized = TextNormalizer.normalize(decomposed);
        assertEquals("Café Zelenšky", normalized);
        assertEquals(13, normalized.codePointCount(0, normalized.length()));
    }

    /** Offsets a tool counted in the text it had (CR LF, decomposed accents) land on the same words of the stored text. */
    @Test
    void spansMoveWithTheNormalisation() {
        String raw = "Cafe\u0301\r\n🇺🇦 Zelens\u030Cky\r\nin Kyiv";
        String normalized = TextNormalizer.normalize(raw);
        int[] zelensky = TextNormalizer.spanAfterNormalizing(raw, normalized, 10, 19); // "Zelens\u030Cky"
        assertEquals("Zelenšky", Offsets.slice(normalized, zelensky[0], zelensky[1]));
        int[] across = TextNormalizer.spanAfterNormalizing(raw, normalized, 10, 25); // across a CR LF
        assertEquals("Zelenšky\nin K", Offsets.slice(normalized, across[0], across[1]));
        assertArrayEquals(new int[] {2, 4}, TextNormalizer.spanAfterNormalizing("ab cd", "ab cd", 2, 4));
        // An edge between CR and LF, or between a letter and its combining mark, has no place in the stored text.
        assertNull(TextNormalizer.spanAfterNormalizing(raw, normalized, 6, 10));
        assertNull(TextNormalizer.spanAfterNormalizing(raw, normalized, 0, 4));
    }

    @Test
    void emojiAndRightToLeftTextAreKept() {
        String text = "🇺🇦 «مرحبا» — שלום 👩‍👩‍👧";
        assertEquals(text, TextNormalizer.normalize(text));
    }

    @Test
    void sha256IsOfTheUtf8Bytes() {
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", TextNormalizer.sha256(""));
        assertEquals(64, TextNormalizer.sha256("Zelensky").length());
    }

    @Test
    void strictUtf8() throws CharacterCodingException {
        assertEquals("Kyiv", TextNormalizer.decodeUtf8("\uFEFFKyiv".getBytes(StandardCharsets.UTF_8)));
        byte[] latin1 = "Café".getBytes(StandardCharsets.ISO_8859_1);
        assertThrows(CharacterCodingException.class, () -> TextNormalizer.decodeUtf8(latin1));
    }
}
