package io.gloss.auth;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * Who is asking, the same way for local accounts, tokens and Keycloak. Templates reach it as
 * {@code inject:currentUser}.
 */
@RequestScoped
@Named("currentUser")
public class CurrentUser {

    @Inject
    SecurityIdentity identity;

    public boolean isLoggedIn() {
        return !anonymous();
    }

    public String username() {
        return anonymous() ? null : identity.getPrincipal().getName();
    }

    public boolean has(String role) {
        return !anonymous() && identity.hasRole(role);
    }

    /**
     * Authentication is lazy, and resolving it may block; on the IO thread (e.g. the error page
     * of an address no endpoint matches) the visitor is treated as anonymous instead.
     */
    private boolean anonymous() {
        return io.vertx.core.Context.isOnEventLoopThread() || identity.isAnonymous();
    }

    public boolean isAdmin() {
        return has(Role.ADMIN);
    }

    public boolean isEditor() {
        return has(Role.EDITOR);
    }

    public boolean isReviewer() {
        return has(Role.REVIEWER);
    }

    public List<String> roles() {
        return anonymous() ? List.of() : identity.getRoles().stream().filter(Role.ALL::contains).sorted().toList();
    }
}
