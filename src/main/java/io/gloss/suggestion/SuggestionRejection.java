package io.gloss.suggestion;

import io.gloss.article.Article;
import io.gloss.project.Label;
import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An editor's "no" to a place (article, label, offsets), not to one suggestion row: whatever
 * proposes that place again later is not shown to them.
 */
@Entity
@Table(name = "suggestion_rejection")
public class SuggestionRejection extends PanacheEntity {

    @Column(name = "project_id")
    public Long projectId;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "article_id")
    public Article article;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "label_id")
    public Label label;

    @Column(name = "start_offset")
    public int start;

    @Column(name = "end_offset")
    public int end;

    public String username;

    @Column(name = "rejected_at")
    public Instant rejectedAt;

    /** Whether {@code username} has rejected the suggestion's place already. */
    static boolean exists(Suggestion suggestion, String username) {
        return count("article.id = ?1 and label.id = ?2 and start = ?3 and end = ?4 and username = ?5",
                suggestion.article.id, suggestion.label.id, suggestion.start, suggestion.end, username) > 0;
    }
}
