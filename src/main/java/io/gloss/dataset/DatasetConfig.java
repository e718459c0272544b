package io.gloss.dataset;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;
import java.nio.file.Path;
import java.time.Duration;

/** Where builds write and how they read and store datasets ({@code gloss.datasets.*}). */
@ConfigMapping(prefix = "gloss.datasets")
public interface DatasetConfig {

    /**
     * A local folder where builds write their files before they are stored in the database, each
     * build in a folder of its own. Datasets built by versions before 1.x (files kept here, one
     * folder per dataset) are copied into the database at start and their folders removed.
     */
    Path dir();

    /** Batches an export fetches at once, each by a thread and a database connection of its own. */
    @Min(1)
    int readAhead();

    /** Bytes per stored chunk of a dataset file: a download reads one chunk at a time. */
    @WithDefault("1048576")
    @Min(1)
    int chunkSize();

    /**
     * How long a build's claim holds without its heartbeat (renewed every third of it): a build
     * whose instance died is taken over by another this long after its last heartbeat. Instances
     * look for such builds, and for queued ones, every half of it.
     */
    @WithDefault("30s")
    Duration lease();
}
