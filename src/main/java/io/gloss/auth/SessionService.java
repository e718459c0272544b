package io.gloss.auth;

import io.gloss.db.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
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

    @Inject
    Event<CredentialsEnded> ended;

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
        UserAccount.findByUsername(username).ifPresent(account -> account.lastLoginAt = session.createdAt);
        return secret;
    }

    /** The owner of a live session, with their roles as they are now, or empty. A use of the session. */
    @Transactional
    public Optional<Owner> authenticate(String secret) {
        Optional<UserSession.WithAccount> live = live(secret);
        live.ifPresent(found -> {
            Instant now = Instant.now();
            if (found.session().lastUsedAt.isBefore(now.minus(LAST_USED_PRECISION))) {
                found.session().lastUsedAt = Timestamps.stored(now);
            }
        });
        return live.map(found -> Owner.of(found.account().username, found.account().roles));
    }

    /**
     * Whether the session is still live, without counting as a use: an event stream left open on
     * an unattended screen must not keep its session from idling out.
     */
    @Transactional
    public boolean isLive(String secret) {
        return live(secret).isPresent();
    }

    private Optional<UserSession.WithAccount> live(String secret) {
        if (secret == null || !secret.startsWith(PREFIX)) {
            return Optional.empty();
        }
        Instant now = Instant.now();
        return UserSession.withAccount(Secrets.hash(secret)).filter(found -> found.session().endedAt == null
                && found.account().active
                && !now.isAfter(found.session().createdAt.plus(config.maxAge()))
                && !now.isAfter(found.session().lastUsedAt.plus(config.idleTimeout())));
    }

    /** Logout: this session is over, wherever its cookie is still kept. */
    @Transactional
    public void end(String secret) {
        if (secret != null) {
            String hash = Secrets.hash(secret);
            UserSession.withAccount(hash).ifPresent(found -> ended.fire(new CredentialsEnded(found.session().username)));
            UserSession.end(hash, Timestamps.now());
        }
    }

    /** Ends every session of the user but the one whose secret is given (null: all); how many. */
    @Transactional
    public int endAll(String username, String keepSecret) {
        String keep = keepSecret == null ? "" : Secrets.hash(keepSecret);
        ended.fire(new CredentialsEnded(username));
        return UserSession.endAllBut(username, keep, Timestamps.now());
    }
}
