package io.gloss.auth;

import io.gloss.db.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Login sessions, kept in the database: a session is valid while it has not been ended, its
 * account is active, and it is within both its idle timeout and its absolute lifetime. Every
 * instance sharing the database accepts it, and ending it takes effect on the next request.
 */
@ApplicationScoped
public class SessionService {

    /** last_used_at is written at most this often per session, so page views do not all write. */
    static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);
    private static final String PREFIX = "gss_";

    @Inject
    SessionConfig config;

    /** A new session for the account; the secret goes into the cookie and nowhere else. */
    @Transactional
    public String start(String username) {
        String secret = Secrets.create(PREFIX);
        UserSession session = new UserSession();
        session.username = username;
        session.tokenHash = Secrets.hash(secret);
        session.createdAt = Timestamps.now();
        session.lastUsedAt = session.createdAt;
        session.persist();
        return secret;
    }

    /** The owner of a live session, with their roles as they are now, or empty. */
    @Transactional
    public Optional<Owner> authenticate(String secret) {
        if (secret == null || !secret.startsWith(PREFIX)) {
            return Optional.empty();
        }
        Optional<UserSession.WithAccount> found = UserSession.withAccount(Secrets.hash(secret));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        UserSession session = found.get().session();
        UserAccount account = found.get().account();
        Instant now = Instant.now();
        if (session.endedAt != null || !account.active
                || now.isAfter(session.createdAt.plus(config.maxAge()))
                || now.isAfter(session.lastUsedAt.plus(config.idleTimeout()))) {
            return Optional.empty();
        }
        if (session.lastUsedAt.isBefore(now.minus(LAST_USED_PRECISION))) {
            session.lastUsedAt = Timestamps.stored(now);
        }
        return Optional.of(Owner.of(account.username, account.roles));
    }

    /** Logout: this session is over, wherever its cookie is still kept. */
    @Transactional
    public void end(String secret) {
        if (secret != null) {
            UserSession.end(Secrets.hash(secret), Timestamps.now());
        }
    }

    /** Ends every session of the user but the one whose secret is given (null: all); how many. */
    @Transactional
    public int endAll(String username, String keepSecret) {
        String keep = keepSecret == null ? "" : Secrets.hash(keepSecret);
        return UserSession.endAllBut(username, keep, Timestamps.now());
    }
}
