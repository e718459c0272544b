package io.gloss.article;

import io.gloss.db.Timestamps;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Runs background imports one at a time on a thread of its own (on the embedded database an
 * import is CPU work that would otherwise compete with requests). Each batch commits with the
 * job's counters, so a stop loses nothing: the job stays RUNNING and the next start resumes it
 * after its last committed line, saying so in its message.
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
    ImportJobs jobs;

    @Inject
    EntityManager em;

    @Inject
    ImportConfig config;

    private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "gloss-import");
        thread.setDaemon(true);
        return thread;
    });

    private volatile boolean stopping;

    /** What a run needs from the job's row. */
    private record Start(long projectId, int linesRead, String username) {
    }

    void queued(@Observes(during = TransactionPhase.AFTER_SUCCESS) ImportQueued event) {
        submit(event.jobId());
    }

    /** Jobs that a stop interrupted go on where they were, off the start's path. */
    void resume(@Observes StartupEvent event) {
        worker.submit(() -> {
            try {
                resumeInterrupted();
            } catch (RuntimeException e) {
                if (!stopping) {
                    LOG.error("Could not look for imports interrupted by a stop", e);
                }
            }
        });
    }

    /** Set when the stop begins, before the database is closed (@PreDestroy comes later). */
    void stopping(@Observes ShutdownEvent event) {
        stopping = true;
    }

    @PreDestroy
    void stop() throws InterruptedException {
        stopping = true;
        worker.shutdown();
        worker.awaitTermination(10, TimeUnit.SECONDS);
    }

    void resumeInterrupted() {
        List<Long> ids = QuarkusTransaction.requiringNew().call(() -> {
            List<ImportJob> unfinished = ImportJob.unfinished();
            for (ImportJob job : unfinished) {
                if (job.state == ImportState.RUNNING) {
                    job.state = ImportState.QUEUED;
                    job.message = "The server restarted during this import; it went on after line " + job.linesRead + ".";
                }
            }
            return unfinished.stream().map(job -> job.id).toList();
        });
        if (!ids.isEmpty()) {
            LOG.infof("Resuming %d import(s) interrupted by a stop: %s", ids.size(), ids);
        }
        ids.forEach(this::submit);
    }

    void submit(long jobId) {
        worker.submit(() -> run(jobId));
    }

    private void run(long jobId) {
        if (stopping) {
            return; // left as it is: the next start runs it
        }
        Start start = QuarkusTransaction.requiringNew().call(() -> start(jobId));
        if (start == null) {
            return;
        }
        Path file = jobs.file(jobId);
        try {
            // The file was checked for UTF-8 when it was uploaded.
            String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            boolean read = importer.importLines(start.projectId(), JsonLinesImporter.lines(text), start.linesRead(),
                    start.username(), new JsonLinesImporter.Outcome() {
                        @Override
                        public void recording(JsonLinesImporter.Batch batch) {
                            record(jobId, batch);
                        }
                    }, () -> stopping);
            if (!read) {
                return; // stopping: left RUNNING, the next start resumes it
            }
            QuarkusTransaction.requiringNew().run(() -> end(jobId, ImportState.DONE, null));
        } catch (NoSuchFileException e) {
            fail(jobId, file, "The file of this import is gone from the server (" + file + "); the lines before the "
                    + "first one not imported are in the project: import the rest again.");
            return;
        } catch (Exception e) {
            if (stopping) {
                return;
            }
            LOG.errorf(e, "Import %d stopped", jobId);
            fail(jobId, file, "An unexpected error stopped this import; the server log has the details. The lines it "
                    + "had read are in the project: import the rest again.");
            return;
        }
        deleteQuietly(file);
    }

    private void fail(long jobId, Path file, String message) {
        QuarkusTransaction.requiringNew().run(() -> end(jobId, ImportState.FAILED, message));
        deleteQuietly(file);
    }

    private static Start start(long jobId) {
        ImportJob job = ImportJob.findById(jobId);
        if (job == null || !job.state.active()) {
            return null;
        }
        job.state = ImportState.RUNNING;
        if (job.startedAt == null) {
            job.startedAt = Timestamps.now();
        }
        return new Start(job.projectId, job.linesRead, job.createdBy);
    }

    /** In the batch's transaction: the job's counters and its first refused lines. */
    private void record(long jobId, JsonLinesImporter.Batch batch) {
        ImportJob job = em.find(ImportJob.class, jobId);
        int room = Math.max(0, config.errorsKept() - job.errorCount);
        for (ImportReport.LineError error : batch.errors().subList(0, Math.min(room, batch.errors().size()))) {
            ImportJob.addError(jobId, error);
        }
        job.linesRead = batch.lastLine();
        job.imported += batch.imported();
        job.duplicates += batch.duplicates();
        job.errorCount += batch.errors().size();
    }

    private static void end(long jobId, ImportState state, String message) {
        ImportJob job = ImportJob.findById(jobId);
        job.state = state;
        job.finishedAt = Timestamps.now();
        if (message != null) {
            job.message = message;
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warnf("Could not remove %s: %s", file, e.getMessage());
        }
    }
}
