package io.gloss.auth;

import io.gloss.web.GlossException;
import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/** Creates local accounts; the only place a password is hashed. */
@ApplicationScoped
public class AccountService {

    @Transactional
    public UserAccount create(String username, String password, Collection<String> roles) {
        if (username == null || !username.matches("[A-Za-z0-9._@-]{2,100}")) {
            throw GlossException.badRequest("username",
                    "A username has 2 to 100 letters, digits, dots, dashes, underscores or @.");
        }
        if (password == null || password.length() < 8) {
            throw GlossException.badRequest("password", "A password needs at least 8 characters.");
        }
        Set<String> clean = new LinkedHashSet<>();
        for (String role : roles == null ? Set.<String>of() : roles) {
            if (!Role.ALL.contains(role)) {
                throw GlossException.badRequest("roles", "Unknown role \"" + role + "\": use editor, reviewer or admin.");
            }
            clean.add(role);
        }
        if (clean.isEmpty()) {
            throw GlossException.badRequest("roles", "Give the account at least one role: editor, reviewer or admin.");
        }
        if (UserAccount.findByUsername(username).isPresent()) {
            throw GlossException.conflict("duplicate", "The username \"" + username + "\" is taken.");
        }
        UserAccount account = new UserAccount();
        account.username = username;
        account.passwordHash = BcryptUtil.bcryptHash(password);
        account.roles = String.join(",", clean);
        account.createdAt = Instant.now();
        account.persist();
        return account;
    }

    public boolean adminExists() {
        return UserAccount.count("roles like ?1", "%" + Role.ADMIN + "%") > 0;
    }
}
