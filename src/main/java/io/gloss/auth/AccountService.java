package io.gloss.auth;

import io.gloss.db.Timestamps;
import io.gloss.web.GlossException;
import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Local accounts: creation, password checks and changes, roles and deactivation. The only place a password is hashed. */
@ApplicationScoped
public class AccountService {

    @Inject
    SessionService sessions;

    @Inject
    PasswordConfig config;

    @Inject
    Event<AccountChanged> changes;

    /**
     * Checked against when the username is unknown, so that a wrong username costs the same
     * bcrypt as a wrong password and the answer's timing does not tell which accounts exist.
     */
    private String noAccountHash;

    @PostConstruct
    void hashForUnknownUsernames() {
        noAccountHash = hash("no such account, same cost");
    }

    @Transactional
    public UserAccount create(String username, String password, Collection<String> roles) {
        if (username == null || !username.matches("[A-Za-z0-9._@-]{2,100}")) {
            throw GlossException.badRequest("username",
                    "A username has 2 to 100 letters, digits, dots, dashes, underscores or @.");
        }
        PasswordPolicy.check(username, password);
        Set<String> clean = checkedRoles(roles);
        if (UserAccount.findByUsername(username).isPresent()) {
            throw GlossException.conflict("duplicate", "The username \"" + username
                    + "\" is taken (usernames are the same whatever their case).");
        }
        UserAccount account = new UserAccount();
        account.username = username;
        account.usernameKey = UserAccount.keyOf(username);
        account.passwordHash = hash(password);
        account.roles = String.join(",", clean);
        account.createdAt = Timestamps.now();
        account.persist();
        changes.fire(new AccountChanged("user", account.id, "create", null, UserResource.UserView.of(account)));
        return account;
    }

    /**
     * The account that imported spans are submitted as ({@code ?as=submitted&account=}): made at
     * its first use with no role and inactive, so that no one can log in as it or be given work,
     * and its bcrypt is of a random secret no one knows. An existing account of that name is
     * used as it is: the admin named it.
     */
    @Transactional
    public UserAccount importAccount(String username) {
        Optional<UserAccount> existing = UserAccount.findByUsername(username);
        if (existing.isPresent()) {
            return existing.get();
        }
        if (username == null || !username.matches("[A-Za-z0-9._@-]{2,100}")) {
            throw GlossException.badRequest("account",
                    "An import account's name has 2 to 100 letters, digits, dots, dashes, underscores or @.");
        }
        UserAccount account = new UserAccount();
        account.username = username;
        account.usernameKey = UserAccount.keyOf(username);
        account.passwordHash = hash(Secrets.create("import-"));
        account.roles = "";
        account.active = false;
        account.createdAt = Timestamps.now();
        account.persist();
        changes.fire(new AccountChanged("user", account.id, "create", null, UserResource.UserView.of(account)));
        return account;
    }

    /**
     * The active account these credentials open, or empty. Costs one bcrypt whatever the
     * outcome. Transactional for the session it gives the lookup: it runs off any request too.
     */
    @Transactional
    public Optional<UserAccount> verify(String username, String password) {
        Optional<UserAccount> account = UserAccount.findByUsername(username);
        if (password == null || PasswordPolicy.tooLong(password)) {
            return Optional.empty();
        }
        boolean matches = BcryptUtil.matches(password, account.map(a -> a.passwordHash).orElse(noAccountHash));
        return account.filter(a -> matches && a.active);
    }

    public List<UserAccount> list() {
        return UserAccount.allByName();
    }

    /** An admin sets roles and whether the account may log in; deactivating ends its sessions. */
    @Transactional
    public UserAccount update(String username, Collection<String> roles, Boolean active) {
        UserAccount account = require(username);
        UserResource.UserView before = UserResource.UserView.of(account);
        if (roles != null) {
            account.roles = String.join(",", checkedRoles(roles));
        }
        if (active != null) {
            account.active = active;
            if (!active) {
                sessions.endAll(account.username, null);
            }
        }
        changes.fire(new AccountChanged("user", account.id, "update", before, UserResource.UserView.of(account)));
        return account;
    }

    /** An admin sets a new password: every session and every token of the account ends. */
    @Transactional
    public void resetPassword(String username, String password) {
        UserAccount account = require(username);
        setPassword(account, password);
        sessions.endAll(account.username, null);
        ApiToken.revokeAll(account.username, Timestamps.now());
        changes.fire(new AccountChanged("user", account.id, "reset_password", null, java.util.Map.of("username", account.username)));
    }

    /** The user changes their own password, proving the current one; their other sessions end. */
    @Transactional
    public void changeOwnPassword(String username, String current, String password, String keepSession) {
        UserAccount account = require(username);
        if (current == null || !BcryptUtil.matches(current, account.passwordHash)) {
            throw GlossException.badRequest("current", "The current password is not right.");
        }
        setPassword(account, password);
        sessions.endAll(account.username, keepSession);
        changes.fire(new AccountChanged("user", account.id, "change_password", null, java.util.Map.of("username", account.username)));
    }

    /** Ends every session of the account (an admin's "log out everywhere"); how many were live. */
    @Transactional
    public int endSessions(String username) {
        UserAccount account = require(username);
        int ended = sessions.endAll(account.username, null);
        changes.fire(new AccountChanged("user", account.id, "end_sessions", null, java.util.Map.of("username", account.username, "ended", ended)));
        return ended;
    }

    public boolean adminExists() {
        return UserAccount.anyAdmin();
    }

    private void setPassword(UserAccount account, String password) {
        PasswordPolicy.check(account.username, password);
        account.passwordHash = hash(password);
    }

    private String hash(String password) {
        return BcryptUtil.bcryptHash(password, config.bcryptCost());
    }

    private static UserAccount require(String username) {
        return UserAccount.findByUsername(username).orElseThrow(() -> GlossException.notFound(
                username.length() <= 100 ? "The account \"" + username + "\"" : "That account"));
    }

    private static Set<String> checkedRoles(Collection<String> roles) {
        Set<String> clean = new LinkedHashSet<>();
        for (String role : roles == null ? Set.<String>of() : roles) {
            if (role == null || !Role.ALL.contains(role)) {
                throw GlossException.badRequest("roles", "Roles are editor, reviewer and admin; there is no other.");
            }
            clean.add(role);
        }
        if (clean.isEmpty()) {
            throw GlossException.badRequest("roles", "Give the account at least one role: editor, reviewer or admin.");
        }
        return clean;
    }
}
