package io.gloss.auth;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

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
}
