package io.gloss.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Coarsened waits and their medians. */
class StatsWaitsTest {

    @Test
    void shortWaitsAreKeptToTheSecond() {
        for (long s = 0; s < StatsWaits.EXACT_BELOW; s++) {
            assertEquals(s, StatsWaits.coarsen(s));
        }
        assertEquals(256, StatsWaits.coarsen(256));
        assertEquals(256, StatsWaits.coarsen(257), "from 256 s on, steps of 2 s");
        assertEquals(602_112, StatsWaits.coarsen(604_800), "a week");
    }

    @Test
    void longWaitsAreRoundedDownWithin08Percent() {
        long previous = 0;
        for (long s = 1; s < 400_000_000L; s = s * 21 / 20 + 1) {
            long kept = StatsWaits.coarsen(s);
            assertTrue(kept <= s && s - kept <= s / 128, s + " kept as " + kept);
            assertEquals(kept, StatsWaits.coarsen(kept), "a kept value is kept as itself");
            assertTrue(kept >= previous, "never out of order");
            previous = kept;
        }
    }

    @Test
    void theMedianOfAnEvenCountIsTheMeanOfTheMiddleTwoRoundedDown() {
        TreeMap<Long, Long> counts = new TreeMap<>();
        assertNull(StatsWaits.median(counts));
        counts.put(10L, 1L);
        assertEquals(10, StatsWaits.median(counts));
        counts.put(50L, 1L);
        assertEquals(30, StatsWaits.median(counts));
        counts.put(100L, 1L);
        counts.put(300L, 1L);
        assertEquals(75, StatsWaits.median(counts), "10, 50, 100, 300");
        counts.put(7L, 3L);
        assertEquals(10, StatsWaits.median(counts), "7, 7, 7, 10, 50, 100, 300");
        counts.put(1L, 1L);
        counts.put(3L, 1L);
        assertEquals(7, StatsWaits.median(counts), "1, 3, 7, 7, 7, 10, 50, 100, 300");
        counts.put(500L, 1L);
        assertEquals(8, StatsWaits.median(counts), "1, 3, 7, 7, 7, 10, 50, 100, 300, 500: (7 + 10) / 2");
    }
}
