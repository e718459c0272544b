package io.gloss.demo;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** The demo project and its users, loaded into a database without projects ({@code gloss.demo.*}). */
@ConfigMapping(prefix = "gloss.demo")
public interface DemoConfig {

    boolean enabled();

    /**
     * The demo users' password; unset or empty, each gets a random one, printed once in the log.
     * The password policy checks it when the users are created (it lives with the accounts).
     */
    Optional<String> password();
}
