package io.gloss.auth;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/**
 * Basic credentials, on their way to {@link PasswordIdentityProvider}. A type of Gloss' own, not
 * Quarkus' {@code UsernamePasswordAuthenticationRequest}, so that quarkus-security-jpa's provider
 * (which takes that type, and knows neither throttling nor inactive accounts) never sees one.
 */
public class PasswordRequest extends BaseAuthenticationRequest {

    private final String username;
    private final String password;

    public PasswordRequest(String username, String password) {
        this.username = username;
        this.password = password;
    }

    public String username() {
        return username;
    }

    public String password() {
        return password;
    }
}
