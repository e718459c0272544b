package io.gloss.stats;

import io.gloss.annotation.AnnotationStatus;
import io.gloss.stats.ProjectStats.EditorRow;
import io.gloss.stats.ProjectStats.ReviewerRow;
import io.gloss.stats.ProjectStats.SeriesRow;
import io.gloss.stats.StatsQueries.Created;
import io.gloss.stats.StatsQueries.Decided;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Adds a period's daily counts up into the series and the per-person rows. Plain Java. */
final class StatsTally {

    private StatsTally() {
    }

    /** One row a bucket of the period, in order, empty buckets included. */
    static List<SeriesRow> series(StatsPeriod period, List<Created> created, List<Decided> decided) {
        Map<LocalDate, long[]> counts = new LinkedHashMap<>();
        period.buckets().forEach(b -> counts.put(b, new long[3]));
        created.forEach(c -> counts.get(period.bucketOf(c.day()))[0] += c.count());
        decided.forEach(d -> counts.get(period.bucketOf(d.day()))[d.status() == AnnotationStatus.APPROVED ? 1 : 2] += d.count());
        List<SeriesRow> rows = new ArrayList<>();
        counts.forEach((bucket, c) -> rows.add(new SeriesRow(bucket, c[0], c[1], c[2])));
        return rows;
    }

    /** One row per author who made a span or had one decided in the period, by username. */
    static List<EditorRow> editors(List<Created> created, List<Decided> decided) {
        Map<String, long[]> counts = new TreeMap<>();
        created.forEach(c -> counts.computeIfAbsent(c.author(), u -> new long[3])[0] += c.count());
        decided.forEach(d -> counts.computeIfAbsent(d.author(), u -> new long[3])[d.status() == AnnotationStatus.APPROVED ? 1 : 2]
                += d.count());
        List<EditorRow> rows = new ArrayList<>();
        counts.forEach((username, c) -> rows.add(editor(username, c[0], c[1], c[2])));
        return rows;
    }

    static EditorRow editor(String username, long created, long approved, long rejected) {
        Double rate = approved + rejected == 0 ? null : (double) rejected / (approved + rejected);
        return new EditorRow(username, created, approved, rejected, rate);
    }

    /** One row per reviewer who decided in the period, by username, with their median (null: no submission before). */
    static List<ReviewerRow> reviewers(List<Decided> decided, Map<String, Long> medianSeconds) {
        Map<String, Long> decisions = new TreeMap<>();
        decided.forEach(d -> decisions.merge(d.reviewer(), d.count(), Long::sum));
        List<ReviewerRow> rows = new ArrayList<>();
        decisions.forEach((username, count) -> rows.add(new ReviewerRow(username, count, medianSeconds.get(username))));
        return rows;
    }
}
