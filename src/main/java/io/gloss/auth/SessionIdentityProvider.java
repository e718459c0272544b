package io.gloss.auth;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Turns a session cookie into its owner's identity; an ended or expired session fails. */
@ApplicationScoped
public class SessionIdentityProvider implements IdentityProvider<SessionRequest> {

    @Inject
    SessionService sessions;

    @Override
    public Class<SessionRequest> getRequestType() {
        return SessionRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(SessionRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> sessions.authenticate(request.secret())
                .map(owner -> owner.identity(() -> sessions.isLive(request.secret())))
                .orElseThrow(() -> new AuthenticationFailedException("ended or expired session")));
    }
}
