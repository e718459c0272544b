package io.gloss.auth;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;

/** How failed logins slow down the next attempt ({@code gloss.login.*}, see {@link LoginThrottle}). */
@ConfigMapping(prefix = "gloss.login")
public interface LoginThrottleConfig {

    /** Failed logins of one account answered at once; each further one doubles the wait. */
    int freeFailuresPerAccount();

    /** The wait after the first failure beyond the free ones. */
    Duration firstDelay();

    /** The longest wait one account can be put under, however many failures. */
    Duration maxAccountDelay();

    /** Failed logins from one client address (any account) answered at once. */
    int freeFailuresPerAddress();

    /** The longest wait one client address can be put under. */
    Duration maxAddressDelay();

    /** Failures older than this are forgotten. */
    Duration failureMemory();
}
