package io.gloss.auth;

import io.gloss.db.Timestamps;
import io.gloss.web.GlossException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Personal API tokens: 256 random bits, shown once, stored as SHA-256. Checking one is a hash
 * lookup on a unique index, not a bcrypt, so scripts and load generators stay cheap.
 */
@ApplicationScoped
public class TokenService {

    /** Prefix that makes a Gloss token recognisable in a leaked file or a log. */
    static final String PREFIX = "gls_";
    /** last_used_at is written at most this often per token, so reads do not become writes. */
    static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

    /** A new token and the one time its secret is shown. */
    public record Created(ApiToken token, String secret) {
    }

    @Inject
    CurrentUser currentUser;

    @Inject
    Event<CredentialsEnded> ended;

    @Inject
    Event<AccountChanged> changes;

    @Inject
    SecurityIdentity identity;

    @Transactional
    public Created create(String name) {
        if (name == null || name.isBlank()) {
            throw GlossException.badRequest("name", "Name the token after where it is used, e.g. \"notebook\".");
        }
        if (name.strip().length() > 100) {
            throw GlossException.badRequest("name", "A token name has at most 100 characters.");
        }
        String secret = Secrets.create(PREFIX);
        ApiToken token = new ApiToken();
        token.username = currentUser.username();
        token.name = name.strip();
        token.tokenHash = Secrets.hash(secret);
        token.roles = String.join(",", currentUser.roles());
        token.source = identity.getPrincipal() instanceof JsonWebToken ? ApiToken.OIDC : ApiToken.LOCAL;
        token.createdAt = Timestamps.now();
        token.persist();
        changes.fire(new AccountChanged("token", token.id, "create", null, java.util.Map.of("username", token.username, "name", token.name)));
        return new Created(token, secret);
    }

    /** The current user's live token with this secret: the one just created, shown once. */
    @Transactional
    public Optional<ApiToken> mineWithSecret(String secret) {
        return live(secret).map(ApiToken.WithAccount::token).filter(t -> t.username.equals(currentUser.username()));
    }

    public List<ApiToken> mine() {
        return ApiToken.liveOf(currentUser.username());
    }

    /** Revokes one of the current user's tokens at once; anyone else's is "not found". */
    @Transactional
    public void revoke(Long id) {
        ApiToken token = id == null ? null : ApiToken.findById(id);
        if (token == null || token.revokedAt != null || !token.username.equals(currentUser.username())) {
            throw GlossException.notFound("Token " + id);
        }
        token.revokedAt = Timestamps.now();
        changes.fire(new AccountChanged("token", token.id, "revoke", java.util.Map.of("username", token.username, "name", token.name), null));
        ended.fire(new CredentialsEnded(token.username));
    }

    /**
     * The owner of a live token, with the roles of their local account as they are now (a role
     * removed from the account is gone for the token too), or empty: also when a local account
     * is inactive or gone, and when a Keycloak user's token meets a local account of the same
     * name (identities from the two sources never merge).
     */
    @Transactional
    public Optional<Owner> authenticate(String secret) {
        Optional<ApiToken.WithAccount> live = live(secret);
        live.ifPresent(found -> {
            Instant now = Instant.now();
            ApiToken token = found.token();
            if (token.lastUsedAt == null || token.lastUsedAt.isBefore(now.minus(LAST_USED_PRECISION))) {
                token.lastUsedAt = Timestamps.stored(now);
            }
        });
        // A token made by a Keycloak user, who has no local account, keeps the roles it was made with.
        return live.map(found -> Owner.of(found.token().username,
                found.account() != null ? found.account().roles : found.token().roles));
    }

    /** Whether the token still opens Gloss, without counting as a use (an open event stream asks). */
    @Transactional
    public boolean isLive(String secret) {
        return live(secret).isPresent();
    }

    private Optional<ApiToken.WithAccount> live(String secret) {
        if (secret == null || !secret.startsWith(PREFIX)) {
            return Optional.empty();
        }
        return ApiToken.withAccount(Secrets.hash(secret)).filter(found -> {
            ApiToken token = found.token();
            UserAccount account = found.account();
            boolean local = ApiToken.LOCAL.equals(token.source);
            return token.revokedAt == null && (local ? account != null && account.active : account == null);
        });
    }
}
