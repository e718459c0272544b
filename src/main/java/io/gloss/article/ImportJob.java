package io.gloss.article;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/**
 * A JSON Lines file imported in the background. Its counters are written in the transaction of
 * each batch they count, so they always match what the project holds, and a restart resumes after
 * {@link #linesRead}. The file waits in {@code gloss.import.dir} until the job ends.
 */
@Entity
@Table(name = "import_job")
public class ImportJob extends PanacheEntity {

    @Column(name = "project_id")
    public long projectId;

    @Column(name = "file_name")
    public String fileName;

    public long bytes;

    @Enumerated(EnumType.STRING)
    public ImportState state;

    @Column(name = "lines_total")
    public int linesTotal;

    /** Lines committed so far (imported, duplicate or refused), from the top of the file. */
    @Column(name = "lines_read")
    public int linesRead;

    public int imported;

    public int duplicates;

    @Column(name = "error_count")
    public int errorCount;

    /** A sentence for a person: why the job failed, or that a restart resumed it. */
    public String message;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    /** Share of the file's lines done, 0 to 1. */
    public double progress() {
        return state == ImportState.DONE ? 1 : linesTotal == 0 ? 0 : Math.min(1, (double) linesRead / linesTotal);
    }

    /** Jobs a restart must take up again, oldest first. */
    public static List<ImportJob> unfinished() {
        return list("state in ?1 order by id", List.of(ImportState.QUEUED, ImportState.RUNNING));
    }

    /** The project's latest jobs, newest first. */
    public static List<ImportJob> recent(long projectId, int limit) {
        return ImportJob.<ImportJob>find("projectId = ?1 order by id desc", projectId).range(0, limit - 1).list();
    }

    /** The refused lines kept for the job, in line order (a table without an entity: rows only ever added). */
    public static List<ImportReport.LineError> errors(long jobId) {
        List<?> rows = getEntityManager().createNativeQuery(
                "select line, message from import_job_error where job_id = ?1 order by line", Object[].class)
                .setParameter(1, jobId).getResultList();
        return rows.stream().map(r -> (Object[]) r)
                .map(r -> new ImportReport.LineError(((Number) r[0]).intValue(), (String) r[1])).toList();
    }

    /** Keeps one refused line of the job. */
    public static void addError(long jobId, ImportReport.LineError error) {
        getEntityManager().createNativeQuery("insert into import_job_error (job_id, line, message) values (?1, ?2, ?3)")
                .setParameter(1, jobId).setParameter(2, error.line()).setParameter(3, error.message()).executeUpdate();
    }
}
