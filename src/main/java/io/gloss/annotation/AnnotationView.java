package io.gloss.annotation;

import java.time.Instant;

/** An annotation as the API returns it (api.md). Offsets in code points. */
public record AnnotationView(Long id, Long articleId, String label, int start, int end, String quote, String note,
        AnnotationStatus status, String author, String reviewer, String comment, int version, Instant created,
        Instant updated) {

    public static AnnotationView of(Annotation a) {
        return new AnnotationView(a.id, a.article.id, a.label.key, a.start, a.end, a.quote, a.note, a.status,
                a.author, a.reviewer, a.comment, a.version, a.createdAt, a.updatedAt);
    }
}
