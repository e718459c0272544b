package io.gloss.demo;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** The account {@code admin} created at start when no admin exists ({@code gloss.admin.*}). */
@ConfigMapping(prefix = "gloss.admin")
public interface FirstAdminConfig {

    /** Its password; unset or empty, no account is created. The password policy checks it then. */
    Optional<String> password();
}
