package io.gloss.article;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.PositiveOrZero;
import java.nio.file.Path;

/** Limits of article imports and where background imports keep their files ({@code gloss.import.*}). */
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

    /** Where background imports' files wait until their job ends. */
    Path dir();
}
