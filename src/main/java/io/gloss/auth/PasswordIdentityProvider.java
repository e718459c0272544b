package io.gloss.auth;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Basic credentials of a local account, checked like the login form's: throttled, logged, case
 * of the username ignored, inactive accounts refused.
 */
@ApplicationScoped
public class PasswordIdentityProvider implements IdentityProvider<PasswordRequest> {

    @Inject
    LoginService logins;

    @Override
    public Class<PasswordRequest> getRequestType() {
        return PasswordRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(PasswordRequest request, AuthenticationRequestContext context) {
        RoutingContext http = HttpSecurityUtils.getRoutingContextAttribute(request);
        String address = http == null ? "unknown" : ClientAddress.of(http);
        return context.runBlocking(() -> logins.login(request.username(), request.password(), address)
                .map(account -> Owner.of(account.username, account.roles).identity(() -> logins.isActive(account.username)))
                .orElseThrow(() -> new AuthenticationFailedException("wrong username or password")));
    }
}
