package io.gloss.auth;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Turns a personal token into the owner's identity; an unknown or revoked token is a 401. */
@ApplicationScoped
public class PersonalTokenIdentityProvider implements IdentityProvider<PersonalTokenRequest> {

    @Inject
    TokenService tokens;

    @Override
    public Class<PersonalTokenRequest> getRequestType() {
        return PersonalTokenRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(PersonalTokenRequest request, AuthenticationRequestContext context) {
        // The lookup touches the database: off the IO thread.
        return context.runBlocking(() -> tokens.authenticate(request.secret())
                .map(owner -> owner.identity(() -> tokens.isLive(request.secret())))
                .orElseThrow(() -> new AuthenticationFailedException("unknown or revoked token")));
    }
}
