package io.gloss.article;

import io.gloss.project.Label;

/** An imported span checked against its article: offsets into the stored (normalised) text, and the text they cover. */
public record CheckedSpan(Label label, int start, int end, String quote) {
}
