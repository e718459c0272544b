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
import java.util.Locale;
import java.util.Optional;

/** A local account (embedded default). Accounts from Keycloak have no row here. */
@Entity
@Table(name = "app_user")
@UserDefinition
public class UserAccount extends PanacheEntity {

    /** As the account was created; names the user everywhere (authorship, memberships). */
    @Username
    public String username;

    /** The username in lower case: unique, so that "EDITOR" and "editor" cannot both exist. */
    @Column(name = "username_key")
    public String usernameKey;

    /** bcrypt in Modular Crypt Format; checked by quarkus-security-jpa. */
    @Password
    @Column(name = "password_hash")
    public String passwordHash;

    /** Comma-separated subset of {@link Role}. */
    @Roles
    public String roles;

    @Column(name = "created_at")
    public Instant createdAt;

    /** An inactive account cannot log in; its sessions and tokens stop at once. */
    public boolean active = true;

    /** The last login through the login form; null: never. */
    @Column(name = "last_login_at")
    public Instant lastLoginAt;

    /** The account whatever the case the username is typed in. */
    public static Optional<UserAccount> findByUsername(String username) {
        return username == null ? Optional.empty() : find("usernameKey", keyOf(username)).firstResultOptional();
    }

    static String keyOf(String username) {
        return username.toLowerCase(Locale.ROOT);
    }

    public List<String> roleList() {
        return Arrays.stream(roles.split(",")).map(String::trim).filter(r -> !r.isEmpty()).toList();
    }

    /** Every account, by username. */
    static List<UserAccount> allByName() {
        return list("order by usernameKey");
    }

    static boolean anyAdmin() {
        return count("roles like ?1", "%" + Role.ADMIN + "%") > 0;
    }
}
