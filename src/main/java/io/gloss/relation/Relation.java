package io.gloss.relation;

import io.gloss.annotation.Annotation;
import io.gloss.annotation.AnnotationStatus;
import io.gloss.article.Article;
import io.gloss.project.RelationType;
import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;

/**
 * One person's claim that a span of an article stands in a relation to another span of the same
 * article (this claim is ATTRIBUTED_TO that actor). Reviewed like spans: SUBMITTED, then APPROVED
 * or REJECTED by another person. Deleting sets {@link #deletedAt}; rows are never removed.
 */
@Entity
public class Relation extends PanacheEntity {

    @Column(name = "project_id")
    public Long projectId;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "article_id")
    public Article article;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "type_id")
    public RelationType type;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "from_id")
    public Annotation from;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "to_id")
    public Annotation to;

    public String note;

    @Enumerated(EnumType.STRING)
    public AnnotationStatus status;

    public String author;

    public String reviewer;

    @Column(name = "review_comment")
    public String comment;

    @Version
    public int version;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "status_changed_at")
    public Instant statusChangedAt;

    @Column(name = "deleted_at")
    public Instant deletedAt;

    /**
     * The article's live relations whose both ends are live, in creation order, as the API shows
     * them: read as rows rather than managed entities (the article page reads hundreds at once);
     * only {@code author}'s when given (a blind project's editor).
     */
    static List<RelationView> liveViewsOf(long articleId, String author) {
        var query = getEntityManager().createQuery("select new io.gloss.relation.RelationView(r.id, r.article.id, r.type.key,"
                        + " r.from.id, r.to.id, r.note, r.status, r.author, r.reviewer, r.comment, r.version, r.createdAt,"
                        + " r.updatedAt) from Relation r where r.article.id = :article and r.deletedAt is null"
                        + " and r.from.deletedAt is null and r.to.deletedAt is null"
                        + (author == null ? "" : " and r.author = :author") + " order by r.id", RelationView.class)
                .setParameter("article", articleId).setFlushMode(FlushModeType.COMMIT);
        if (author != null) {
            query.setParameter("author", author);
        }
        return query.getResultList();
    }

    /** The same author's live relation of this type between these spans, if any. */
    static Relation twin(String author, long typeId, long fromId, long toId) {
        return find("author = ?1 and type.id = ?2 and from.id = ?3 and to.id = ?4 and deletedAt is null",
                author, typeId, fromId, toId).firstResult();
    }
}
