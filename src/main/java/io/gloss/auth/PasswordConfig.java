package io.gloss.auth;

import io.smallrye.config.ConfigMapping;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** How local passwords are hashed ({@code gloss.password.*}, see {@link AccountService}). */
@ConfigMapping(prefix = "gloss.password")
public interface PasswordConfig {

    /**
     * bcrypt's cost: each step doubles the work of a hash and of every check against it (a login,
     * and every request with Basic credentials). A hash keeps the cost it was made with, so a
     * change applies to passwords set from then on.
     */
    @Min(4)
    @Max(31)
    int bcryptCost();
}
