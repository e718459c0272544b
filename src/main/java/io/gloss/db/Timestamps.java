package io.gloss.db;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Instants as the databases store them. */
public final class Timestamps {

    private Timestamps() {
    }

    /**
     * Now, to the microsecond: PostgreSQL keeps microseconds, so an instant written and read back
     * compares equal to the one in memory (H2 would keep nanoseconds, PostgreSQL would not).
     */
    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    /** {@code instant} to the microsecond, as {@link #now} is. */
    public static Instant stored(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }
}
