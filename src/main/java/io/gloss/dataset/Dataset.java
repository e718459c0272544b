package io.gloss.dataset;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OrderBy;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A saved export definition (which annotations, which format, how to split) plus the state of
 * its build and the files it froze. The definition never changes after creation, so that the
 * files stay reproducible from it; lists are stored comma-separated ({@link DatasetDefinition}
 * reads them back).
 */
@Entity
public class Dataset extends PanacheEntity {

    @Column(name = "project_id")
    public Long projectId;

    public String name;

    /** {@link DatasetFormat#key()}. */
    public String format;

    /** Annotation statuses, comma-separated, e.g. {@code APPROVED}. */
    public String statuses;

    /** Label keys, comma-separated and sorted; null means every label of the project. */
    @Column(name = "label_keys")
    public String labelKeys;

    /** Article ids, comma-separated and ascending; null means every article of the project. */
    @Column(name = "article_ids")
    public String articleIds;

    /** Inclusive bounds on the articles' published date (ISO {@code yyyy-mm-dd}); null = open. */
    @Column(name = "published_from")
    public String publishedFrom;

    @Column(name = "published_to")
    public String publishedTo;

    @Column(name = "split_train")
    public BigDecimal splitTrain;

    @Column(name = "split_dev")
    public BigDecimal splitDev;

    @Column(name = "split_test")
    public BigDecimal splitTest;

    public long seed;

    /** CSV only: cells a spreadsheet would take for a formula get a leading {@code '} (CsvWriter). */
    @Column(name = "csv_escape_formulas")
    public boolean csvEscapeFormulas;

    @Enumerated(EnumType.STRING)
    public DatasetState state;

    @Column(name = "articles_done")
    public int articlesDone;

    @Column(name = "articles_total")
    public int articlesTotal;

    /** Why the build failed, as a sentence for a person. */
    @Column(name = "error_message")
    public String errorMessage;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    /** The instance building it ({@code db.InstanceIdentity}), kept once built; null while QUEUED. */
    @Column(name = "claimed_by")
    public String claimedBy;

    /** Until when the claim holds unless renewed: past it, a RUNNING build is any instance's to take over. */
    @Column(name = "lease_until")
    public Instant leaseUntil;

    @ElementCollection
    @CollectionTable(name = "dataset_file", joinColumns = @JoinColumn(name = "dataset_id"))
    @OrderBy("name")
    public List<DatasetFile> files = new ArrayList<>();

    /** Share of the selected articles written so far, 0 to 1. */
    public double progress() {
        if (state == DatasetState.DONE) {
            return 1.0;
        }
        return articlesTotal == 0 ? 0.0 : Math.min(1.0, (double) articlesDone / articlesTotal);
    }

    public DatasetDefinition definition() {
        return DatasetDefinition.of(this);
    }

    /** Up to {@code limit} of the project's datasets with ids below {@code beforeId}, newest first. */
    public static List<Dataset> ofProject(long projectId, long beforeId, int limit) {
        return Dataset.<Dataset>find("projectId = ?1 and id < ?2 order by id desc", projectId, beforeId)
                .range(0, limit - 1).list();
    }

    /** Datasets an instance may claim at {@code now}: QUEUED, or RUNNING on a lease that has run out; oldest first. */
    public static List<Long> claimable(Instant now) {
        return getEntityManager().createQuery("select d.id from Dataset d where d.state = :queued or (d.state = :running "
                + "and (d.leaseUntil is null or d.leaseUntil < :now)) order by d.id", Long.class)
                .setParameter("queued", DatasetState.QUEUED).setParameter("running", DatasetState.RUNNING)
                .setParameter("now", now).getResultList();
    }

    /**
     * Claims the dataset for {@code instance} until {@code until} if it is claimable at {@code now},
     * and marks it RUNNING from the beginning: one conditional update, so of instances claiming at
     * once exactly one wins (the others wait for its row lock, then find the row no longer
     * claimable). Returns whether this one won.
     */
    public static boolean claim(long datasetId, String instance, Instant now, Instant until) {
        return update("state = ?1, claimedBy = ?2, leaseUntil = ?3, startedAt = ?4, articlesDone = 0 where id = ?5 "
                + "and (state = ?6 or (state = ?1 and (leaseUntil is null or leaseUntil < ?4)))", DatasetState.RUNNING,
                instance, until, now, datasetId, DatasetState.QUEUED) == 1;
    }

    /** Moves the lease of a build {@code instance} still holds on; false when it holds it no more. */
    public static boolean renew(long datasetId, String instance, Instant until) {
        return update("leaseUntil = ?1 where id = ?2 and claimedBy = ?3 and state = ?4", until, datasetId, instance,
                DatasetState.RUNNING) == 1;
    }

    /** Moves the progress bar of a build {@code instance} still holds: one update, without loading the row. */
    public static boolean recordProgress(long datasetId, String instance, int articlesDone) {
        return update("articlesDone = ?1 where id = ?2 and claimedBy = ?3 and state = ?4", articlesDone, datasetId,
                instance, DatasetState.RUNNING) == 1;
    }

    /** The builds {@code instance} holds, locked: a stop gives them back. */
    public static List<Dataset> runningOn(String instance) {
        return find("claimedBy = ?1 and state = ?2 order by id", instance, DatasetState.RUNNING)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    /** The dataset, its row locked until the transaction ends. */
    public static Dataset locked(long datasetId) {
        return findById(datasetId, LockModeType.PESSIMISTIC_WRITE);
    }
}
