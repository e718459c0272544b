package io.gloss.live;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;

/** Event streams and the changes feed (application.properties, {@code gloss.live.*}). */
@ConfigMapping(prefix = "gloss.live")
public interface LiveConfig {

    /**
     * How often an idle stream gets a comment line (proxies close a silent connection, often after
     * 30 or 60 s), and how often a listener's membership is looked at again.
     */
    @WithDefault("15s")
    Duration keepAlive();

    /** How often the streams are looked at for clients that have gone (so that presence drops them). */
    @WithDefault("1s")
    Duration goneCheck();

    /** Streams whose missed changes are replayed at once; more wait their turn (each replay holds a database connection while it reads). */
    @WithDefault("2")
    @Min(1)
    @Max(64)
    int replayThreads();

    /** Changes read from the database at once, by the bus and by a replay. */
    @WithDefault("500")
    @Min(1)
    @Max(10_000)
    int batch();
}
