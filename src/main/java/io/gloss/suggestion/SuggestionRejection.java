package io.gloss.suggestion;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An editor's "no" to a place (article, label, offsets), not to one suggestion row: whatever
 * proposes that place again later is not shown to them.
 */
@Entity
@Table(name = "suggestion_rejection")
public class SuggestionRejection extends SuggestedPlace {

    public String username;

    @Column(name = "rejected_at")
    public Instant rejectedAt;

    /** Whether {@code username} has rejected the suggestion's place already. */
    static boolean exists(Suggestion suggestion, String username) {
        return count("article.id = ?1 and label.id = ?2 and start = ?3 and end = ?4 and username = ?5",
                suggestion.article.id, suggestion.label.id, suggestion.start, suggestion.end, username) > 0;
    }
}
