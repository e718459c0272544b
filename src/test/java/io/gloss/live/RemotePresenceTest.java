package io.gloss.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RemotePresenceTest {

    /** A clock the test moves by hand. */
    private static final class HandClock extends Clock {
        Instant now = Instant.parse("2026-12-05T08:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    private final HandClock clock = new HandClock();
    private final RemotePresence presence = new RemotePresence(Duration.ofSeconds(45), clock);

    @Test
    void joinsThePeopleOfEveryOtherInstance() {
        assertTrue(presence.announce("aaaa", 1, 10, List.of("olena", "mark")));
        assertTrue(presence.announce("bbbb", 1, 10, List.of("mark", "zoe")));
        assertEquals(Set.of("mark", "olena", "zoe"), presence.users(10));
        assertEquals(Set.of(), presence.users(11));
    }

    @Test
    void aRepeatedAnnouncementChangesNothingButKeepsItAlive() {
        presence.announce("aaaa", 1, 10, List.of("olena"));
        clock.now = clock.now.plusSeconds(40);
        assertFalse(presence.announce("aaaa", 1, 10, List.of("olena")), "the same people: nobody needs telling");
        clock.now = clock.now.plusSeconds(40);
        assertEquals(Set.of("olena"), presence.users(10), "renewed 40 s ago, within its 45 s");
    }

    @Test
    void anEmptyAnnouncementRemovesThatInstancesPeopleOnly() {
        presence.announce("aaaa", 1, 10, List.of("olena"));
        presence.announce("bbbb", 1, 10, List.of("zoe"));
        assertTrue(presence.announce("aaaa", 1, 10, List.of()));
        assertEquals(Set.of("zoe"), presence.users(10));
        assertFalse(presence.announce("cccc", 1, 10, List.of()), "nobody was there by that instance");
    }

    @Test
    void anInstanceThatStopsRepeatingIsForgottenAndTheArticleTold() {
        presence.announce("aaaa", 7, 10, List.of("olena"));
        presence.announce("bbbb", 7, 12, List.of("zoe"));
        clock.now = clock.now.plusSeconds(30);
        presence.announce("bbbb", 7, 12, List.of("zoe"));
        clock.now = clock.now.plusSeconds(20);

        assertEquals(Set.of(), presence.users(10), "past its lifetime it no longer counts, even before expire");
        List<String> told = new ArrayList<>();
        presence.expire((project, article) -> told.add(project + "/" + article));
        assertEquals(List.of("7/10"), told, "only the article whose people left");
        assertEquals(Set.of("zoe"), presence.users(12));
    }
}
