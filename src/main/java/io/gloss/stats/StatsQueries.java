package io.gloss.stats;

import io.gloss.annotation.AnnotationStatus;
import io.gloss.assignment.AssignmentState;
import io.gloss.db.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The figures behind a project's statistics. Annotations are counted from the counts
 * {@link StatsCounter} keeps as rows change (db/migration/V30): a request reads a few hundred rows
 * whatever the size of the project. Every figure is about live annotations (not deleted) on live
 * articles (not retired); days are UTC days.
 */
@ApplicationScoped
public class StatsQueries {

    /** A live annotation of the project on a live article, as {@code a}. */
    private static final String LIVE = "a.projectId = :p and a.deletedAt is null and a.article.retiredAt is null";

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

    @Inject
    Database database;

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

    /** The live annotations by status and label. */
    @SuppressWarnings("unchecked")
    public List<LiveCount> live(long projectId) {
        List<Object[]> rows = em.createNativeQuery("select s.status, l.label_key, s.n from stats_live s"
                + " join label l on l.id = s.label_id where s.project_id = :p and s.n > 0")
                .setParameter("p", projectId).getResultList();
        return rows.stream().map(r -> new LiveCount(AnnotationStatus.valueOf((String) r[0]), (String) r[1],
                ((Number) r[2]).longValue())).toList();
    }

    /**
     * Since when the oldest span waiting for a decision has waited (null: none): the first row
     * along an index in that order (a min() over the join would read every waiting span).
     * PostgreSQL walks db/postgresql/V31's partial index. H2 walks an index in order only when the
     * order names its leading columns, so there the order repeats ix_annotation_project_queue's
     * (project, status, deleted, then the time: the same order, the first three being fixed);
     * ordered by the time alone, H2 read all 600,000 waiting spans of the bench, 6–8 s cold.
     */
    public Instant oldestSubmitted(long projectId) {
        // The status as a literal, not a parameter: a partial index serves only a plan that knows the value.
        String order = database.isPostgres() ? "a.statusChangedAt" : "a.projectId, a.status, a.deletedAt, a.statusChangedAt";
        return em.createQuery("select a.statusChangedAt from Annotation a where " + LIVE + " and a.status = "
                        + AnnotationStatus.class.getName() + "." + AnnotationStatus.SUBMITTED.name() + " order by " + order,
                        Instant.class).setParameter("p", projectId).setMaxResults(1).getResultStream().findFirst().orElse(null);
    }

    @SuppressWarnings("unchecked")
    public List<Created> created(long projectId, StatsPeriod period) {
        List<Object[]> rows = em.createNativeQuery("select created_on, author, n from stats_created"
                        + " where project_id = :p and created_on between :from and :to and n > 0")
                .setParameter("p", projectId).setParameter("from", period.from()).setParameter("to", period.to())
                .getResultList();
        return rows.stream().map(r -> new Created(day(r[0]), (String) r[1], ((Number) r[2]).longValue())).toList();
    }

    @SuppressWarnings("unchecked")
    public List<Decided> decided(long projectId, StatsPeriod period) {
        List<Object[]> rows = em.createNativeQuery("select decided_on, reviewer, author, status, n from stats_decided"
                        + " where project_id = :p and decided_on between :from and :to and n > 0")
                .setParameter("p", projectId).setParameter("from", period.from()).setParameter("to", period.to())
                .getResultList();
        return rows.stream().map(r -> new Decided(day(r[0]), (String) r[1], (String) r[2], AnnotationStatus.valueOf((String) r[3]),
                ((Number) r[4]).longValue())).toList();
    }

    /**
     * Each reviewer's median wait of a decision in the period, from the span's last submission
     * before it (its creation or its latest resubmission), in whole seconds coarsened as
     * {@link StatsWaits} says; for an even count the mean of the middle two, rounded down. A
     * decision without a submission before it (a broken history) is left out.
     */
    @SuppressWarnings("unchecked")
    public Map<String, Long> medianDecisionSeconds(long projectId, StatsPeriod period) {
        List<Object[]> rows = em.createNativeQuery("select reviewer, waited_seconds, sum(n) from stats_waited"
                        + " where project_id = :p and decided_on between :from and :to and n > 0"
                        + " group by reviewer, waited_seconds")
                .setParameter("p", projectId).setParameter("from", period.from()).setParameter("to", period.to())
                .getResultList();
        Map<String, SortedMap<Long, Long>> waits = new TreeMap<>();
        rows.forEach(r -> waits.computeIfAbsent((String) r[0], u -> new TreeMap<>())
                .put(((Number) r[1]).longValue(), ((Number) r[2]).longValue()));
        Map<String, Long> medians = new TreeMap<>();
        waits.forEach((reviewer, counts) -> medians.put(reviewer, StatsWaits.median(counts)));
        return medians;
    }

    /** A SQL date as the drivers give it (java.sql.Date or LocalDate). */
    private static LocalDate day(Object value) {
        return value instanceof Date date ? date.toLocalDate() : (LocalDate) value;
    }
}
