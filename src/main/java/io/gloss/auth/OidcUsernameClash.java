package io.gloss.auth;

import io.gloss.web.GlossException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Gloss names people by username (authorship, memberships, tokens), so a Keycloak user whose
 * username is also a local account's would silently become that account. Such a login is
 * refused with a sentence instead; an admin renames or retires one of the two.
 */
@ApplicationScoped
public class OidcUsernameClash implements SecurityIdentityAugmentor {

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken)) {
            return Uni.createFrom().item(identity);
        }
        return context.runBlocking(() -> {
            if (localAccountExists(identity.getPrincipal().getName())) {
                throw new GlossException(403, "identity_clash", "Your Keycloak username \""
                        + identity.getPrincipal().getName() + "\" is also the name of a local Gloss account, "
                        + "so Gloss cannot tell the two apart. Ask an administrator to rename or retire one of them.");
            }
            return identity;
        });
    }

    @ActivateRequestContext
    boolean localAccountExists(String username) {
        return UserAccount.findByUsername(username).isPresent();
    }
}
