package io.gloss.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
