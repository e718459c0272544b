package io.gloss.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.gloss.annotation.AnnotationStatus;
import io.gloss.stats.StatsQueries.Created;
import io.gloss.stats.StatsQueries.Decided;
import io.gloss.web.GlossException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Buckets are UTC days and ISO weeks, whatever the JVM's zone; the tally over fixed instants. */
class StatsPeriodTest {

    static final LocalDate TODAY = LocalDate.parse("2026-03-11"); // a Wednesday

    @Test
    void daysAreUtcDays() {
        StatsPeriod period = StatsPeriod.parse("2026-03-01", "2026-03-10", null, TODAY);
        assertEquals(Instant.parse("2026-03-01T00:00:00Z"), period.start());
        assertEquals(Instant.parse("2026-03-11T00:00:00Z"), period.end());
        assertEquals(LocalDate.parse("2026-03-01"), period.bucketOf(Instant.parse("2026-03-01T23:59:59.999999Z")));
        assertEquals(LocalDate.parse("2026-03-02"), period.bucketOf(Instant.parse("2026-03-02T00:00:00Z")));
        assertEquals(10, period.buckets().size());
    }

    @Test
    void weeksStartOnMondayAndMayBeginBeforeFrom() {
        StatsPeriod period = StatsPeriod.parse("2026-03-01", "2026-03-10", "week", TODAY);
        // 2026-03-01 is a Sunday: its week began on Monday 2026-02-23.
        assertEquals(List.of(LocalDate.parse("2026-02-23"), LocalDate.parse("2026-03-02"), LocalDate.parse("2026-03-09")),
                period.buckets());
        assertEquals(LocalDate.parse("2026-03-02"), period.bucketOf(Instant.parse("2026-03-08T23:59:59Z")));
        assertEquals(LocalDate.parse("2026-03-09"), period.bucketOf(Instant.parse("2026-03-09T00:00:00Z")));
    }

    @Test
    void theDefaultIsTheLastThirtyDays() {
        StatsPeriod period = StatsPeriod.parse(null, " ", "", TODAY);
        assertEquals(LocalDate.parse("2026-02-10"), period.from());
        assertEquals(TODAY, period.to());
        assertEquals(30, period.buckets().size());
    }

    @Test
    void aYearOfDaysAtMost() {
        assertEquals(366, StatsPeriod.parse("2024-01-01", "2024-12-31", "day", TODAY).buckets().size());
        GlossException tooLong = assertThrows(GlossException.class, () -> StatsPeriod.parse("2024-01-01", "2025-01-01", "day", TODAY));
        assertEquals(400, tooLong.status());
    }

    @Test
    void theTallyCountsPerBucketAndPerson() {
        StatsPeriod period = StatsPeriod.parse("2026-03-01", "2026-03-02", null, TODAY);
        List<Created> created = List.of(new Created("ann", Instant.parse("2026-03-01T23:00:00Z")),
                new Created("bob", Instant.parse("2026-03-02T01:00:00Z")));
        List<Decided> decided = List.of(
                new Decided("rev", AnnotationStatus.REJECTED, Instant.parse("2026-03-02T00:00:10Z"), "ann",
                        Instant.parse("2026-03-01T23:00:00Z")),
                new Decided("rev", AnnotationStatus.APPROVED, Instant.parse("2026-03-02T02:00:00Z"), "bob",
                        Instant.parse("2026-03-02T01:00:00Z")));
        assertEquals(List.of(new ProjectStats.SeriesRow(LocalDate.parse("2026-03-01"), 1, 0, 0),
                new ProjectStats.SeriesRow(LocalDate.parse("2026-03-02"), 1, 1, 1)), StatsTally.series(period, created, decided));
        assertEquals(List.of(new ProjectStats.EditorRow("ann", 1, 0, 1, 1.0), new ProjectStats.EditorRow("bob", 1, 1, 0, 0.0)),
                StatsTally.editors(created, decided));
        // 3610 and 3600 seconds: the mean of the middle two.
        assertEquals(List.of(new ProjectStats.ReviewerRow("rev", 2, 3605L)), StatsTally.reviewers(decided));
        assertNull(StatsTally.median(List.of()));
        assertEquals(5L, StatsTally.median(List.of(9L, 1L, 5L)));
    }
}
