package io.gloss.auth;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import java.util.Arrays;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/** Who a password, a session or a token authenticates as, with the roles they hold now. */
public record Owner(String username, Set<String> roles) {

    /** Roles stored comma-separated; anything that is not one of Gloss' roles is ignored. */
    static Owner of(String username, String roles) {
        return new Owner(username, Arrays.stream(roles.split(",")).map(String::trim)
                .filter(Role.ALL::contains).collect(Collectors.toUnmodifiableSet()));
    }

    /**
     * The identity for this request; {@code stillValid} asks again later, without the request,
     * whether what authenticated it still would (see {@link CurrentUser#stillValid}).
     */
    SecurityIdentity identity(BooleanSupplier stillValid) {
        return QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(username)).addRoles(roles)
                .addAttribute(CurrentUser.STILL_VALID, stillValid).build();
    }
}
