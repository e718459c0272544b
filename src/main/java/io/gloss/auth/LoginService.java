package io.gloss.auth;

import io.gloss.web.GlossException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * A password login, by the login form or by Basic credentials: throttled per account and per
 * client address, and every failure logged (without the password) for the operator.
 */
@ApplicationScoped
public class LoginService {

    private static final Logger LOG = Logger.getLogger(LoginService.class);

    @Inject
    AccountService accounts;

    @Inject
    LoginThrottle throttle;

    /**
     * The account these credentials open, or empty when they do not. Throws a 429 (with
     * {@code retryAfter} seconds) while this account or address must wait after failures.
     */
    public Optional<UserAccount> login(String username, String password, String address) {
        String account = username == null ? "" : username.toLowerCase(Locale.ROOT);
        Instant now = Instant.now();
        Optional<Duration> wait = throttle.waitBefore(account, address, now);
        if (wait.isPresent()) {
            long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
            throw new GlossException(429, "too_many_attempts", "Too many failed logins. Try again in "
                    + seconds + (seconds == 1 ? " second." : " seconds.")).with("retryAfter", seconds);
        }
        Optional<UserAccount> found = accounts.verify(username, password);
        if (found.isPresent()) {
            throttle.succeeded(account);
        } else {
            throttle.failed(account, address, Instant.now()); // the wait runs from the answer, not from the bcrypt's start
            LOG.warnf("Failed login for \"%s\" from %s", printable(username), address);
        }
        return found;
    }

    /** Whether the account may still use the password it logged in with (Basic credentials come with every request). */
    @Transactional
    public boolean isActive(String username) {
        return UserAccount.findByUsername(username).filter(a -> a.active).isPresent();
    }

    /** A username as it may appear in a log line: bounded, no line breaks or control characters. */
    private static String printable(String username) {
        if (username == null) {
            return "";
        }
        String cut = username.length() > 100 ? username.substring(0, 100) + "…" : username;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }
}
