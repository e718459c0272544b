package io.gloss.auth;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Who is asking, the same way for local accounts, tokens and Keycloak. Templates reach it as
 * {@code inject:currentUser}.
 */
@RequestScoped
@Named("currentUser")
public class CurrentUser {

    /** The identity attribute that holds {@link #stillValid}'s check. */
    static final String STILL_VALID = "gloss.still-valid";

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

    /**
     * Asks later, off this request, whether what authenticated it (a session, a token, an active
     * account's password) still would: an event stream stays open long after its request was
     * checked. A Keycloak login has no such check here; its stream lasts until it drops, and
     * reconnecting authenticates afresh.
     */
    public BooleanSupplier stillValid() {
        BooleanSupplier check = anonymous() ? null : identity.getAttribute(STILL_VALID);
        return check != null ? check : () -> true;
    }

    public List<String> roles() {
        return anonymous() ? List.of() : identity.getRoles().stream().filter(Role.ALL::contains).sorted().toList();
    }
}
