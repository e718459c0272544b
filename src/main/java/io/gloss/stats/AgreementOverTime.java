package io.gloss.stats;

import io.gloss.agreement.AgreementService;
import io.gloss.audit.AuditService;
import io.gloss.stats.ProjectStats.AgreementRow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Agreement per bucket of a period: the articles completed in a bucket (at least two people
 * marked them done, the last of those marks in it), measured as they are now. Measuring
 * tokenizes every such article (about 0.4 ms each), so each bucket's row is kept, per project
 * and kind of bucket, and measured again only when its articles differ (one completed, reopened
 * or moved) or when a recorded change since touched one of them (a span, an assignment) or the
 * project itself (a label): on a busy desk a change measures its own day again, not the month.
 */
@ApplicationScoped
class AgreementOverTime {

    private record Key(long project, StatsPeriod.Bucket bucket) {
    }

    /** A bucket's articles with the times they were completed, and its row. */
    private record Measured(Map<Long, Instant> completed, AgreementRow row) {
    }

    /** What a project's buckets of one kind measured, as of the change cursor {@code cursor}. */
    private record Kept(long cursor, Map<LocalDate, Measured> buckets) {
    }

    @Inject
    AgreementService agreement;

    @Inject
    AuditService audit;

    private final Map<Key, Kept> kept;

    @Inject
    AgreementOverTime(@ConfigProperty(name = "gloss.stats.agreement-cache-size") int size) {
        kept = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Kept> eldest) {
                return size() > size;
            }
        });
    }

    /** The rows of the period's buckets that have a completed article, in order. */
    List<AgreementRow> of(long project, StatsPeriod period) {
        long cursor = audit.latestCursor(project);
        Map<LocalDate, Map<Long, Instant>> byBucket = new TreeMap<>();
        agreement.completed(project, period.from().atStartOfDay(ZoneOffset.UTC).toInstant(),
                period.to().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant())
                .forEach((article, at) -> byBucket.computeIfAbsent(period.bucketOf(LocalDate.ofInstant(at, ZoneOffset.UTC)),
                        b -> new HashMap<>()).put(article, at));
        Key key = new Key(project, period.bucket());
        Map<LocalDate, Measured> still = stillValid(key, cursor);

        Map<Long, LocalDate> toMeasure = new HashMap<>();
        byBucket.forEach((bucket, completed) -> {
            Measured before = still.remove(bucket);
            if (before != null && before.completed().equals(completed)) {
                still.put(bucket, before);
            } else {
                completed.keySet().forEach(article -> toMeasure.put(article, bucket));
            }
        });
        if (!toMeasure.isEmpty()) {
            agreement.reportsByGroup(project, toMeasure).forEach((bucket, report) -> still.put(bucket,
                    new Measured(byBucket.get(bucket), new AgreementRow(bucket, report.overall().alphaU(), report.articles()))));
        }
        // A bucket measured without a report lost its articles in the meantime: no row, and the next request sees.
        List<AgreementRow> rows = byBucket.keySet().stream().filter(still::containsKey).map(b -> still.get(b).row()).toList();
        kept.put(key, new Kept(cursor, still));
        return rows;
    }

    /**
     * The buckets kept for the project that no recorded change after them touched (a copy, to
     * add to): none when a change was about the project itself.
     */
    private Map<LocalDate, Measured> stillValid(Key key, long cursor) {
        Kept before = kept.get(key);
        if (before == null) {
            return new HashMap<>();
        }
        Map<LocalDate, Measured> buckets = new HashMap<>(before.buckets());
        if (before.cursor() != cursor) {
            Set<Long> changed = audit.articlesChangedAfter(key.project(), before.cursor());
            if (changed == null) {
                return new HashMap<>();
            }
            buckets.values().removeIf(measured -> measured.completed().keySet().stream().anyMatch(changed::contains));
        }
        return buckets;
    }
}
