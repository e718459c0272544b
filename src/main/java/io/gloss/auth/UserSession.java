package io.gloss.auth;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/** A login in one browser. The cookie holds a random secret; only its SHA-256 is stored. */
@Entity
@Table(name = "user_session")
public class UserSession extends PanacheEntity {

    public String username;

    @Column(name = "token_hash")
    public String tokenHash;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "last_used_at")
    public Instant lastUsedAt;

    /** Set by logout, a password change, a deactivation or an admin; the session is over. */
    @Column(name = "ended_at")
    public Instant endedAt;

    /** A session with its account as it is now. */
    record WithAccount(UserSession session, UserAccount account) {
    }

    /** The session of this secret's hash with its account, in one query: this runs on every request a page makes. */
    static Optional<WithAccount> withAccount(String tokenHash) {
        return getEntityManager().createQuery("select s, u from UserSession s "
                + "join UserAccount u on u.username = s.username where s.tokenHash = ?1", Object[].class)
                .setParameter(1, tokenHash).getResultList().stream()
                .map(row -> new WithAccount((UserSession) row[0], (UserAccount) row[1])).findFirst();
    }

    /** Ends the session of this hash, if live. */
    static void end(String tokenHash, Instant at) {
        update("endedAt = ?1 where tokenHash = ?2 and endedAt is null", at, tokenHash);
    }

    /** Ends every live session of the user but the one of {@code keepHash}; how many. */
    static int endAllBut(String username, String keepHash, Instant at) {
        return update("endedAt = ?1 where username = ?2 and endedAt is null and tokenHash <> ?3", at, username, keepHash);
    }
}
