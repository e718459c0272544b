package io.gloss.dataset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Where datasets' files are kept: {@code <gloss.datasets.dir>/<id>/} once complete, and
 * {@code <id>.partial/} while a build writes them, so that a download never sees half a dataset.
 */
@ApplicationScoped
class DatasetStorage {

    private static final Logger LOG = Logger.getLogger(DatasetStorage.class);

    @Inject
    DatasetConfig config;

    /** The directory of a built dataset's files. */
    Path directory(long datasetId) {
        return config.dir().resolve(Long.toString(datasetId));
    }

    /** An empty directory for a build's files: what an interrupted build left there is removed. */
    Path startPartial(long datasetId) throws IOException {
        Path partial = partial(datasetId);
        deleteTree(partial);
        Files.createDirectories(partial);
        return partial;
    }

    /** Replaces the dataset's files, if any, by the complete ones its build wrote. */
    void publish(long datasetId) throws IOException {
        Path done = directory(datasetId);
        deleteTree(done);
        Files.move(partial(datasetId), done, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Removes what a failed build wrote; a file that will not go is only logged, as the build has failed already. */
    void discardPartial(long datasetId) {
        Path partial = partial(datasetId);
        try {
            deleteTree(partial);
        } catch (IOException e) {
            LOG.warnf("Could not remove %s: %s", partial, e.getMessage());
        }
    }

    private Path partial(long datasetId) {
        return config.dir().resolve(datasetId + ".partial");
    }

    static void deleteTree(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
