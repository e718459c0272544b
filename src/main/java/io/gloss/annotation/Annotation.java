package io.gloss.annotation;

import io.gloss.article.Article;
import io.gloss.project.Label;
import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;

/**
 * One person's claim that {@code text[start:end]} (code points, end exclusive) of an article
 * carries a label. {@link #quote} keeps the covered text so that any drift is detectable.
 * Deleting sets {@link #deletedAt}; rows are never removed.
 */
@Entity
public class Annotation extends PanacheEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "article_id")
    public Article article;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "label_id")
    public Label label;

    /** The article's project, copied here so that the review queue needs no join. */
    @Column(name = "project_id")
    public Long projectId;

    @Column(name = "start_offset")
    public int start;

    @Column(name = "end_offset")
    public int end;

    public String quote;

    public String note;

    @Enumerated(EnumType.STRING)
    public AnnotationStatus status;

    public String author;

    public String reviewer;

    /**
     * The reviewer whose correction is the current label, null while the label is the author's:
     * they took part in the annotation, so the four-eyes rule keeps them from deciding on it.
     */
    @Column(name = "label_corrected_by")
    public String labelCorrectedBy;

    @Column(name = "review_comment")
    public String comment;

    @Version
    public int version;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "deleted_at")
    public Instant deletedAt;

    /** When the annotation entered its current status; the review queue is oldest first by it. */
    @Column(name = "status_changed_at")
    public Instant statusChangedAt;

    /** The article's live annotations in text order; {@code author} null or blank: everyone's. */
    public static List<Annotation> liveOf(long articleId, String author) {
        if (author == null || author.isBlank()) {
            return list("article.id = ?1 and deletedAt is null order by start, end, id", articleId);
        }
        return list("article.id = ?1 and author = ?2 and deletedAt is null order by start, end, id", articleId, author);
    }

    /** The author's live annotation of exactly this span and label, if any. */
    static Annotation findTwin(long articleId, String author, long labelId, int start, int end) {
        return find("article.id = ?1 and author = ?2 and label.id = ?3 and start = ?4 and end = ?5 and deletedAt is null",
                articleId, author, labelId, start, end).firstResult();
    }
}
