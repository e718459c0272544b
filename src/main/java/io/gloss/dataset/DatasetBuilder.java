package io.gloss.dataset;

import io.gloss.dataset.format.ExportContext;
import io.gloss.dataset.format.FormatWriter;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Builds datasets in the background, one at a time on the {@link BuildThreads} worker: each once
 * its row has committed, and on start each that a stop cut short, again from the beginning, which
 * gives the same files since builds are deterministic. A build streams its selection through the
 * {@link ExportPipeline} into a directory of its own and writes the manifest last;
 * {@link DatasetStorage} puts the files in place only once they are complete.
 */
@ApplicationScoped
public class DatasetBuilder {

    private static final Logger LOG = Logger.getLogger(DatasetBuilder.class);

    @Inject
    BuildThreads threads;

    @Inject
    BuildTransitions transitions;

    @Inject
    ExportPipeline pipeline;

    @Inject
    DatasetStorage storage;

    @ConfigProperty(name = "quarkus.application.version", defaultValue = "unknown")
    String glossVersion;

    void queued(@Observes(during = TransactionPhase.AFTER_SUCCESS) DatasetQueued event) {
        submit(event.datasetId());
    }

    /**
     * Builds that a stop interrupted start again (RUNNING ones from the beginning). The worker
     * looks for them, off the start's path (its first query cost 0.2 s of a 3 s start); it runs
     * one task at a time, so a dataset queued meanwhile and found here too is built once: the
     * second turn finds it done.
     */
    void resume(@Observes StartupEvent event) {
        threads.work(() -> {
            try {
                adoptLegacyFolders();
                List<Long> ids = transitions.requeueUnfinished();
                if (!ids.isEmpty()) {
                    LOG.infof("Resuming %d dataset build(s) interrupted by a stop: %s", ids.size(), ids);
                }
                ids.forEach(this::submit);
            } catch (RuntimeException e) {
                if (!threads.stopping()) { // a stop right after the start closes the database under it: no error
                    LOG.error("Could not look for dataset builds interrupted by a stop", e);
                }
            }
        });
    }

    /**
     * Moves into the database the datasets that an older version kept on this instance's disk,
     * then removes their folders, so that an upgrade loses no dataset.
     */
    void adoptLegacyFolders() {
        try {
            for (long id : storage.legacyFolders()) {
                Path folder = storage.legacyFolder(id);
                if (transitions.adoptLegacy(id, folder)) {
                    LOG.infof("Dataset %d: files moved from %s into the database", id, folder);
                }
                DatasetStorage.deleteTree(folder);
            }
        } catch (IOException | RuntimeException e) {
            LOG.error("Could not move the datasets kept on disk into the database; the next start tries again", e);
        }
    }

    private void submit(long datasetId) {
        threads.work(() -> build(datasetId));
    }

    private void build(long datasetId) {
        if (threads.stopping()) {
            return; // left as it is (QUEUED): the next start builds it
        }
        BuildTransitions.Job job;
        try {
            job = transitions.start(datasetId);
        } catch (RuntimeException e) {
            // Nothing else would ever report it: the worker's future is not read.
            LOG.errorf(e, "Dataset %d could not be started", datasetId);
            transitions.fail(datasetId, e);
            return;
        }
        if (job == null) {
            return;
        }
        DatasetDefinition definition = job.definition();
        FormatWriter writer = null;
        ExportStats stats = null;
        Path folder = null;
        try {
            folder = storage.startBuild(datasetId);
            ExportContext context = new ExportContext(folder, job.labels(), definition.split().splits(),
                    definition.csvEscapeFormulas());
            writer = definition.format().writer(context);
            stats = new ExportStats(context.directory(), job.labelKeys());
            pipeline.run(definition, writer, stats, done -> transitions.progress(datasetId, done));
            if (threads.stopping()) {
                return; // left RUNNING: the next start builds it again
            }
            List<DatasetFile> files = new ArrayList<>(writer.finish());
            files.add(ManifestWriter.write(context, glossVersion, definition, stats, writer, files));
            files.sort(Comparator.comparing(f -> f.name));
            writer.close();
            stats.close();
            transitions.finish(datasetId, folder, files);
        } catch (Exception e) {
            if (writer != null) {
                writer.abort();
            }
            closeQuietly(writer, stats);
            if (threads.stopping()) {
                return;
            }
            LOG.errorf(e, "Dataset %d could not be built", datasetId);
            transitions.fail(datasetId, e);
        } finally {
            if (folder != null) {
                storage.discard(folder);
            }
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
