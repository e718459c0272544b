package io.gloss.suggestion;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;

/**
 * A span the machine proposes: {@code text[start:end]} (code points, end exclusive) of an article
 * with a label, to one editor ({@link #forUser}) or to every editor of the project (null). It is
 * no annotation: exports and the review queue never read this table. Accepting it makes the
 * editor's annotation; the row stays, and is not shown to an editor who has that span.
 */
@Entity
public class Suggestion extends SuggestedPlace {

    public String quote;

    @Enumerated(EnumType.STRING)
    public SuggestionSource source;

    /** How sure the source is, 0 to 1 (an exact occurrence: 1), or null when it does not say. */
    public Double score;

    /** The entity the accepted span would link to, or null. */
    @Column(name = "entity_id")
    public Long entityId;

    /** The editor it is proposed to; null: every editor of the project. */
    @Column(name = "for_user")
    public String forUser;

    @Column(name = "created_at")
    public Instant createdAt;

    /** Removes the suggestions of a source on these articles: a new model's replace its last one's. */
    public static long deleteOf(SuggestionSource source, java.util.Collection<Long> articleIds) {
        return delete("source = ?1 and article.id in ?2", source, articleIds);
    }

    /** Whether it is proposed to {@code username}: to them, or to every editor. */
    boolean proposedTo(String username) {
        return forUser == null || forUser.equals(username);
    }
}
