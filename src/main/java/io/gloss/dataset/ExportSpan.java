package io.gloss.dataset;

import io.gloss.annotation.AnnotationStatus;
import io.gloss.entity.EntityLink;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.SortedMap;

/**
 * An annotation as the writers see it. {@code text} is cut from the article at the span's
 * code-point offsets (and checked against the stored quote), so every export carries exactly
 * {@code article_text[start:end]}. {@code annotator} is its author; {@code annotators} everyone who
 * gave it (the author and the authors of the annotations a curator merged into it, sorted).
 * {@code entity} is the entity it links to, or null; {@code attributes} its attribute values by
 * key, sorted, each a {@link java.math.BigDecimal} (numbers, exactly as stored) or a String.
 */
public record ExportSpan(long id, long articleId, int start, int end, String label, String text, String note,
        AnnotationStatus status, String annotator, List<String> annotators, String reviewer, Instant created,
        EntityLink entity, SortedMap<String, Object> attributes) {

    /** The one order of spans in every format: start, end, label, then id. */
    public static final Comparator<ExportSpan> ORDER = Comparator.comparingInt(ExportSpan::start)
            .thenComparingInt(ExportSpan::end).thenComparing(ExportSpan::label).thenComparingLong(ExportSpan::id);

    public int length() {
        return end - start;
    }
}
