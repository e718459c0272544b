package io.gloss.stats;

import io.gloss.agreement.AgreementReport;
import io.gloss.agreement.AgreementService;
import io.gloss.audit.AuditService;
import io.gloss.stats.ProjectStats.AgreementRow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Agreement per bucket of a period: the articles completed in a bucket (at least two people
 * marked them done, the last of those marks in it), measured as they are now. Measuring
 * tokenizes every such article (about 0.2 ms each), so an answer is kept until the project's
 * next recorded change (its change cursor) or until the completed articles differ, whichever
 * comes first: a dashboard read again and again on a quiet project measures once.
 */
@ApplicationScoped
class AgreementOverTime {

    private record Key(long project, StatsPeriod period) {
    }

    private record Kept(long cursor, Map<Long, Instant> completed, List<AgreementRow> rows) {
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
        Map<Long, Instant> completed = agreement.completed(project, period.from().atStartOfDay(ZoneOffset.UTC).toInstant(),
                period.to().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        Key key = new Key(project, period);
        Kept hit = kept.get(key);
        if (hit != null && hit.cursor() == cursor && hit.completed().equals(completed)) {
            return hit.rows();
        }
        Map<Long, LocalDate> bucketOf = new LinkedHashMap<>();
        completed.forEach((article, at) -> bucketOf.put(article, period.bucketOf(LocalDate.ofInstant(at, ZoneOffset.UTC))));
        Map<LocalDate, AgreementReport> reports = new TreeMap<>(agreement.reportsByGroup(project, bucketOf));
        List<AgreementRow> rows = reports.entrySet().stream()
                .map(e -> new AgreementRow(e.getKey(), e.getValue().overall().alphaU(), e.getValue().articles())).toList();
        kept.put(key, new Kept(cursor, completed, rows));
        return rows;
    }
}
