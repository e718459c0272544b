package io.gloss.recommender;

/** A span with its label: {@code text[start:end]} in code points, end exclusive; {@code score} 0 to 1 when a model found it. */
public record LabelledSpan(int start, int end, String label, double score) {

    /** An approved span: sure. */
    public static LabelledSpan approved(int start, int end, String label) {
        return new LabelledSpan(start, end, label, 1.0);
    }

    /** The same place and label, whatever the score: what the evaluation compares. */
    boolean samePlace(LabelledSpan other) {
        return start == other.start && end == other.end && label.equals(other.label);
    }
}
