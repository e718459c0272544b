package io.gloss.stats;

import io.gloss.annotation.AnnotationStatus;
import io.gloss.assignment.AssignmentState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The counts behind a project's statistics, every one grouped in the database: a request reads a
 * few hundred rows whatever the size of the project. Every figure is about live annotations (not
 * deleted) on live articles (not retired). Days are UTC days, cut in SQL by
 * {@code cast(<at> at time zone 'UTC' as date)}, which both databases read alike whatever the
 * session's or the JVM's zone.
 */
@ApplicationScoped
public class StatsQueries {

    /** A live annotation of the project on a live article, as {@code a}. */
    private static final String LIVE = "a.projectId = :p and a.deletedAt is null and a.article.retiredAt is null";
    /** The same in SQL, over {@code annotation a join article r}. */
    private static final String LIVE_SQL = "from annotation a join article r on r.id = a.article_id"
            + " where a.project_id = :p and a.deleted_at is null and r.retired_at is null";
    /** The period's decisions, over {@code annotation_transition t} and the live annotations. */
    private static final String DECISIONS_SQL = "from annotation_transition t join annotation a on a.id = t.annotation_id"
            + " join article r on r.id = a.article_id where a.project_id = :p and a.deleted_at is null"
            + " and r.retired_at is null and t.to_status in (:decisions) and t.at >= :start and t.at < :end";
    /** The statuses a decision sets, as the column stores them. */
    private static final List<String> DECISIONS = List.of(AnnotationStatus.APPROVED.name(), AnnotationStatus.REJECTED.name());

    /** Live articles, those with an assignment, and those whose assignments are all DONE. */
    public record ArticleCounts(long total, long assigned, long done) {
    }

    /** Live annotations now with one status and label. */
    public record LiveCount(AnnotationStatus status, String label, long count) {
    }

    /** Annotations an author made on one day of the period. */
    public record Created(LocalDate day, String author, long count) {
    }

    /** Decisions of one kind a reviewer made on one day of the period, on one author's spans. */
    public record Decided(LocalDate day, String reviewer, String author, AnnotationStatus status, long count) {
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

    /** One pass over the live annotations for the totals by status, by label and the backlog's size. */
    public List<LiveCount> live(long projectId) {
        return em.createQuery("select a.status, a.label.key, count(a) from Annotation a where " + LIVE
                        + " group by a.status, a.label.key", Object[].class)
                .setParameter("p", projectId).getResultList().stream()
                .map(r -> new LiveCount((AnnotationStatus) r[0], (String) r[1], (Long) r[2])).toList();
    }

    /** Since when the oldest span waiting for a decision has waited (null: none), along the review queue's index. */
    public Instant oldestSubmitted(long projectId) {
        return em.createQuery("select min(a.statusChangedAt) from Annotation a where " + LIVE + " and a.status = :s",
                Instant.class).setParameter("p", projectId).setParameter("s", AnnotationStatus.SUBMITTED).getSingleResult();
    }

    @SuppressWarnings("unchecked")
    public List<Created> created(long projectId, Instant start, Instant end) {
        List<Object[]> rows = em.createNativeQuery("select cast(a.created_at at time zone 'UTC' as date), a.author, count(*) "
                        + LIVE_SQL + " and a.created_at >= :start and a.created_at < :end"
                        + " group by cast(a.created_at at time zone 'UTC' as date), a.author")
                .setParameter("p", projectId).setParameter("start", start).setParameter("end", end).getResultList();
        return rows.stream().map(r -> new Created(day(r[0]), (String) r[1], ((Number) r[2]).longValue())).toList();
    }

    @SuppressWarnings("unchecked")
    public List<Decided> decided(long projectId, Instant start, Instant end) {
        List<Object[]> rows = em.createNativeQuery("select cast(t.at at time zone 'UTC' as date), t.actor, a.author, t.to_status,"
                        + " count(*) " + DECISIONS_SQL + " group by cast(t.at at time zone 'UTC' as date), t.actor, a.author, t.to_status")
                .setParameter("p", projectId).setParameter("decisions", DECISIONS).setParameter("start", start)
                .setParameter("end", end).getResultList();
        return rows.stream().map(r -> new Decided(day(r[0]), (String) r[1], (String) r[2], AnnotationStatus.valueOf((String) r[3]),
                ((Number) r[4]).longValue())).toList();
    }

    /**
     * Each reviewer's median time from a span's last submission before the decision (its creation
     * or its latest resubmission) to the decision, in whole seconds; for an even count the mean of
     * the middle two, rounded down. A decision without a submission before it (a broken history)
     * is left out.
     */
    @SuppressWarnings("unchecked")
    public Map<String, Long> medianDecisionSeconds(long projectId, Instant start, Instant end) {
        List<Object[]> rows = em.createNativeQuery("select w.actor, percentile_cont(0.5) within group (order by w.seconds) from ("
                        + "select t.actor as actor, floor(extract(epoch from (t.at - (select max(u.at) from annotation_transition u"
                        + " where u.annotation_id = t.annotation_id and u.to_status = :submitted and u.at <= t.at)))) as seconds "
                        + DECISIONS_SQL + ") w where w.seconds is not null group by w.actor")
                .setParameter("p", projectId).setParameter("decisions", DECISIONS)
                .setParameter("submitted", AnnotationStatus.SUBMITTED.name()).setParameter("start", start).setParameter("end", end).getResultList();
        Map<String, Long> medians = new TreeMap<>();
        rows.forEach(r -> medians.put((String) r[0], (long) Math.floor(((Number) r[1]).doubleValue())));
        return medians;
    }

    /** A SQL date as the drivers give it (java.sql.Date or LocalDate). */
    private static LocalDate day(Object value) {
        return value instanceof Date date ? date.toLocalDate() : (LocalDate) value;
    }
}
