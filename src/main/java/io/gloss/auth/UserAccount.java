package io.gloss.auth;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import io.quarkus.security.jpa.Password;
import io.quarkus.security.jpa.Roles;
import io.quarkus.security.jpa.UserDefinition;
import io.quarkus.security.jpa.Username;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** A local account (embedded default). Accounts from Keycloak have no row here. */
@Entity
@Table(name = "app_user")
@UserDefinition
public class UserAccount extends PanacheEntity {

    @Username
    public String username;

    /** bcrypt in Modular Crypt Format; checked by quarkus-security-jpa. */
    @Password
    @Column(name = "password_hash")
    public String passwordHash;

    /** Comma-separated subset of {@link Role}. */
    @Roles
    public String roles;

    @Column(name = "created_at")
    public Instant createdAt;

    public static Optional<UserAccount> findByUsername(String username) {
        return find("username", username).firstResultOptional();
    }

    public List<String> roleList() {
        return Arrays.stream(roles.split(",")).map(String::trim).filter(r -> !r.isEmpty()).toList();
    }
}
