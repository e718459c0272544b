package io.gloss.article;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.PositiveOrZero;
import java.nio.file.Path;
import java.time.Duration;

/** Limits of article imports and how background imports run on several instances ({@code gloss.import.*}). */
@ConfigMapping(prefix = "gloss.import")
public interface ImportConfig {

    /** The longest article text accepted, in characters. */
    @Min(1)
    int maxArticleChars();

    /** JSON Lines imports commit this many lines at a time, each batch in a transaction of its own. */
    @Min(1)
    int batchSize();

    /** A JSON Lines file with more lines than this imports in the background. */
    @PositiveOrZero
    int backgroundLines();

    /** A JSON Lines file larger than this imports in the background. */
    MemorySize backgroundBytes();

    /** Refused lines a background import keeps with their message; it counts them all. */
    @PositiveOrZero
    int errorsKept();

    /**
     * Where older versions kept background imports' files until their job ended (their files
     * now live in the database): files of jobs still unfinished are taken into the database at
     * start and removed.
     */
    Path dir();

    /**
     * How long a job's claim holds without its heartbeat (renewed every third of it): a job whose
     * instance died is taken over by another this long after its last heartbeat, after its last
     * committed line. Instances look for such jobs, and for queued ones, every half of it.
     */
    @WithDefault("30s")
    Duration lease();
}
