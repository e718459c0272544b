package io.gloss.review;

import io.gloss.annotation.Offsets;
import java.text.BreakIterator;
import java.util.Locale;

/** The text around a span, to the sentence boundaries and at most {@link #MAX} characters a side. */
public record SpanContext(String before, String after) {

    static final int MAX = 160;

    public static SpanContext of(String text, int start, int end) {
        int from = text.offsetByCodePoints(0, start);
        int to = text.offsetByCodePoints(from, end - start);
        BreakIterator sentences = BreakIterator.getSentenceInstance(Locale.ROOT);
        sentences.setText(text);
        int sentenceStart = sentences.isBoundary(from) ? from : sentences.preceding(from);
        int sentenceEnd = to >= text.length() ? text.length() : sentences.following(Math.max(to - 1, 0));
        String before = text.substring(Math.max(sentenceStart, 0), from);
        String after = text.substring(to, sentenceEnd == BreakIterator.DONE ? text.length() : sentenceEnd);
        return new SpanContext(tail(before), head(after.stripTrailing()));
    }

    private static String tail(String s) {
        int n = Offsets.length(s);
        return n <= MAX ? s : "…" + s.substring(s.offsetByCodePoints(0, n - MAX));
    }

    private static String head(String s) {
        int n = Offsets.length(s);
        return n <= MAX ? s : s.substring(0, s.offsetByCodePoints(0, MAX)) + "…";
    }
}
