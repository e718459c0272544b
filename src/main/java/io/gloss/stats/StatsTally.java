package io.gloss.stats;

import io.gloss.annotation.AnnotationStatus;
import io.gloss.stats.ProjectStats.EditorRow;
import io.gloss.stats.ProjectStats.ReviewerRow;
import io.gloss.stats.ProjectStats.SeriesRow;
import io.gloss.stats.StatsQueries.Created;
import io.gloss.stats.StatsQueries.Decided;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Counts a period's creations and decisions into the series and the per-person rows. Plain Java. */
final class StatsTally {

    private StatsTally() {
    }

    /** One row a bucket of the period, in order, empty buckets included. */
    static List<SeriesRow> series(StatsPeriod period, List<Created> created, List<Decided> decided) {
        Map<LocalDate, long[]> counts = new LinkedHashMap<>();
        period.buckets().forEach(b -> counts.put(b, new long[3]));
        created.forEach(c -> counts.get(period.bucketOf(c.at()))[0]++);
        decided.forEach(d -> counts.get(period.bucketOf(d.at()))[d.status() == AnnotationStatus.APPROVED ? 1 : 2]++);
        List<SeriesRow> rows = new ArrayList<>();
        counts.forEach((bucket, c) -> rows.add(new SeriesRow(bucket, c[0], c[1], c[2])));
        return rows;
    }

    /** One row per author who made a span or had one decided in the period, by username. */
    static List<EditorRow> editors(List<Created> created, List<Decided> decided) {
        Map<String, long[]> counts = new TreeMap<>();
        created.forEach(c -> counts.computeIfAbsent(c.author(), u -> new long[3])[0]++);
        decided.forEach(d -> counts.computeIfAbsent(d.author(), u -> new long[3])[d.status() == AnnotationStatus.APPROVED ? 1 : 2]++);
        List<EditorRow> rows = new ArrayList<>();
        counts.forEach((username, c) -> rows.add(editor(username, c[0], c[1], c[2])));
        return rows;
    }

    static EditorRow editor(String username, long created, long approved, long rejected) {
        Double rate = approved + rejected == 0 ? null : (double) rejected / (approved + rejected);
        return new EditorRow(username, created, approved, rejected, rate);
    }

    /** One row per reviewer who decided in the period, by username. */
    static List<ReviewerRow> reviewers(List<Decided> decided) {
        Map<String, List<Long>> waits = new TreeMap<>();
        decided.forEach(d -> {
            List<Long> list = waits.computeIfAbsent(d.reviewer(), u -> new ArrayList<>());
            // Every decided span was submitted first; a row without one would be a broken history, left out of the median.
            if (d.submittedAt() != null) {
                list.add(Duration.between(d.submittedAt(), d.at()).toSeconds());
            }
        });
        Map<String, Long> decisions = new TreeMap<>();
        decided.forEach(d -> decisions.merge(d.reviewer(), 1L, Long::sum));
        List<ReviewerRow> rows = new ArrayList<>();
        waits.forEach((username, seconds) -> rows.add(new ReviewerRow(username, decisions.get(username), median(seconds))));
        return rows;
    }

    /** The median, for an even count the mean of the middle two rounded down; null for none. */
    static Long median(List<Long> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Long> sorted = values.stream().sorted().toList();
        int mid = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(mid) : Math.floorDiv(sorted.get(mid - 1) + sorted.get(mid), 2);
    }
}
