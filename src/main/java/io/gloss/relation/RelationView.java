package io.gloss.relation;

import io.gloss.annotation.AnnotationStatus;
import java.time.Instant;

/** A relation as the API returns it (api.md): {@code type} is the relation type's key, {@code fromId}/{@code toId} annotation ids. */
public record RelationView(Long id, Long articleId, String type, Long fromId, Long toId, String note, AnnotationStatus status,
        String author, String reviewer, String comment, int version, Instant created, Instant updated) {

    static RelationView of(Relation r) {
        return new RelationView(r.id, r.article.id, r.type.key, r.from.id, r.to.id, r.note, r.status, r.author, r.reviewer,
                r.comment, r.version, r.createdAt, r.updatedAt);
    }
}
