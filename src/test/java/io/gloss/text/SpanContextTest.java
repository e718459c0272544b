package io.gloss.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gloss.SharedCorpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The context of a span is found in a window around it, for speed; it must read exactly as if
 * the whole article had been searched, on real news text with emoji, flags and CRLF-free lines.
 */
class SpanContextTest {

    @Test
    void aWindowGivesWhatTheWholeTextGives() throws IOException {
        StringBuilder article = new StringBuilder();
        for (Path file : SharedCorpus.files()) {
            article.append(Files.readString(file)).append("\n\n");
        }
        // Astral characters near window edges: flags, emoji, and a long sentence with no stop.
        article.append("🇺🇦🇺🇦 Residents 😀 said ").append("the shelling went on ".repeat(60)).append("— until dawn. 🙂 End");
        String text = article.toString();
        int length = text.codePointCount(0, text.length());
        assertTrue(length > 5 * SpanContext.WINDOW, "longer than a window many times over");

        Random random = new Random(7);
        for (int i = 0; i < 3_000; i++) {
            int start = random.nextInt(length);
            int end = Math.min(length, start + 1 + random.nextInt(40));
            SpanContext windowed = SpanContext.of(text, start, end);
            SpanContext whole = SpanContext.of(text, start, end, Integer.MAX_VALUE);
            assertEquals(whole, windowed, "span [" + start + ", " + end + ")");
        }
        for (List<Integer> span : List.of(List.of(0, 1), List.of(length - 1, length), List.of(0, length))) {
            assertEquals(SpanContext.of(text, span.get(0), span.get(1), Integer.MAX_VALUE),
                    SpanContext.of(text, span.get(0), span.get(1)), "span " + span);
        }
    }
}
