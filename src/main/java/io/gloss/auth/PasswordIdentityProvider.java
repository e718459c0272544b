package io.gloss.auth;

import io.quarkus.arc.Unremovable;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Basic credentials of a local account, checked like the login form's: throttled, logged, case
 * of the username ignored, inactive accounts refused. It runs before quarkus-security-jpa's own
 * provider, which then never sees a password.
 */
@ApplicationScoped
@Unremovable // nothing injects it; without this Quarkus drops it at build time and Basic goes to security-jpa
public class PasswordIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    @Inject
    LoginService logins;

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    /** Above quarkus-security-jpa's provider, which runs at {@code SYSTEM_FIRST}. */
    @Override
    public int priority() {
        return SYSTEM_FIRST + 1;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request, AuthenticationRequestContext context) {
        RoutingContext http = HttpSecurityUtils.getRoutingContextAttribute(request);
        String address = http == null ? "unknown" : ClientAddress.of(http);
        String password = new String(request.getPassword().getPassword());
        return context.runBlocking(() -> logins.login(request.getUsername(), password, address)
                .map(account -> Owner.of(account.username, account.roles).identity())
                .orElseThrow(() -> new AuthenticationFailedException("wrong username or password")));
    }
}
