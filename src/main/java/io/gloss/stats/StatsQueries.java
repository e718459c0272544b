package io.gloss.stats;

import io.gloss.annotation.AnnotationStatus;
import io.gloss.assignment.AssignmentState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;

/**
 * The counts behind a project's statistics. Every figure is about live annotations (not deleted)
 * on live articles (not retired). Totals are grouped in the database; the series and the
 * per-person figures read one row of columns per creation or decision in the period and are
 * counted in Java, because a day of a {@code timestamp with time zone} depends on the session's
 * zone on PostgreSQL and on the JVM's on H2, while the buckets are UTC days (and the period is at
 * most 366 of them).
 */
@ApplicationScoped
public class StatsQueries {

    /** A live annotation of the project on a live article, as {@code a}. */
    private static final String LIVE = "a.projectId = :p and a.deletedAt is null and a.article.retiredAt is null";

    /** Live articles, those with an assignment, and those whose assignments are all DONE. */
    public record ArticleCounts(long total, long assigned, long done) {
    }

    /** One annotation made in the period. */
    public record Created(String author, Instant at) {
    }

    /**
     * One decision in the period: who decided, how, when, on whose span, and when that span was
     * last submitted before it (its creation or its latest resubmission).
     */
    public record Decided(String reviewer, AnnotationStatus status, Instant at, String author, Instant submittedAt) {
    }

    @Inject
    EntityManager em;

    public ArticleCounts articles(long projectId) {
        long total = em.createQuery("select count(ar) from Article ar where ar.project.id = :p and ar.retiredAt is null",
                Long.class).setParameter("p", projectId).getSingleResult();
        String assignedArticles = "select count(distinct s.articleId) from Assignment s, Article ar where ar.id = s.articleId "
                + "and ar.retiredAt is null and s.projectId = :p";
        long assigned = em.createQuery(assignedArticles, Long.class).setParameter("p", projectId).getSingleResult();
        long unfinished = em.createQuery(assignedArticles + " and s.state <> :done", Long.class).setParameter("p", projectId)
                .setParameter("done", AssignmentState.DONE).getSingleResult();
        return new ArticleCounts(total, assigned, assigned - unfinished);
    }

    public List<Object[]> byStatus(long projectId) {
        return em.createQuery("select a.status, count(a) from Annotation a where " + LIVE + " group by a.status", Object[].class)
                .setParameter("p", projectId).getResultList();
    }

    public List<Object[]> byLabel(long projectId) {
        return em.createQuery("select a.label.key, count(a) from Annotation a where " + LIVE + " group by a.label.key",
                Object[].class).setParameter("p", projectId).getResultList();
    }

    /** The spans waiting for a decision: how many, and since when the oldest has waited (null: none). */
    public Object[] backlog(long projectId) {
        return em.createQuery("select count(a), min(a.statusChangedAt) from Annotation a where " + LIVE + " and a.status = :s",
                Object[].class).setParameter("p", projectId).setParameter("s", AnnotationStatus.SUBMITTED).getSingleResult();
    }

    public List<Created> created(long projectId, Instant start, Instant end) {
        return em.createQuery("select a.author, a.createdAt from Annotation a where " + LIVE
                        + " and a.createdAt >= :start and a.createdAt < :end", Object[].class)
                .setParameter("p", projectId).setParameter("start", start).setParameter("end", end).getResultList().stream()
                .map(r -> new Created((String) r[0], (Instant) r[1])).toList();
    }

    public List<Decided> decided(long projectId, Instant start, Instant end) {
        return em.createQuery("select t.actor, t.to, t.at, a.author, "
                        + "(select max(u.at) from AnnotationTransition u where u.annotationId = t.annotationId "
                        + "and u.to = :submitted and u.at <= t.at) "
                        + "from AnnotationTransition t, Annotation a where a.id = t.annotationId and " + LIVE
                        + " and t.to in :decisions and t.at >= :start and t.at < :end", Object[].class)
                .setParameter("p", projectId).setParameter("submitted", AnnotationStatus.SUBMITTED)
                .setParameter("decisions", List.of(AnnotationStatus.APPROVED, AnnotationStatus.REJECTED))
                .setParameter("start", start).setParameter("end", end).getResultList().stream()
                .map(r -> new Decided((String) r[0], (AnnotationStatus) r[1], (Instant) r[2], (String) r[3], (Instant) r[4]))
                .toList();
    }
}
