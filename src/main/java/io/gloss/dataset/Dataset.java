package io.gloss.dataset;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
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

    /** Datasets whose build has not ended (QUEUED or RUNNING), oldest first. */
    public static List<Dataset> unfinished() {
        return list("state in ?1 order by id", List.of(DatasetState.QUEUED, DatasetState.RUNNING));
    }

    /** Moves the progress bar: one update, without loading the row. */
    public static void recordProgress(long datasetId, int articlesDone) {
        update("articlesDone = ?1 where id = ?2", articlesDone, datasetId);
    }
}
