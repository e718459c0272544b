package io.gloss.stats;

import io.gloss.annotation.AnnotationStatus;
import io.gloss.auth.CurrentUser;
import io.gloss.project.ProjectService;
import io.gloss.stats.ProjectStats.EditorRow;
import io.gloss.stats.StatsQueries.Created;
import io.gloss.stats.StatsQueries.Decided;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A project's statistics for a member (others: 404). Reviewers and admins see every person's
 * row and the agreement over time; an editor sees the project's totals and series, their own row
 * in {@code editors} (zeros when they did nothing in the period), no reviewers' rows and no
 * agreement (as the agreement API, which is for reviewers and admins).
 */
@ApplicationScoped
public class StatsService {

    @Inject
    ProjectService projects;

    @Inject
    CurrentUser currentUser;

    @Inject
    StatsQueries queries;

    @Inject
    StatsCounter counter;

    @Inject
    AgreementOverTime agreement;

    /**
     * Counts every change committed before the request (in transactions of their own), then reads
     * the figures in one read-only transaction.
     */
    @Transactional
    public ProjectStats of(Long projectId, StatsPeriod period) {
        long project = projects.require(projectId).id;
        counter.catchUp();
        Map<String, Long> byStatus = new LinkedHashMap<>();
        for (AnnotationStatus status : AnnotationStatus.values()) {
            byStatus.put(status.name(), 0L);
        }
        Map<String, Long> byLabel = new TreeMap<>();
        for (StatsQueries.LiveCount count : queries.live(project)) {
            byStatus.merge(count.status().name(), count.count(), Long::sum);
            byLabel.merge(count.label(), count.count(), Long::sum);
        }
        List<Created> created = queries.created(project, period);
        List<Decided> decided = queries.decided(project, period);
        StatsQueries.ArticleCounts articles = queries.articles(project);

        boolean seesAll = currentUser.isAdmin() || currentUser.isReviewer();
        List<EditorRow> editors = StatsTally.editors(created, decided);
        if (!seesAll) {
            String me = currentUser.username();
            editors = List.of(editors.stream().filter(e -> e.username().equals(me)).findFirst()
                    .orElse(StatsTally.editor(me, 0, 0, 0)));
        }
        return new ProjectStats(period.from(), period.to(), period.bucket().name().toLowerCase(Locale.ROOT),
                new ProjectStats.Articles(articles.total(), articles.assigned(), articles.done()),
                new ProjectStats.Annotations(byStatus, byLabel),
                StatsTally.series(period, created, decided), editors,
                seesAll ? StatsTally.reviewers(decided, queries.medianDecisionSeconds(project, period))
                        : List.of(),
                new ProjectStats.Backlog(byStatus.get(AnnotationStatus.SUBMITTED.name()), queries.oldestSubmitted(project)),
                seesAll ? agreement.of(project, period) : List.of());
    }

    /** Today as a UTC day: the default end of a period. */
    public static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }
}
