package io.gloss.dataset;

import io.gloss.dataset.format.ExportContext;
import io.gloss.db.Timestamps;
import io.gloss.project.Label;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The changes a build makes to its dataset's row, each in a transaction of its own (a build
 * outlives many): QUEUED again after a stop, RUNNING with the number of articles to write, its
 * progress, then DONE with its files or FAILED with a sentence that says why.
 */
@ApplicationScoped
class BuildTransitions {

    @Inject
    ExportReader reader;

    @Inject
    DatasetStorage storage;

    /** What a build needs from the database before it starts writing. */
    record Job(DatasetDefinition definition, List<ExportContext.LabelInfo> labels) {

        List<String> labelKeys() {
            return labels.stream().map(ExportContext.LabelInfo::key).toList();
        }
    }

    /** Queues again the builds a stop cut short, to start from the beginning; their ids, oldest first. */
    List<Long> requeueUnfinished() {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<Dataset> unfinished = Dataset.unfinished();
            unfinished.forEach(d -> {
                d.state = DatasetState.QUEUED;
                d.articlesDone = 0;
            });
            return unfinished.stream().map(d -> d.id).toList();
        });
    }

    /** Marks the dataset RUNNING and reads what the build needs; null when there is nothing to do. */
    Job start(long datasetId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Dataset dataset = Dataset.findById(datasetId);
            if (dataset == null || !dataset.state.active()) {
                return null;
            }
            DatasetDefinition definition = dataset.definition();
            dataset.state = DatasetState.RUNNING;
            dataset.startedAt = Timestamps.now();
            dataset.articlesDone = 0;
            dataset.articlesTotal = reader.count(definition);
            List<ExportContext.LabelInfo> labels = Label.ofProject(definition.projectId()).stream()
                    .filter(l -> definition.labels() == null || definition.labels().contains(l.key))
                    .map(l -> new ExportContext.LabelInfo(l.key, l.name, l.color)).toList();
            return new Job(definition, labels);
        });
    }

    void progress(long datasetId, int articlesDone) {
        QuarkusTransaction.requiringNew().run(() -> Dataset.recordProgress(datasetId, articlesDone));
    }

    /** DONE with its files, which are copied from the build's folder into the database meanwhile. */
    void finish(long datasetId, Path folder, List<DatasetFile> files) {
        QuarkusTransaction.requiringNew().call(() -> {
            storage.store(datasetId, folder, files);
            Dataset dataset = Dataset.findById(datasetId);
            dataset.state = DatasetState.DONE;
            dataset.articlesDone = dataset.articlesTotal;
            dataset.finishedAt = Timestamps.now();
            dataset.errorMessage = null;
            dataset.files.clear();
            dataset.files.addAll(files);
            return null;
        });
    }

    /**
     * Copies into the database the files that a version keeping datasets on disk left in
     * {@code folder}, unless they are stored already; true when it copied them. A dataset that is
     * gone or not DONE has nothing there worth keeping.
     */
    boolean adoptLegacy(long datasetId, Path folder) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Dataset dataset = Dataset.findById(datasetId);
            if (dataset == null || dataset.state != DatasetState.DONE || storage.stored(datasetId)) {
                return false;
            }
            storage.store(datasetId, folder, dataset.files);
            return true;
        });
    }

    void fail(long datasetId, Exception e) {
        QuarkusTransaction.requiringNew().run(() -> {
            Dataset dataset = Dataset.findById(datasetId);
            if (dataset == null) {
                return;
            }
            dataset.state = DatasetState.FAILED;
            dataset.finishedAt = Timestamps.now();
            dataset.errorMessage = "The build failed: " + reason(e);
        });
    }

    /**
     * The first cause that explains itself, a broken invariant's sentence or a file problem, found
     * down the chain: transactions wrap what a batch threw.
     */
    private static String reason(Exception e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException) {
                return "The files could not be written (" + cause.getMessage() + ").";
            }
            if (cause instanceof IllegalStateException && cause.getMessage() != null) {
                return cause.getMessage();
            }
        }
        return "An unexpected error stopped it; the server log has the details.";
    }
}
