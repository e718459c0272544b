package io.gloss.stats;

import io.gloss.auth.CurrentUser;
import io.gloss.project.Label;
import io.gloss.project.Project;
import io.gloss.project.ProjectService;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The project's dashboard: progress, throughput, the label mix and per-person tables of a period,
 * the figures of {@code GET /api/projects/{id}/stats} drawn for a person (editors see the totals
 * and their own row), and the same figures as CSV.
 */
@Path("/projects/{id}/stats")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class StatsPageResource {

    /** What the status bar names each status. */
    private static final Map<String, String> STATUS_NAMES = Map.of("SUBMITTED", "In review", "APPROVED", "Approved",
            "REJECTED", "Rejected", "MERGED", "Merged");

    /** The dashboard's figures and their charts; {@code query} repeats the period for the CSV link. */
    public record Dashboard(ProjectStats stats, StatsCharts.Throughput throughput, StatsCharts.AgreementLine agreement,
            List<StatsCharts.Share> statuses,
            List<StatsCharts.Share> labels, double articlesDone, double articlesAssigned, boolean seesAll, String query) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance stats(Project project, Dashboard dashboard);
    }

    @Inject
    ProjectService projects;

    @Inject
    StatsService stats;

    @Inject
    CurrentUser currentUser;

    @GET
    public TemplateInstance page(@PathParam("id") Long id, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("bucket") String bucket) {
        Project project = projects.require(id);
        ProjectStats figures = stats.of(project.id, StatsPeriod.parse(from, to, bucket, StatsService.today()));
        Map<String, String> labelNames = new LinkedHashMap<>();
        for (Label label : Label.ofProject(project.id)) {
            labelNames.put(label.key, label.name);
        }
        ProjectStats.Articles articles = figures.articles();
        String query = "from=" + figures.from() + "&to=" + figures.to() + "&bucket=" + figures.bucket();
        return Templates.stats(project, new Dashboard(figures, StatsCharts.throughput(figures.series()),
                StatsCharts.agreement(figures.series().stream().map(ProjectStats.SeriesRow::bucket).toList(), figures.agreement()),
                StatsCharts.shares(figures.annotations().byStatus(), STATUS_NAMES),
                StatsCharts.shares(figures.annotations().byLabel(), labelNames),
                StatsCharts.percent(articles.done(), articles.total()), StatsCharts.percent(articles.assigned(), articles.total()),
                currentUser.isAdmin() || currentUser.isReviewer(), query));
    }
}
