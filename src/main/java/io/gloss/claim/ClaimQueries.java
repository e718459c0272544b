package io.gloss.claim;

import io.gloss.annotation.AnnotationStatus;
import io.gloss.claim.ClaimBoard.ClaimRow;
import io.gloss.claim.ClaimBoard.LinkedSpan;
import io.gloss.claim.ClaimBoard.RelationRow;
import io.gloss.claim.ClaimBoard.Subject;
import io.gloss.project.LabelAttributes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;

/**
 * What the claims board reads, a project at a time: its CLAIM spans, the relations from them, the
 * spans linked to entities and the entities' names. Only live rows of live articles; the spans and
 * relations a claim's subjects come from are the ones in review or approved ({@link #STANDING}).
 * {@code visible} (article id, author) drops what a blind project hides from the reader.
 */
@ApplicationScoped
public class ClaimQueries {

    /** The statuses of a span or relation that stands: not rejected, not merged into another. */
    static final List<AnnotationStatus> STANDING = List.of(AnnotationStatus.SUBMITTED, AnnotationStatus.APPROVED);

    static final String CLAIM = "CLAIM";

    @Inject
    EntityManager em;

    List<ClaimRow> claims(long projectId, Collection<AnnotationStatus> statuses, BiPredicate<Long, String> visible) {
        return em.createQuery("select n.id, a.id, a.title, a.source, a.published, n.start, n.end, n.quote, n.attributes, n.author"
                        + " from Annotation n join n.article a join n.label l where n.projectId = :p and l.key = :claim"
                        + " and n.status in :statuses and n.deletedAt is null and a.retiredAt is null", Object[].class)
                .setParameter("p", projectId).setParameter("claim", CLAIM).setParameter("statuses", statuses)
                .getResultList().stream().filter(r -> visible.test((Long) r[1], (String) r[9])).map(r -> {
                    Map<String, Object> values = LabelAttributes.read((String) r[8]);
                    Object figure = values.get("figure");
                    Object unit = values.get("unit");
                    return new ClaimRow((Long) r[0], (Long) r[1], (String) r[2], (String) r[3], (String) r[4], (Integer) r[5],
                            (Integer) r[6], (String) r[7], figure instanceof Number ? new BigDecimal(figure.toString()) : null,
                            unit == null ? null : unit.toString());
                }).toList();
    }

    /** The standing relations from the project's CLAIM spans to standing spans. */
    List<RelationRow> relations(long projectId, BiPredicate<Long, String> visible) {
        return em.createQuery("select f.id, t.key, e.id, e.quote, e.entityId, r.article.id, r.author, e.author from Relation r"
                        + " join r.type t join r.from f join r.to e where r.projectId = :p and r.deletedAt is null"
                        + " and r.status in :standing and f.label.key = :claim and f.deletedAt is null"
                        + " and e.deletedAt is null and e.status in :standing order by r.id", Object[].class)
                .setParameter("p", projectId).setParameter("standing", STANDING).setParameter("claim", CLAIM)
                .getResultList().stream()
                .filter(r -> visible.test((Long) r[5], (String) r[6]) && visible.test((Long) r[5], (String) r[7]))
                .map(r -> new RelationRow((Long) r[0], (String) r[1], (Long) r[2], (String) r[3], (Long) r[4])).toList();
    }

    /** The project's standing spans linked to an entity, on live articles. */
    List<LinkedSpan> linkedSpans(long projectId, BiPredicate<Long, String> visible) {
        return em.createQuery("select n.id, n.article.id, n.start, n.end, n.entityId, n.author from Annotation n"
                        + " where n.projectId = :p and n.entityId is not null and n.deletedAt is null and n.status in :standing"
                        + " and n.article.retiredAt is null", Object[].class)
                .setParameter("p", projectId).setParameter("standing", STANDING)
                .getResultList().stream().filter(r -> visible.test((Long) r[1], (String) r[5]))
                .map(r -> new LinkedSpan((Long) r[0], (Long) r[1], (Integer) r[2], (Integer) r[3], (Long) r[4])).toList();
    }

    /** The project's entities by id. */
    Map<Long, Subject> subjects(long projectId) {
        Map<Long, Subject> subjects = new HashMap<>();
        em.createQuery("select e.id, e.name, e.type, e.qid from NamedEntity e where e.projectId = :p", Object[].class)
                .setParameter("p", projectId).getResultList()
                .forEach(r -> subjects.put((Long) r[0], new Subject((Long) r[0], (String) r[1], (String) r[2], (String) r[3])));
        return subjects;
    }
}
