package io.gloss.dataset;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Where datasets' files are kept: in the database, as chunks of {@code gloss.datasets.chunk-size}
 * bytes, so that every instance sharing it serves every dataset. A build writes its files to a
 * local folder of its own first ({@link #startBuild}); they are copied in by {@link #store} in the
 * transaction that marks the dataset DONE, so a dataset is never DONE with part of its bytes.
 */
@ApplicationScoped
class DatasetStorage {

    private static final Logger LOG = Logger.getLogger(DatasetStorage.class);

    @Inject
    DatasetConfig config;

    @Inject
    ChunkQueries chunks;

    /** An empty folder for one build's files, which no other build (here or on another instance) uses. */
    Path startBuild(long datasetId) throws IOException {
        Files.createDirectories(config.dir());
        return Files.createTempDirectory(config.dir(), datasetId + ".partial-");
    }

    /** Replaces the dataset's stored files, if any, by those in {@code folder}; in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    void store(long datasetId, Path folder, List<DatasetFile> files) throws IOException {
        chunks.deleteOf(datasetId);
        byte[] buffer = new byte[config.chunkSize()];
        for (DatasetFile file : files) {
            try (InputStream in = Files.newInputStream(folder.resolve(file.name))) {
                int seq = 0;
                int read;
                while ((read = in.readNBytes(buffer, 0, buffer.length)) > 0) {
                    chunks.insert(datasetId, file.name, seq++, read == buffer.length ? buffer.clone()
                            : Arrays.copyOf(buffer, read));
                }
                if (seq == 0) {
                    chunks.insert(datasetId, file.name, 0, new byte[0]); // an empty file is stored too
                }
            }
        }
    }

    /**
     * A stored file, read chunk by chunk as the stream is read, each chunk in a short transaction
     * of its own: a slow client holds neither a connection nor more than one chunk.
     */
    InputStream open(long datasetId, String name) {
        return new ChunkInputStream(seq -> QuarkusTransaction.requiringNew().call(() -> chunks.read(datasetId, name, seq)));
    }

    /** Removes a build's folder; a file that will not go is only logged, the build being over. */
    void discard(Path folder) {
        try {
            deleteTree(folder);
        } catch (IOException e) {
            LOG.warnf("Could not remove %s: %s", folder, e.getMessage());
        }
    }

    /** Where a version that kept datasets on disk put a built dataset's files. */
    Path legacyFolder(long datasetId) {
        return config.dir().resolve(Long.toString(datasetId));
    }

    /** Dataset ids that have a folder of the older layout under {@code gloss.datasets.dir}, ascending. */
    List<Long> legacyFolders() throws IOException {
        return folders("[0-9]{1,18}").stream().map(Long::valueOf).sorted().toList();
    }

    /**
     * Removes the {@code <id>.partial} folders of builds that an older version's stop cut short
     * (today's builds name theirs {@code <id>.partial-<random>}, which may be another instance's
     * sharing the folder, and are left alone).
     */
    void removeLegacyPartials() throws IOException {
        for (String name : folders("[0-9]{1,18}\\.partial")) {
            deleteTree(config.dir().resolve(name));
        }
    }

    private List<String> folders(String pattern) throws IOException {
        if (!Files.isDirectory(config.dir())) {
            return List.of();
        }
        try (Stream<Path> paths = Files.list(config.dir())) {
            return paths.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .filter(name -> name.matches(pattern)).toList();
        }
    }

    /** Whether the dataset has files stored. */
    boolean stored(long datasetId) {
        return chunks.any(datasetId);
    }

    /** Whether the file is stored; in the caller's transaction. */
    boolean stored(long datasetId, String name) {
        return chunks.has(datasetId, name);
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
