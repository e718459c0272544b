package io.gloss.auth;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;

/**
 * Reads {@code Authorization: Basic ...} (RFC 7617, UTF-8) for scripts that log in with a local
 * account's password. Quarkus' own Basic mechanism is off: this one hands the credentials to
 * {@link PasswordIdentityProvider}, which throttles and logs like the login form.
 */
@ApplicationScoped
public class BasicMechanism implements HttpAuthenticationMechanism {

    private static final String SCHEME = "Basic ";

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String header = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return Uni.createFrom().nullItem();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(SCHEME.length()).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return Uni.createFrom().failure(new AuthenticationFailedException("Basic credentials that are not Base64"));
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return Uni.createFrom().failure(new AuthenticationFailedException("Basic credentials without a colon"));
        }
        PasswordRequest request = new PasswordRequest(decoded.substring(0, colon), decoded.substring(colon + 1));
        HttpSecurityUtils.setRoutingContextAttribute(request, context);
        return identityProviderManager.authenticate(request);
    }

    /** No challenge of its own: the API's 401 names Basic where a dialog is wanted (see ErrorMapper). */
    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().nullItem();
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(PasswordRequest.class);
    }
}
