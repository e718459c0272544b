package io.gloss.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.gloss.annotation.AnnotationStatus;
import io.gloss.stats.StatsQueries.Created;
import io.gloss.stats.StatsQueries.Decided;
import io.gloss.web.GlossException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Buckets are UTC days and ISO weeks, whatever the JVM's zone; the tally over fixed instants. */
class StatsPeriodTest {

    static final LocalDate TODAY = LocalDate.parse("2026-03-11"); // a Wednesday

    @Test
    void daysAreUtcDays() {
        StatsPeriod period = StatsPeriod.parse("2026-03-01", "2026-03-10", null, TODAY);
        assertEquals(LocalDate.parse("2026-03-10"), StatsFacts.day(Instant.parse("2026-03-10T23:59:59.999999Z")));
        assertEquals(LocalDate.parse("2026-03-11"), StatsFacts.day(Instant.parse("2026-03-11T00:00:00Z")));
        assertEquals(LocalDate.parse("2026-03-01"), period.bucketOf(LocalDate.parse("2026-03-01")));
        assertEquals(10, period.buckets().size());
    }

    @Test
    void weeksStartOnMondayAndMayBeginBeforeFrom() {
        StatsPeriod period = StatsPeriod.parse("2026-03-01", "2026-03-10", "week", TODAY);
        // 2026-03-01 is a Sunday: its week began on Monday 2026-02-23.
        assertEquals(List.of(LocalDate.parse("2026-02-23"), LocalDate.parse("2026-03-02"), LocalDate.parse("2026-03-09")),
                period.buckets());
        assertEquals(LocalDate.parse("2026-03-02"), period.bucketOf(LocalDate.parse("2026-03-08")));
        assertEquals(LocalDate.parse("2026-03-09"), period.bucketOf(LocalDate.parse("2026-03-09")));
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
    void theTallyAddsDailyCountsPerBucketAndPerson() {
        StatsPeriod period = StatsPeriod.parse("2026-03-01", "2026-03-09", "week", TODAY);
        LocalDate sunday = LocalDate.parse("2026-03-01");
        LocalDate monday = LocalDate.parse("2026-03-02");
        List<Created> created = List.of(new Created(sunday, "ann", 2), new Created(monday, "bob", 1),
                new Created(LocalDate.parse("2026-03-08"), "ann", 3));
        List<Decided> decided = List.of(new Decided(monday, "rev", "ann", AnnotationStatus.REJECTED, 1),
                new Decided(monday, "rev", "bob", AnnotationStatus.APPROVED, 1),
                new Decided(LocalDate.parse("2026-03-09"), "rev2", "ann", AnnotationStatus.APPROVED, 4));
        assertEquals(List.of(new ProjectStats.SeriesRow(LocalDate.parse("2026-02-23"), 2, 0, 0),
                new ProjectStats.SeriesRow(monday, 4, 1, 1), new ProjectStats.SeriesRow(LocalDate.parse("2026-03-09"), 0, 4, 0)),
                StatsTally.series(period, created, decided));
        assertEquals(List.of(new ProjectStats.EditorRow("ann", 5, 4, 1, 0.2), new ProjectStats.EditorRow("bob", 1, 1, 0, 0.0)),
                StatsTally.editors(created, decided));
        assertEquals(List.of(new ProjectStats.ReviewerRow("rev", 2, 3605L), new ProjectStats.ReviewerRow("rev2", 4, null)),
                StatsTally.reviewers(decided, Map.of("rev", 3605L)), "a reviewer without a median (no submission before) keeps a row");
    }
}
