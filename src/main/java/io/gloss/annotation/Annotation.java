package io.gloss.annotation;

import io.gloss.article.Article;
import io.gloss.entity.EntityLink;
import io.gloss.project.Label;
import io.gloss.project.LabelAttributes;
import io.gloss.text.SearchTokens;
import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

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

    /** The annotation this one was MERGED into by a curator (null unless MERGED): its annotators include this author. */
    @Column(name = "merged_into")
    public Long mergedInto;

    /** The entity the span names (only for labels that link entities), or null. */
    @Column(name = "entity_id")
    public Long entityId;

    /** Its values of the label's attributes, JSON text ({@code LabelAttributes}), or null. */
    public String attributes;

    /** The source of the suggestion the author accepted to make it ({@code OCCURRENCE}, …), null for a span made by hand. */
    public String origin;

    /** Its quote and note as search reads them ({@code SearchTokens.fold}), kept with every write. */
    @Column(name = "search_text")
    public String searchText;

    @PrePersist
    @PreUpdate
    void foldForSearch() {
        searchText = SearchTokens.fold(note == null ? quote : quote + "\n" + note);
    }

    /**
     * Takes a reviewer's label: the link to an entity goes unless the label links entities, and
     * the attribute values it does not define go too.
     */
    public void takeLabel(Label newLabel) {
        label = newLabel;
        if (!newLabel.linksEntity) {
            entityId = null;
        }
        attributes = LabelAttributes.write(LabelAttributes.stillDefined(newLabel, LabelAttributes.read(attributes)));
    }

    /** The article's live annotations in text order; {@code author} null or blank: everyone's. */
    public static List<Annotation> liveOf(long articleId, String author) {
        if (author == null || author.isBlank()) {
            return list("article.id = ?1 and deletedAt is null order by start, end, id", articleId);
        }
        return list("article.id = ?1 and author = ?2 and deletedAt is null order by start, end, id", articleId, author);
    }

    /**
     * The article's live annotations as the API shows them, read as plain rows rather than entities
     * (the article page and its list carry thousands: nothing to track, nothing to flush), in text
     * order; {@code author} null or blank: everyone's.
     */
    static List<AnnotationView> liveViewsOf(long articleId, String author) {
        boolean anyone = author == null || author.isBlank();
        var query = getEntityManager().createQuery("select a.id, a.label.key, a.start, a.end, a.quote, a.note, a.status,"
                        + " a.author, a.reviewer, a.comment, a.version, a.createdAt, a.updatedAt, a.mergedInto, a.entityId,"
                        + " a.attributes, a.origin from Annotation a"
                        + " where a.article.id = :article and a.deletedAt is null" + (anyone ? "" : " and a.author = :author")
                        + " order by a.start, a.end, a.id", Object[].class)
                .setParameter("article", articleId).setFlushMode(FlushModeType.COMMIT);
        if (!anyone) {
            query.setParameter("author", author);
        }
        Map<Long, List<String>> merged = new HashMap<>();
        getEntityManager().createQuery("select a.mergedInto, a.author from Annotation a where a.article.id = :article"
                        + " and a.mergedInto is not null and a.deletedAt is null", Object[].class)
                .setParameter("article", articleId).setFlushMode(FlushModeType.COMMIT).getResultList()
                .forEach(row -> merged.computeIfAbsent((Long) row[0], id -> new ArrayList<>()).add((String) row[1]));
        List<Object[]> rows = query.getResultList();
        Map<Long, EntityLink> entities = EntityLink.of(rows.stream().map(r -> (Long) r[14]).filter(Objects::nonNull)
                .collect(Collectors.toSet()));
        List<AnnotationView> views = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            String rowAuthor = (String) r[7];
            Long entityId = (Long) r[14];
            views.add(new AnnotationView((Long) r[0], articleId, (String) r[1], (Integer) r[2], (Integer) r[3], (String) r[4],
                    (String) r[5], (AnnotationStatus) r[6], rowAuthor, (String) r[8], (String) r[9], (Integer) r[10],
                    (Instant) r[11], (Instant) r[12], AnnotationView.annotators(rowAuthor, merged.getOrDefault((Long) r[0], List.of())),
                    (Long) r[13], entityId, entityId == null ? null : entities.get(entityId), LabelAttributes.read((String) r[15]),
                    (String) r[16]));
        }
        return views;
    }

    /**
     * The authors of the live annotations merged into each of these, by the id they are merged
     * into (one query for a whole list; ids without merged annotations are absent). This and
     * {@link #mergedInto} read other rows than the one being written, and never flush it first:
     * a write flushed twice in one transaction would count twice in its version.
     */
    static Map<Long, List<String>> mergedAuthors(Collection<Long> ids) {
        Map<Long, List<String>> authors = new HashMap<>();
        if (ids.isEmpty()) {
            return authors;
        }
        List<Object[]> rows = getEntityManager().createQuery("select a.mergedInto, a.author from Annotation a"
                + " where a.mergedInto in :ids and a.deletedAt is null", Object[].class)
                .setParameter("ids", ids).setFlushMode(FlushModeType.COMMIT).getResultList();
        for (Object[] row : rows) {
            authors.computeIfAbsent((Long) row[0], id -> new ArrayList<>()).add((String) row[1]);
        }
        return authors;
    }

    /** The live annotations merged into this one. */
    static List<Annotation> mergedInto(long id) {
        return getEntityManager().createQuery("from Annotation where mergedInto = :id and deletedAt is null order by id",
                Annotation.class).setParameter("id", id).setFlushMode(FlushModeType.COMMIT).getResultList();
    }

    /** Links every annotation of one entity to another, or unlinks them (null): an entity merged or deleted. */
    static int relink(long from, Long into) {
        return into == null ? update("entityId = null where entityId = ?1", from)
                : update("entityId = ?1 where entityId = ?2", into, from);
    }

    /** The live annotations of the article with exactly this span and label, whoever made them, in id order. */
    public static List<Annotation> sameSpan(long articleId, long labelId, int start, int end) {
        return list("article.id = ?1 and label.id = ?2 and start = ?3 and end = ?4 and deletedAt is null order by id",
                articleId, labelId, start, end);
    }

    /** The author's live annotation of exactly this span and label, if any. */
    static Annotation findTwin(long articleId, String author, long labelId, int start, int end) {
        return find("article.id = ?1 and author = ?2 and label.id = ?3 and start = ?4 and end = ?5 and deletedAt is null",
                articleId, author, labelId, start, end).firstResult();
    }
}
