package io.gloss.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing, per account and per client address. After a few failures each
 * attempt waits twice as long as the last (1 s, 2 s, 4 s, … by default); an attempt made while it must
 * wait is answered 429 without the password being checked, so it teaches nothing. The account's
 * wait is capped low (a minute by default), so that someone guessing at a real user's account
 * cannot lock that user out for long; the address's cap is higher. A success clears the
 * account's count. Kept in memory: each instance counts its own attempts.
 */
@ApplicationScoped
public class LoginThrottle {

    /** Beyond this many tracked keys, forgotten ones are swept out (a spray of names cannot fill memory). */
    private static final int SWEEP_ABOVE = 10_000;

    private record Failures(int count, Instant last) {
    }

    @Inject
    LoginThrottleConfig config;

    private final Map<String, Failures> accounts = new ConcurrentHashMap<>();
    private final Map<String, Failures> addresses = new ConcurrentHashMap<>();

    /** How long the caller must still wait before this login may be tried, if at all. */
    public Optional<Duration> waitBefore(String account, String address, Instant now) {
        Duration wait = max(remaining(accounts.get(account), config.freeFailuresPerAccount(), config.maxAccountDelay(), now),
                remaining(addresses.get(address), config.freeFailuresPerAddress(), config.maxAddressDelay(), now));
        return wait.isZero() ? Optional.empty() : Optional.of(wait);
    }

    public void failed(String account, String address, Instant now) {
        count(accounts, account, now);
        count(addresses, address, now);
    }

    public void succeeded(String account) {
        accounts.remove(account);
    }

    private void count(Map<String, Failures> failures, String key, Instant now) {
        if (failures.size() > SWEEP_ABOVE) {
            failures.values().removeIf(f -> forgotten(f, now));
        }
        failures.merge(key, new Failures(1, now),
                (old, one) -> forgotten(old, now) ? one : new Failures(old.count() + 1, now));
    }

    private Duration remaining(Failures failures, int free, Duration cap, Instant now) {
        if (failures == null || failures.count() < free || forgotten(failures, now)) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures.count() - free, 30);
        Duration delay = config.firstDelay().multipliedBy(1L << doublings);
        Duration until = Duration.between(now, failures.last().plus(delay.compareTo(cap) > 0 ? cap : delay));
        return until.isNegative() ? Duration.ZERO : until;
    }

    private boolean forgotten(Failures failures, Instant now) {
        return failures.last().plus(config.failureMemory()).isBefore(now);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
