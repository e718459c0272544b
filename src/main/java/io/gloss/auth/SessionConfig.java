package io.gloss.auth;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;

/** How long a login lasts (application.properties, {@code gloss.session.*}). */
@ConfigMapping(prefix = "gloss.session")
public interface SessionConfig {

    /** The cookie that carries the session's secret (the error mapper drops it too: web.SessionCookie). */
    @WithDefault("gloss-session")
    @NotBlank
    String cookieName();

    /** A session unused this long is over. */
    Duration idleTimeout();

    /** A session is over this long after its login, however busy. */
    Duration maxAge();
}
