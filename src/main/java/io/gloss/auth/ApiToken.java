package io.gloss.auth;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

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
}
