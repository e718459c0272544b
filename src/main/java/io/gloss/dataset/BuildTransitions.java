package io.gloss.dataset;

import io.gloss.audit.AuditService;
import io.gloss.dataset.format.ExportContext;
import io.gloss.db.InstanceIdentity;
import io.gloss.db.Timestamps;
import io.gloss.project.Label;
import io.gloss.project.RelationType;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The changes a build makes to its dataset's row, each in a transaction of its own (a build
 * outlives many) and each with its change on the project's event stream: claimed and RUNNING
 * with the number of articles to write, its progress, then DONE with its files or FAILED with a
 * sentence that says why; QUEUED again when a stop gives it back. Every step after the claim
 * happens only while this instance still holds the claim: a build whose lease another instance
 * has taken over changes nothing.
 *
 * <p>Builds run on threads of their own, outside any request: the request context is activated
 * for the change log's author ("system").
 */
@ApplicationScoped
@ActivateRequestContext
class BuildTransitions {

    @Inject
    ExportReader reader;

    @Inject
    DatasetStorage storage;

    @Inject
    AuditService audit;

    @Inject
    InstanceIdentity instance;

    @Inject
    DatasetConfig config;

    /** What a build needs from the database before it starts writing. */
    record Job(DatasetDefinition definition, List<ExportContext.LabelInfo> labels,
            List<ExportContext.RelationTypeInfo> relationTypes) {

        List<String> labelKeys() {
            return labels.stream().map(ExportContext.LabelInfo::key).toList();
        }
    }

    /** Datasets this instance may claim now, oldest first. */
    List<Long> claimable() {
        return QuarkusTransaction.requiringNew().call(() -> Dataset.claimable(Timestamps.now()));
    }

    /**
     * Claims the dataset for this instance, marks it RUNNING (from the beginning, also when taken
     * over from an instance that died) and reads what the build needs; null when it is not
     * claimable: built, failed, or another instance's build whose lease runs still.
     */
    Job claim(long datasetId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = Timestamps.now();
            if (!Dataset.claim(datasetId, instance.id(), now, now.plus(config.lease()))) {
                return null;
            }
            Dataset dataset = Dataset.findById(datasetId);
            DatasetDefinition definition = dataset.definition();
            dataset.articlesTotal = reader.count(definition);
            List<ExportContext.LabelInfo> labels = Label.ofProject(definition.projectId()).stream()
                    .filter(l -> definition.labels() == null || definition.labels().contains(l.key))
                    .map(l -> new ExportContext.LabelInfo(l.key, l.name, l.color)).toList();
            List<String> keys = labels.stream().map(ExportContext.LabelInfo::key).toList();
            List<ExportContext.RelationTypeInfo> relationTypes = new ArrayList<>();
            for (RelationType type : RelationType.ofProject(definition.projectId())) {
                List<String> from = type.from().stream().filter(keys::contains).toList();
                List<String> to = type.to().stream().filter(keys::contains).toList();
                if (!from.isEmpty() && !to.isEmpty()) {
                    relationTypes.add(new ExportContext.RelationTypeInfo(type.key, type.name, from, to));
                }
            }
            changed(dataset, "start");
            return new Job(definition, labels, relationTypes);
        });
    }

    /** The heartbeat: false once this instance holds the build no more. */
    boolean renew(long datasetId) {
        return QuarkusTransaction.requiringNew().call(() ->
                Dataset.renew(datasetId, instance.id(), Timestamps.now().plus(config.lease())));
    }

    /** Records the progress, with a change on the stream when {@code report}; false once the build is not this instance's. */
    boolean progress(long datasetId, int articlesDone, boolean report) {
        return QuarkusTransaction.requiringNew().call(() -> {
            if (!Dataset.recordProgress(datasetId, instance.id(), articlesDone)) {
                return false;
            }
            if (report) {
                Dataset dataset = Dataset.findById(datasetId);
                audit.recordChange(dataset.projectId, null, "dataset", datasetId, "progress", null,
                        DatasetEvent.of(dataset));
            }
            return true;
        });
    }

    /**
     * DONE with its files, copied from the build's folder into the database in the same
     * transaction; false (nothing written) when the build is no longer this instance's.
     */
    boolean finish(long datasetId, Path folder, List<DatasetFile> files) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Dataset dataset = Dataset.locked(datasetId);
            if (!heldHere(dataset)) {
                return false;
            }
            storage.store(datasetId, folder, files);
            dataset.state = DatasetState.DONE;
            dataset.articlesDone = dataset.articlesTotal;
            dataset.finishedAt = Timestamps.now();
            dataset.leaseUntil = null;
            dataset.errorMessage = null;
            dataset.files.clear();
            dataset.files.addAll(files);
            changed(dataset, "done");
            return true;
        });
    }

    /** FAILED with the reason, unless another instance has taken the build over meanwhile; whether it was marked. */
    boolean fail(long datasetId, Exception e) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Dataset dataset = Dataset.locked(datasetId);
            if (dataset == null || !dataset.state.active()
                    || dataset.claimedBy != null && !dataset.claimedBy.equals(instance.id())) {
                return false;
            }
            dataset.state = DatasetState.FAILED;
            dataset.finishedAt = Timestamps.now();
            dataset.leaseUntil = null;
            dataset.errorMessage = "The build failed: " + reason(e);
            changed(dataset, "fail");
            return true;
        });
    }

    /** On a stop: the builds this instance holds are QUEUED again, for any instance to build from the start. */
    List<Long> release() {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<Dataset> running = Dataset.runningOn(instance.id());
            for (Dataset dataset : running) {
                dataset.state = DatasetState.QUEUED;
                dataset.articlesDone = 0;
                dataset.claimedBy = null;
                dataset.leaseUntil = null;
                changed(dataset, "requeue");
            }
            return running.stream().map(d -> d.id).toList();
        });
    }

    /**
     * Copies into the database the files that a version keeping datasets on disk left in
     * {@code folder}, unless they are stored already; true when it copied them. A dataset that is
     * gone or not DONE has nothing there worth keeping. Its row is locked meanwhile: replicas
     * sharing the data directory start at once, and the second finds the files stored.
     */
    boolean adoptLegacy(long datasetId, Path folder) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Dataset dataset = Dataset.locked(datasetId);
            if (dataset == null || dataset.state != DatasetState.DONE || storage.stored(datasetId)) {
                return false;
            }
            storage.store(datasetId, folder, dataset.files);
            return true;
        });
    }

    private boolean heldHere(Dataset dataset) {
        return dataset != null && dataset.state == DatasetState.RUNNING && instance.id().equals(dataset.claimedBy);
    }

    /** The dataset's new state on the project's stream; last in the transaction (the project's counter stays locked). */
    private void changed(Dataset dataset, String action) {
        audit.recordChange(dataset.projectId, null, "dataset", dataset.id, action, null, DatasetEvent.of(dataset));
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
