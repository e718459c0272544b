package io.gloss.auth;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** The secret of a {@code gloss-session} cookie, on its way to {@link SessionIdentityProvider}. */
public class SessionRequest extends BaseAuthenticationRequest {

    private final String secret;

    public SessionRequest(String secret) {
        this.secret = secret;
    }

    public String secret() {
        return secret;
    }
}
