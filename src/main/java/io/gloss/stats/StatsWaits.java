package io.gloss.stats;

import java.util.Map;
import java.util.SortedMap;

/**
 * How long decisions waited, kept as counts of coarsened seconds so that a reviewer's median over
 * any period reads a bounded number of rows: a wait under {@link #EXACT_BELOW} seconds (about
 * four minutes) is kept to the second; a longer one keeps its {@link #SIGNIFICANT_BITS} highest
 * bits, rounded down, which is within 0.8 % of it (a week: 604,800 s is kept as 602,112 s).
 * Plain Java.
 */
final class StatsWaits {

    static final int SIGNIFICANT_BITS = 8;
    static final long EXACT_BELOW = 1L << SIGNIFICANT_BITS;

    private StatsWaits() {
    }

    /** The kept value of a wait of {@code seconds} (≥ 0). */
    static long coarsen(long seconds) {
        if (seconds < EXACT_BELOW) {
            return seconds;
        }
        int dropped = 64 - Long.numberOfLeadingZeros(seconds) - SIGNIFICANT_BITS;
        return seconds >> dropped << dropped;
    }

    /**
     * The median of kept waits and how many decisions waited each; for an even count the mean of
     * the middle two, rounded down. Null when there are none.
     */
    static Long median(SortedMap<Long, Long> counts) {
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        if (total == 0) {
            return null;
        }
        long lowRank = (total - 1) / 2;
        long highRank = total / 2;
        Long low = null;
        long seen = 0;
        for (Map.Entry<Long, Long> count : counts.entrySet()) {
            seen += count.getValue();
            if (low == null && seen > lowRank) {
                low = count.getKey();
            }
            if (seen > highRank) {
                return Math.floorDiv(low + count.getKey(), 2);
            }
        }
        throw new IllegalStateException("unreachable: the ranks are below the total");
    }
}
