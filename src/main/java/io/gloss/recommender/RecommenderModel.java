package io.gloss.recommender;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/**
 * A project's recommender: its state, its last trained model (OpenNLP's bytes) and that model's
 * evaluation on held-out articles. One row per project, made at its first training.
 */
@Entity
@Table(name = "recommender_model")
public class RecommenderModel extends PanacheEntityBase {

    @Id
    @Column(name = "project_id")
    public Long projectId;

    @Enumerated(EnumType.STRING)
    public RecommenderState state;

    /** When the last training began: approvals after it count towards the next one. */
    @Column(name = "started_at")
    public Instant startedAt;

    /** The instance running the training, while TRAINING. */
    @Column(name = "claimed_by")
    public String claimedBy;

    @Column(name = "trained_at")
    public Instant trainedAt;

    /** Approved spans the current model learnt from. */
    @Column(name = "trained_on")
    public int trainedOn;

    /** The highest article id the current model has proposed spans on. */
    @Column(name = "suggested_up_to")
    public long suggestedUpTo;

    /** {@link Evaluation} as JSON, or null when no article could be held out. */
    public String evaluation;

    public String error;

    public byte[] model;

    /** What the API and the page show: every column but the model's bytes, which are not read for it. */
    public record Status(RecommenderState state, Instant trainedAt, int trainedOn, String evaluation, String error) {
    }

    static Status status(long projectId) {
        List<Status> found = getEntityManager().createQuery("select new io.gloss.recommender.RecommenderModel$Status("
                + "m.state, m.trainedAt, m.trainedOn, m.evaluation, m.error) from RecommenderModel m where m.projectId = :p",
                Status.class).setParameter("p", projectId).getResultList();
        return found.isEmpty() ? new Status(RecommenderState.UNTRAINED, null, 0, null, null) : found.get(0);
    }

    /** The project's row, made (UNTRAINED) when it has none; the caller's transaction writes it. */
    static RecommenderModel of(long projectId) {
        RecommenderModel model = findById(projectId);
        if (model == null) {
            model = new RecommenderModel();
            model.projectId = projectId;
            model.state = RecommenderState.UNTRAINED;
            model.persist();
        }
        return model;
    }

    /**
     * Marks the project's training as this instance's: one conditional update, so that of two
     * instances (or a queued request and the periodic check) exactly one trains. A training whose
     * instance died is taken over once it started before {@code staleBefore}.
     */
    static boolean claim(long projectId, String instance, Instant now, Instant staleBefore) {
        return update("state = ?1, claimedBy = ?2, startedAt = ?3 where projectId = ?4 and (state <> ?1 or startedAt < ?5)",
                RecommenderState.TRAINING, instance, now, projectId, staleBefore) == 1;
    }

    /** The project's model, locked, when {@code instance} still holds its training; otherwise null. */
    static RecommenderModel claimedBy(long projectId, String instance) {
        RecommenderModel model = findById(projectId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        return model != null && model.state == RecommenderState.TRAINING && instance.equals(model.claimedBy) ? model : null;
    }

    /**
     * The projects to retrain: those with at least {@code atLeast} spans approved since their last
     * training began (or ever, when never trained), not training now, and not archived.
     */
    static List<Long> due(long atLeast) {
        return getEntityManager().createQuery("select a.projectId from Annotation a join Project p on p.id = a.projectId"
                + " left join RecommenderModel m on m.projectId = a.projectId"
                + " where a.status = io.gloss.annotation.AnnotationStatus.APPROVED and a.deletedAt is null"
                + " and p.archivedAt is null and (m.projectId is null or m.state <> io.gloss.recommender.RecommenderState.TRAINING)"
                + " and (m.projectId is null or m.startedAt is null or a.statusChangedAt > m.startedAt)"
                + " group by a.projectId having count(a) >= :n order by a.projectId", Long.class)
                .setParameter("n", atLeast).getResultList();
    }

    /** Requested trainings (QUEUED), and trainings whose instance has not ended them since {@code staleBefore}. */
    static List<Long> waiting(Instant staleBefore) {
        return getEntityManager().createQuery("select m.projectId from RecommenderModel m"
                + " where m.state = io.gloss.recommender.RecommenderState.QUEUED"
                + " or m.state = io.gloss.recommender.RecommenderState.TRAINING and m.startedAt < :stale order by m.projectId",
                Long.class).setParameter("stale", staleBefore).getResultList();
    }

    /** Trained projects with live articles newer than the ones their model has proposed spans on. */
    static List<Long> withNewArticles() {
        return getEntityManager().createQuery("select distinct m.projectId from RecommenderModel m, Article a"
                + " where a.project.id = m.projectId and m.state = io.gloss.recommender.RecommenderState.TRAINED"
                + " and a.id > m.suggestedUpTo and a.retiredAt is null order by m.projectId", Long.class).getResultList();
    }
}
