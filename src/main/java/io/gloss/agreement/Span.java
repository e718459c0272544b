package io.gloss.agreement;

/** One annotator's span: a label key and code-point offsets, {@code start < end}. */
public record Span(String label, int start, int end) {

    public Span {
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("A span needs 0 <= start < end: " + start + ", " + end);
        }
    }

    boolean overlaps(Span other) {
        return start < other.end && other.start < end;
    }
}
