package io.gloss.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AgeTest {

    static final Instant NOW = Instant.parse("2025-01-12T12:00:00Z");

    static String ago(Duration d) {
        return Age.since(NOW.minus(d), NOW);
    }

    @Test
    void largestWholeUnit() {
        assertEquals("just now", ago(Duration.ofSeconds(59)));
        assertEquals("1 min ago", ago(Duration.ofSeconds(60)));
        assertEquals("59 min ago", ago(Duration.ofMinutes(59).plusSeconds(59)));
        assertEquals("3 h ago", ago(Duration.ofHours(3).plusMinutes(40)));
        assertEquals("1 d ago", ago(Duration.ofHours(24)));
        assertEquals("59 d ago", ago(Duration.ofDays(59)));
        assertEquals("2 months ago", ago(Duration.ofDays(61)));
    }

    @Test
    void aClockSlightlyBehindIsJustNowAndNothingIsEmpty() {
        assertEquals("just now", Age.since(NOW.plusSeconds(5), NOW));
        assertEquals("", Age.since(null, NOW));
    }
}
