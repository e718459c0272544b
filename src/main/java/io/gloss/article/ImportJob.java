package io.gloss.article;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * A JSON Lines file imported in the background. Its counters are written in the transaction of
 * each batch they count, so they always match what the project holds, and a restart resumes after
 * {@link #linesRead}. The file is stored in the database ({@code import_job_chunk}) until the job
 * ends, so whichever instance sharing it claims the job can run it.
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

    /** Where the lines' spans go: {@code suggestions} or {@code submitted} ({@link SpanTarget#as()}). */
    @Column(name = "spans_as")
    public String spansAs = SpanTarget.SUGGESTIONS.as();

    /** The import account submitted spans are authored by; null for suggestions. */
    @Column(name = "spans_account")
    public String spansAccount;

    /** Spans stored so far. */
    public int spans;

    /** Where the lines' spans go, as the upload asked. */
    public SpanTarget target() {
        return SpanTarget.of(spansAs, spansAccount);
    }

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

    /** The instance running it ({@code db.InstanceIdentity}); null while QUEUED. */
    @Column(name = "claimed_by")
    public String claimedBy;

    /** Until when the claim holds unless renewed: past it, a RUNNING job is any instance's to take over. */
    @Column(name = "lease_until")
    public Instant leaseUntil;

    /** Bytes per stored chunk of a job's file: no single value holds a whole large upload. */
    static final int CHUNK_BYTES = 1 << 20;

    /** Share of the file's lines done, 0 to 1. */
    public double progress() {
        return state == ImportState.DONE ? 1 : linesTotal == 0 ? 0 : Math.min(1, (double) linesRead / linesTotal);
    }

    /** Jobs an instance may claim at {@code now}: QUEUED, or RUNNING on a lease that has run out; oldest first. */
    public static List<Long> claimable(Instant now) {
        return getEntityManager().createQuery("select j.id from ImportJob j where j.state = :queued or (j.state = :running "
                + "and (j.leaseUntil is null or j.leaseUntil < :now)) order by j.id", Long.class)
                .setParameter("queued", ImportState.QUEUED).setParameter("running", ImportState.RUNNING)
                .setParameter("now", now).getResultList();
    }

    /**
     * Claims the job for {@code instance} until {@code until} if it is claimable at {@code now},
     * and marks it RUNNING: one conditional update, so of instances claiming at once exactly one
     * wins (the others wait for its row lock, then find the row no longer claimable). Returns
     * whether this one won. The counters stay: the run goes on after {@link #linesRead}.
     */
    public static boolean claim(long jobId, String instance, Instant now, Instant until) {
        return update("state = ?1, claimedBy = ?2, leaseUntil = ?3 where id = ?4 "
                + "and (state = ?5 or (state = ?1 and (leaseUntil is null or leaseUntil < ?6)))", ImportState.RUNNING,
                instance, until, jobId, ImportState.QUEUED, now) == 1;
    }

    /** Moves the lease of a job {@code instance} still holds on; false when it holds it no more. */
    public static boolean renew(long jobId, String instance, Instant until) {
        return update("leaseUntil = ?1 where id = ?2 and claimedBy = ?3 and state = ?4", until, jobId, instance,
                ImportState.RUNNING) == 1;
    }

    /** The jobs {@code instance} holds, locked: a stop gives them back. */
    public static List<ImportJob> runningOn(String instance) {
        return find("claimedBy = ?1 and state = ?2 order by id", instance, ImportState.RUNNING)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    /** The job, its row locked until the transaction ends. */
    public static ImportJob locked(long jobId) {
        return findById(jobId, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Whether {@code instance} holds the job: RUNNING on its claim. */
    public boolean heldBy(String instance) {
        return state == ImportState.RUNNING && instance.equals(claimedBy);
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

    /** Stores the job's file, in chunks (a table without an entity: rows written once, read once, deleted). */
    public static void storeFile(long jobId, byte[] body) {
        int seq = 0;
        for (int from = 0; from < body.length || seq == 0; from += CHUNK_BYTES) {
            getEntityManager().createNativeQuery("insert into import_job_chunk (job_id, seq, data) values (?1, ?2, ?3)")
                    .setParameter(1, jobId).setParameter(2, seq++)
                    .setParameter(3, Arrays.copyOfRange(body, from, Math.min(body.length, from + CHUNK_BYTES)))
                    .executeUpdate();
        }
    }

    /** The job's file, or null when none is stored (an empty file has one empty chunk). */
    public static byte[] file(long jobId) {
        List<?> chunks = getEntityManager().createNativeQuery("select data from import_job_chunk where job_id = ?1 order by seq")
                .setParameter(1, jobId).getResultList();
        if (chunks.isEmpty()) {
            return null;
        }
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        chunks.forEach(chunk -> file.writeBytes((byte[]) chunk));
        return file.toByteArray();
    }

    /** Whether the job's file is stored. */
    public static boolean hasFile(long jobId) {
        return !getEntityManager().createNativeQuery("select 1 from import_job_chunk where job_id = ?1 and seq = 0")
                .setParameter(1, jobId).getResultList().isEmpty();
    }

    public static void deleteFile(long jobId) {
        getEntityManager().createNativeQuery("delete from import_job_chunk where job_id = ?1").setParameter(1, jobId)
                .executeUpdate();
    }
}
