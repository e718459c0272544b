package io.gloss.entity;

import java.time.Instant;

/** A span linked to an entity, with what the entity page shows of its article. */
public record Mention(long annotationId, long articleId, String title, String source, String published, String label,
        int start, int end, String quote, String status, String author, Instant created) {
}
