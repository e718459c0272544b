package io.gloss.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The waits a guesser meets, and the most a real user can be kept out. */
class LoginThrottleTest {

    private final LoginThrottle throttle = new LoginThrottle();
    private Instant now = Instant.parse("2026-12-04T12:00:00Z");

    @BeforeEach
    void config() {
        throttle.config = new LoginThrottleConfig() {
            public int freeFailuresPerAccount() {
                return 5;
            }

            public Duration firstDelay() {
                return Duration.ofSeconds(1);
            }

            public Duration maxAccountDelay() {
                return Duration.ofMinutes(1);
            }

            public int freeFailuresPerAddress() {
                return 20;
            }

            public Duration maxAddressDelay() {
                return Duration.ofMinutes(15);
            }

            public Duration failureMemory() {
                return Duration.ofMinutes(15);
            }
        };
    }

    private Optional<Duration> waitFor(String account, String address) {
        return throttle.waitBefore(account, address, now);
    }

    @Test
    void eachFailureBeyondTheFreeOnesDoublesTheWait() {
        for (int i = 0; i < 5; i++) {
            assertEquals(Optional.empty(), waitFor("anna", "10.0.0.1"));
            throttle.failed("anna", "10.0.0.1", now);
        }
        assertEquals(Optional.of(Duration.ofSeconds(1)), waitFor("anna", "10.0.0.1"));
        now = now.plusSeconds(1);
        assertEquals(Optional.empty(), waitFor("anna", "10.0.0.2"));
        throttle.failed("anna", "10.0.0.2", now);
        assertEquals(Optional.of(Duration.ofSeconds(2)), waitFor("anna", "10.0.0.3"), "per account, whatever the address");
    }

    @Test
    void aGuesserCannotLockARealUserOutForMoreThanTheAccountCap() {
        for (int i = 0; i < 100; i++) {
            now = now.plusSeconds(61);
            throttle.failed("anna", "10.0.0." + (i % 200), now);
        }
        assertEquals(Optional.of(Duration.ofMinutes(1)), waitFor("anna", "192.168.1.5"));
        now = now.plusSeconds(60);
        assertEquals(Optional.empty(), waitFor("anna", "192.168.1.5"));
    }

    @Test
    void oneAddressTryingManyAccountsIsSlowedDownToo() {
        for (int i = 0; i < 20; i++) {
            throttle.failed("user" + i, "10.9.9.9", now);
        }
        assertEquals(Optional.of(Duration.ofSeconds(1)), waitFor("someone-new", "10.9.9.9"));
        for (int i = 0; i < 40; i++) {
            throttle.failed("user" + i, "10.9.9.9", now);
        }
        assertEquals(Optional.of(Duration.ofMinutes(15)), waitFor("someone-new", "10.9.9.9"), "capped");
        assertEquals(Optional.empty(), waitFor("someone-new", "10.1.1.1"), "other addresses are not slowed");
    }

    @Test
    void successClearsTheAccountAndOldFailuresAreForgotten() {
        for (int i = 0; i < 6; i++) {
            throttle.failed("anna", "10.0.0.1", now);
        }
        throttle.succeeded("anna");
        assertEquals(Optional.empty(), waitFor("anna", "10.0.0.7"));
        for (int i = 0; i < 6; i++) {
            throttle.failed("ben", "10.0.0.8", now);
        }
        assertTrue(waitFor("ben", "10.0.0.8").isPresent());
        now = now.plus(Duration.ofMinutes(16));
        assertEquals(Optional.empty(), waitFor("ben", "10.0.0.8"));
    }
}
