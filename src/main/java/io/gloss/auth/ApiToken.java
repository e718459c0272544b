package io.gloss.auth;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A personal API token. The secret is never stored, only its SHA-256. */
@Entity
@Table(name = "api_token")
public class ApiToken extends PanacheEntity {

    static final String LOCAL = "local";
    static final String OIDC = "oidc";

    public String username;

    public String name;

    @Column(name = "token_hash")
    public String tokenHash;

    /** Comma-separated roles at creation; see the migration for when they apply. */
    public String roles;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "last_used_at")
    public Instant lastUsedAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    /** {@value #LOCAL} or {@value #OIDC}: where the owner's identity comes from. */
    public String source;

    /** A token with its owner's local account, if there is one. */
    record WithAccount(ApiToken token, UserAccount account) {
    }

    /**
     * The token of this secret's hash with its owner's local account (null when there is none),
     * in one query: this runs on every API call, and on PostgreSQL under load each round trip
     * waits its turn for the database's CPU.
     */
    static Optional<WithAccount> withAccount(String tokenHash) {
        return getEntityManager().createQuery("select t, u from ApiToken t "
                + "left join UserAccount u on u.usernameKey = lower(t.username) where t.tokenHash = ?1", Object[].class)
                .setParameter(1, tokenHash).getResultList().stream()
                .map(row -> new WithAccount((ApiToken) row[0], (UserAccount) row[1])).findFirst();
    }

    /** The user's live tokens, oldest first. */
    static List<ApiToken> liveOf(String username) {
        return list("username = ?1 and revokedAt is null order by id", username);
    }

    /** Revokes every live token of the user. */
    static void revokeAll(String username, Instant at) {
        update("revokedAt = ?1 where username = ?2 and revokedAt is null", at, username);
    }
}
