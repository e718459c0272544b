package io.gloss.dataset;

import io.gloss.dataset.format.ExportContext;
import io.gloss.dataset.format.FormatWriter;
import io.gloss.web.GlossVersion;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Builds datasets in the background, one at a time on the {@link BuildThreads} worker, on
 * whichever instance sharing the database claims them first. A dataset queued here is built as
 * soon as its row has committed; every half lease (and at start) the instance also looks for
 * datasets nobody builds: queued on an instance that is busy or gone, or RUNNING on a lease that
 * ran out because its instance died. Builds are deterministic, so a build taken over starts from
 * the beginning and gives the same files.
 *
 * <p>A build streams its selection through the {@link ExportPipeline} into a folder of its own,
 * writes the manifest last, and {@link BuildTransitions#finish} stores the files in the database
 * as it marks the dataset DONE. While it runs, a heartbeat renews its lease every third of it; a
 * build that finds its lease taken (its heartbeat was late, another instance took over) stops
 * without writing anything. A stop gives this instance's builds back (QUEUED).
 */
@ApplicationScoped
public class DatasetBuilder {

    private static final Logger LOG = Logger.getLogger(DatasetBuilder.class);

    /** At most one progress event a second per build, on the project's stream. */
    private static final Duration PROGRESS_EVENT_EVERY = Duration.ofSeconds(1);

    @Inject
    BuildThreads threads;

    @Inject
    BuildTransitions transitions;

    @Inject
    ExportPipeline pipeline;

    @Inject
    DatasetStorage storage;

    @Inject
    DatasetConfig config;

    @Inject
    GlossVersion glossVersion;

    @Inject
    DatasetMetrics metrics;

    /** Datasets handed to the worker and not started yet: the periodic look does not queue them twice. */
    private final Set<Long> waiting = ConcurrentHashMap.newKeySet();

    /** 1 while the worker builds a dataset it has claimed, for the queue's metric. */
    private final AtomicInteger running = new AtomicInteger();

    /** The build's thread learns from a heartbeat that the lease is lost. */
    private static final class LeaseLost extends RuntimeException {
        LeaseLost(long datasetId) {
            super("Dataset " + datasetId + ": the build's lease was taken over by another instance", null, false, false);
        }
    }

    void queued(@Observes(during = TransactionPhase.AFTER_SUCCESS) DatasetQueued event) {
        submit(event.datasetId());
    }

    /**
     * Off the start's path (its first query cost 0.2 s of a 3 s start), the worker moves datasets
     * kept on disk by an older version into the database and looks for builds to claim; then the
     * timer looks again every half lease.
     */
    void start(@Observes StartupEvent event) {
        metrics.watchQueue(waiting, running);
        threads.work(() -> {
            adoptLegacyFolders();
            scan();
        });
        threads.every(config.lease().dividedBy(2), this::scan);
    }

    /** A graceful stop gives this instance's unfinished builds back, for the next instance to claim at once. */
    void stop(@Observes ShutdownEvent event) {
        try {
            List<Long> released = transitions.release();
            if (!released.isEmpty()) {
                LOG.infof("Dataset build(s) %s queued again for another instance or the next start", released);
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not give back this instance's dataset builds; they are taken over when their lease runs out", e);
        }
    }

    /** Hands every dataset nobody is building to the worker, which claims each (or finds it claimed) in turn. */
    void scan() {
        if (threads.stopping()) {
            return;
        }
        try {
            transitions.claimable().forEach(this::submit);
        } catch (RuntimeException e) {
            if (!threads.stopping()) { // a stop right after the start closes the database under it: no error
                LOG.error("Could not look for dataset builds to claim", e);
            }
        }
    }

    /**
     * Moves into the database the datasets that an older version kept on this instance's disk,
     * then removes their folders, so that an upgrade loses no dataset.
     */
    void adoptLegacyFolders() {
        try {
            for (long id : storage.legacyFolders()) {
                Path folder = storage.legacyFolder(id);
                try {
                    if (transitions.adoptLegacy(id, folder)) {
                        LOG.infof("Dataset %d: files moved from %s into the database", id, folder);
                    }
                    DatasetStorage.deleteTree(folder);
                } catch (IOException | RuntimeException e) {
                    LOG.errorf(e, "Could not move dataset %d from %s into the database; the next start tries again", id, folder);
                }
            }
            storage.removeLegacyPartials();
        } catch (IOException e) {
            LOG.error("Could not look for datasets kept on disk", e);
        }
    }

    private void submit(long datasetId) {
        if (waiting.add(datasetId)) {
            threads.work(() -> {
                waiting.remove(datasetId);
                build(datasetId);
            });
        }
    }

    private void build(long datasetId) {
        if (threads.stopping()) {
            return; // left as it is (QUEUED): another instance or the next start builds it
        }
        BuildTransitions.Job job;
        try {
            job = transitions.claim(datasetId);
        } catch (RuntimeException e) {
            // Nothing else would ever report it: the worker's future is not read.
            LOG.errorf(e, "Dataset %d could not be started", datasetId);
            failed(datasetId, e);
            return;
        }
        if (job == null) {
            return; // built, failed, or building on another instance
        }
        AtomicBoolean lost = new AtomicBoolean();
        ScheduledFuture<?> heartbeat = threads.every(config.lease().dividedBy(3), () -> {
            if (!transitions.renew(datasetId)) {
                lost.set(true);
            }
        });
        running.set(1);
        try {
            build(datasetId, job, lost);
        } finally {
            heartbeat.cancel(false);
            running.set(0);
        }
    }

    private void build(long datasetId, BuildTransitions.Job job, AtomicBoolean lost) {
        DatasetDefinition definition = job.definition();
        ProgressThrottle events = new ProgressThrottle(PROGRESS_EVENT_EVERY, System.nanoTime());
        FormatWriter writer = null;
        ExportStats stats = null;
        Path folder = null;
        long started = System.nanoTime();
        try {
            folder = storage.startBuild(datasetId);
            ExportContext context = new ExportContext(folder, job.labels(), job.relationTypes(), definition.split().splits(),
                    definition.csvEscapeFormulas());
            writer = definition.format().writer(context);
            stats = new ExportStats(context.directory(), job.labelKeys());
            pipeline.run(definition, writer, stats, done -> {
                boolean report = events.due(done, System.nanoTime());
                if (lost.get() || !transitions.progress(datasetId, done, report)) {
                    throw new LeaseLost(datasetId);
                }
            });
            if (threads.stopping()) {
                return; // given back by stop(): another instance or the next start builds it again
            }
            List<DatasetFile> files = new ArrayList<>(writer.finish());
            files.add(ManifestWriter.write(context, glossVersion.version(), definition, stats, writer, files));
            files.sort(Comparator.comparing(f -> f.name));
            writer.close();
            stats.close();
            if (lost.get() || !transitions.finish(datasetId, folder, files)) {
                throw new LeaseLost(datasetId);
            }
            metrics.done(Duration.ofNanos(System.nanoTime() - started), files.stream().mapToLong(f -> f.bytes).sum());
        } catch (Exception e) {
            if (writer != null) {
                writer.abort();
            }
            closeQuietly(writer, stats);
            if (e instanceof LeaseLost) {
                LOG.infof("%s; this instance's build stopped", e.getMessage());
                return;
            }
            if (threads.stopping()) {
                return;
            }
            LOG.errorf(e, "Dataset %d could not be built", datasetId);
            failed(datasetId, e);
        } finally {
            if (folder != null) {
                storage.discard(folder);
            }
        }
    }

    /** Marks the dataset FAILED, and counts it unless another instance had taken the build over. */
    private void failed(long datasetId, Exception e) {
        if (transitions.fail(datasetId, e)) {
            metrics.failed();
        }
    }

    private static void closeQuietly(AutoCloseable... closeables) {
        for (AutoCloseable closeable : closeables) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception ignored) {
                // already failing; the directory is removed next
            }
        }
    }
}
