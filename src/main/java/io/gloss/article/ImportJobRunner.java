package io.gloss.article;

import io.gloss.db.InstanceIdentity;
import io.gloss.db.Timestamps;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Runs background imports one at a time on a thread of its own (on the embedded database an
 * import is CPU work that would otherwise compete with requests), on whichever instance sharing
 * the database claims the job first, as {@code dataset.DatasetBuilder} does builds. A job queued
 * here runs as soon as its row has committed; every half lease (and at start) the instance also
 * looks for jobs nobody runs: queued on an instance that is busy or gone, or RUNNING on a lease
 * that ran out because its instance died.
 *
 * <p>Each batch commits with the job's counters, and only while this instance holds the claim
 * (the batch locks the job's row to check it), so a job taken over goes on after its last
 * committed line and no line is imported twice. While a job runs, a heartbeat renews its lease
 * every third of it; a run that finds its lease taken stops between batches. A graceful stop
 * gives this instance's jobs back (QUEUED), for the next instance to go on at once.
 *
 * <p>The thread is never interrupted, not even to stop: an interrupted thread inside the embedded
 * H2 database closes the database for the whole server. It looks at {@code stopping} between
 * batches instead.
 */
@ApplicationScoped
public class ImportJobRunner {

    private static final Logger LOG = Logger.getLogger(ImportJobRunner.class);

    @Inject
    JsonLinesImporter importer;

    @Inject
    InstanceIdentity instance;

    @Inject
    ImportConfig config;

    private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> daemon(task, "gloss-import"));

    /** Heartbeats of the running job and the periodic look for claimable ones: short queries only. */
    private final ScheduledExecutorService timer =
            Executors.newSingleThreadScheduledExecutor(task -> daemon(task, "gloss-import-timer"));

    /** Jobs handed to the worker and not started yet: the periodic look does not queue them twice. */
    private final Set<Long> waiting = ConcurrentHashMap.newKeySet();

    private volatile boolean stopping;

    /** What a run needs from the job's row. */
    private record Start(long projectId, int linesRead, String username, SpanTarget target, byte[] file) {
    }

    /** A batch finds that this instance holds the job no more: the batch rolls back and the run ends. */
    private static final class LeaseLost extends JsonLinesImporter.Abandoned {
        LeaseLost(long jobId) {
            super("Import " + jobId + ": its lease was taken over by another instance");
        }
    }

    void queued(@Observes(during = TransactionPhase.AFTER_SUCCESS) ImportQueued event) {
        submit(event.jobId());
    }

    /**
     * Off the start's path, the worker takes into the database the files an older version kept on
     * disk and looks for jobs to claim; then the timer looks again every half lease.
     */
    void start(@Observes StartupEvent event) {
        worker.submit(() -> {
            adoptLegacyFiles();
            scan();
        });
        long every = Math.max(1, config.lease().dividedBy(2).toMillis());
        timer.scheduleAtFixedRate(this::scan, every, every, TimeUnit.MILLISECONDS);
    }

    /**
     * Set when the stop begins, before the database is closed (@PreDestroy comes later); this
     * instance's unfinished jobs are given back, for another instance to go on at once.
     */
    void stopping(@Observes ShutdownEvent event) {
        stopping = true;
        try {
            List<Long> released = release();
            if (!released.isEmpty()) {
                LOG.infof("Import(s) %s queued again for another instance or the next start", released);
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not give back this instance's imports; they are taken over when their lease runs out", e);
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        stopping = true;
        timer.shutdownNow();
        worker.shutdown();
        worker.awaitTermination(10, TimeUnit.SECONDS);
    }

    /** Hands every job nobody is running to the worker, which claims each (or finds it claimed) in turn. */
    void scan() {
        if (stopping) {
            return;
        }
        try {
            QuarkusTransaction.requiringNew().call(() -> ImportJob.claimable(Timestamps.now())).forEach(this::submit);
        } catch (RuntimeException e) {
            if (!stopping) { // a stop right after the start closes the database under it: no error
                LOG.error("Could not look for imports to claim", e);
            }
        }
    }

    /**
     * Stores in the database the files of unfinished jobs that an older version kept on this
     * instance's disk, then removes the files, so that an upgrade loses no import. The job's row is
     * locked meanwhile: replicas sharing the data directory start at once, and the second finds
     * the file stored.
     */
    void adoptLegacyFiles() {
        if (!Files.isDirectory(config.dir())) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(config.dir(), "*.jsonl")) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                String id = name.substring(0, name.length() - ".jsonl".length());
                if (id.matches("\\d{1,18}")) {
                    adoptLegacyFile(Long.parseLong(id));
                }
            }
        } catch (IOException e) {
            LOG.error("Could not look for imports' files kept on disk", e);
        }
    }

    /**
     * Stores the job's file that an older version kept on disk, unless it is stored already, then
     * removes it; also asked by a run that finds no file stored (a job an older instance queued
     * after this one started, during an upgrade).
     */
    private void adoptLegacyFile(long jobId) {
        Path file = config.dir().resolve(jobId + ".jsonl");
        try {
            if (!Files.exists(file)) {
                return;
            }
            byte[] body = Files.readAllBytes(file);
            if (QuarkusTransaction.requiringNew().call(() -> adopt(jobId, body))) {
                LOG.infof("Import %d: its file moved from %s into the database", jobId, file);
            }
            Files.deleteIfExists(file);
        } catch (IOException | RuntimeException e) {
            LOG.errorf(e, "Could not move import %d's file %s into the database; the next start tries again", jobId, file);
        }
    }

    /** True when it stored the file: an ended or missing job has nothing there worth keeping. */
    private static boolean adopt(long jobId, byte[] body) {
        ImportJob job = ImportJob.locked(jobId);
        if (job == null || !job.state.active() || ImportJob.hasFile(jobId)) {
            return false;
        }
        ImportJob.storeFile(jobId, body);
        return true;
    }

    void submit(long jobId) {
        if (waiting.add(jobId)) {
            worker.submit(() -> {
                waiting.remove(jobId);
                run(jobId);
            });
        }
    }

    private void run(long jobId) {
        if (stopping) {
            return; // left as it is (QUEUED): another instance or the next start runs it
        }
        Start start;
        try {
            start = QuarkusTransaction.requiringNew().call(() -> claim(jobId));
        } catch (RuntimeException e) {
            LOG.errorf(e, "Import %d could not be started", jobId);
            return; // its claim rolled back: the next look tries again
        }
        if (start == null) {
            return; // done, failed, or running on another instance
        }
        byte[] file = start.file();
        if (file == null) {
            adoptLegacyFile(jobId);
            file = QuarkusTransaction.requiringNew().call(() -> ImportJob.file(jobId));
        }
        if (file == null) {
            end(jobId, ImportState.FAILED, "The file of this import is gone from the server; the lines before the "
                    + "first one not imported are in the project: import the rest again.");
            return;
        }
        AtomicBoolean lost = new AtomicBoolean();
        long every = Math.max(1, config.lease().dividedBy(3).toMillis());
        ScheduledFuture<?> heartbeat = timer.scheduleAtFixedRate(() -> renew(jobId, lost), every, every,
                TimeUnit.MILLISECONDS);
        try {
            // The file was checked for UTF-8 when it was uploaded.
            String text = new String(file, StandardCharsets.UTF_8);
            boolean read = importer.importLines(start.projectId(), JsonLinesImporter.lines(text), start.linesRead(),
                    start.target(), start.username(), new JsonLinesImporter.Outcome() {
                        @Override
                        public void recording(JsonLinesImporter.Batch batch) {
                            record(jobId, batch);
                        }
                    }, () -> stopping || lost.get());
            if (read) {
                end(jobId, ImportState.DONE, null);
            } else if (!stopping) {
                lostLease(jobId); // its heartbeat found the claim gone
            } // else the stop gave the job back: another instance or the next start goes on
        } catch (Exception e) {
            if (stopping) {
                return; // a batch cut short by the stop (which gave the job back) rolled back
            }
            if (JsonLinesImporter.abandoned(e)) { // only LeaseLost abandons an import; its batch rolled back
                lostLease(jobId);
                return;
            }
            LOG.errorf(e, "Import %d stopped", jobId);
            end(jobId, ImportState.FAILED, "An unexpected error stopped this import; the server log has the details. "
                    + "The lines it had read are in the project: import the rest again.");
        } finally {
            heartbeat.cancel(false);
        }
    }

    private static void lostLease(long jobId) {
        LOG.infof("Import %d: its lease was taken over by another instance; this instance's run stopped", jobId);
    }

    /** The heartbeat: marks the run lost once this instance holds the job no more. */
    private void renew(long jobId, AtomicBoolean lost) {
        try {
            Instant until = Timestamps.now().plus(config.lease());
            if (!QuarkusTransaction.requiringNew().call(() -> ImportJob.renew(jobId, instance.id(), until))) {
                lost.set(true);
            }
        } catch (RuntimeException e) {
            if (!stopping) { // the next beat tries again, well within the lease
                LOG.warnf(e, "Could not renew the lease of import %d", jobId);
            }
        }
    }

    /**
     * Claims the job for this instance, marks it RUNNING and reads what the run needs; null when
     * it is not claimable. One taken over (after a stop or a dead instance) says where it went on.
     */
    private Start claim(long jobId) {
        Instant now = Timestamps.now();
        if (!ImportJob.claim(jobId, instance.id(), now, now.plus(config.lease()))) {
            return null;
        }
        ImportJob job = ImportJob.findById(jobId);
        if (job.startedAt == null) {
            job.startedAt = now;
        } else {
            job.message = "The server running this import stopped or restarted; it went on after line "
                    + job.linesRead + ".";
        }
        return new Start(job.projectId, job.linesRead, job.createdBy, job.target(), ImportJob.file(jobId));
    }

    /**
     * In the batch's transaction: the job's counters and its first refused lines, only while this
     * instance holds the job (its row locked until the batch commits, so that no takeover reads
     * the counters in between); otherwise the whole batch rolls back.
     */
    private void record(long jobId, JsonLinesImporter.Batch batch) {
        ImportJob job = ImportJob.locked(jobId);
        if (job == null || !job.heldBy(instance.id())) {
            throw new LeaseLost(jobId);
        }
        int room = Math.max(0, config.errorsKept() - job.errorCount);
        for (ImportReport.LineError error : batch.errors().subList(0, Math.min(room, batch.errors().size()))) {
            ImportJob.addError(jobId, error);
        }
        job.linesRead = batch.lastLine();
        job.imported += batch.imported();
        job.duplicates += batch.duplicates();
        job.spans += batch.spans();
        job.errorCount += batch.errors().size();
    }

    /** DONE or FAILED, its file deleted with it; nothing when another instance holds the job now. */
    private void end(long jobId, ImportState state, String message) {
        boolean ended = QuarkusTransaction.requiringNew().call(() -> {
            ImportJob job = ImportJob.locked(jobId);
            if (job == null || !job.heldBy(instance.id())) {
                return false;
            }
            job.state = state;
            job.finishedAt = Timestamps.now();
            job.leaseUntil = null;
            if (message != null) {
                job.message = message;
            }
            ImportJob.deleteFile(jobId);
            return true;
        });
        if (!ended) {
            LOG.infof("Import %d: another instance holds it now; this instance's run ended without changing it", jobId);
        }
    }

    /** On a stop: the jobs this instance holds are QUEUED again, to go on after their last committed line. */
    List<Long> release() {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<ImportJob> running = ImportJob.runningOn(instance.id());
            for (ImportJob job : running) {
                job.state = ImportState.QUEUED;
                job.claimedBy = null;
                job.leaseUntil = null;
            }
            return running.stream().map(job -> job.id).toList();
        });
    }

    private static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }
}
