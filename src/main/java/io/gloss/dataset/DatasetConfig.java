package io.gloss.dataset;

import io.smallrye.config.ConfigMapping;
import jakarta.validation.constraints.Min;
import java.nio.file.Path;

/** Where built datasets are kept and how their builds read the database ({@code gloss.datasets.*}). */
@ConfigMapping(prefix = "gloss.datasets")
public interface DatasetConfig {

    /** Built datasets' files, one folder per dataset ({@code <dir>/<dataset id>/}). */
    Path dir();

    /** Batches an export fetches at once, each by a thread and a database connection of its own. */
    @Min(1)
    int readAhead();
}
