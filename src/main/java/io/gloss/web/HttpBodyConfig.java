package io.gloss.web;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;

/**
 * How many request bodies {@link BodyBuffering} holds while they arrive, and for how long
 * ({@code gloss.http.*}). That each budget fits the largest body allowed is checked where the
 * budget is built, beside Quarkus' {@code quarkus.http.limits.max-body-size}.
 */
@ConfigMapping(prefix = "gloss.http")
public interface HttpBodyConfig {

    /** What all bodies being read, or waiting for their answer, may reserve together. */
    MemorySize bufferedBodiesMax();

    /** What the bodies from one client address may reserve together. */
    MemorySize bufferedBodiesPerClient();

    /** A body still arriving after this long is answered 408; Vert.x' timers take 1 ms at the least. */
    @DurationMin(millis = 1)
    Duration bodyTimeout();
}
