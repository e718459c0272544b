package io.gloss.text;

import java.text.BreakIterator;
import java.util.Locale;

/** The text around a span, to the sentence boundaries and at most {@link #MAX} characters a side. */
public record SpanContext(String before, String after) {

    static final int MAX = 160;
    /**
     * Sentences are looked for this far (UTF-16 units) around the span, not in the whole article:
     * a queue page finds 50 contexts, and a break iterator over 20,000 characters each was most of
     * its time. Four times {@link #MAX} is enough: a sentence reaching past the window would be cut
     * to {@link #MAX} code points anyway, so the result is the same as over the whole text.
     */
    static final int WINDOW = 4 * MAX;

    public static SpanContext of(String text, int start, int end) {
        return of(text, start, end, WINDOW);
    }

    /** With the sentences searched {@code window} units around the span (a test compares windows). */
    static SpanContext of(String text, int start, int end, int window) {
        int from = text.offsetByCodePoints(0, start);
        int to = text.offsetByCodePoints(from, end - start);
        int first = codePointStart(text, Math.max(0, from - window));
        int last = codePointStart(text, (int) Math.min(text.length(), (long) to + window));
        String part = text.substring(first, last);
        from -= first;
        to -= first;
        BreakIterator sentences = BreakIterator.getSentenceInstance(Locale.ROOT);
        sentences.setText(part);
        int sentenceStart = sentences.isBoundary(from) ? from : sentences.preceding(from);
        int sentenceEnd = to >= part.length() ? part.length() : sentences.following(Math.max(to - 1, 0));
        String before = part.substring(Math.max(sentenceStart, 0), from);
        String after = part.substring(to, sentenceEnd == BreakIterator.DONE ? part.length() : sentenceEnd);
        return new SpanContext(tail(before), head(after.stripTrailing()));
    }

    /** {@code index}, or the index after it when it falls inside a surrogate pair. */
    private static int codePointStart(String text, int index) {
        return index > 0 && index < text.length() && Character.isLowSurrogate(text.charAt(index))
                && Character.isHighSurrogate(text.charAt(index - 1)) ? index + 1 : index;
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
