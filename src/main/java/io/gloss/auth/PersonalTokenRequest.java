package io.gloss.auth;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** The secret of an {@code Authorization: Token ...} header, on its way to {@link PersonalTokenIdentityProvider}. */
public class PersonalTokenRequest extends BaseAuthenticationRequest {

    private final String secret;

    public PersonalTokenRequest(String secret) {
        this.secret = secret;
    }

    public String secret() {
        return secret;
    }
}
