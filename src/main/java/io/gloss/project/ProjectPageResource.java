package io.gloss.project;

import io.gloss.article.ArticleService;
import io.gloss.article.ArticleSummary;
import io.gloss.article.ImportJobView;
import io.gloss.article.ImportJobs;
import io.gloss.article.ImportReport;
import io.gloss.auth.CurrentUser;
import io.gloss.label.Label;
import io.gloss.label.LabelView;
import io.gloss.web.Page;
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
import java.util.List;

/** The home page (the user's projects) and a project's page (its articles, and imports for admins). */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class ProjectPageResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(List<Project> projects);

        static native TemplateInstance welcome();

        static native TemplateInstance project(Project project, List<LabelView> labels, Page<ArticleSummary> articles,
                String q, ImportReport report, List<ImportJobView> imports);
    }

    @Inject
    CurrentUser currentUser;

    @Inject
    ProjectService projects;

    @Inject
    ArticleService articles;

    @Inject
    ImportJobs imports;

    @GET
    public TemplateInstance home() {
        if (!currentUser.isLoggedIn()) {
            return Templates.welcome();
        }
        return Templates.home(projects.visibleProjects());
    }

    @GET
    @Path("projects/{id}")
    @Authenticated
    public TemplateInstance project(@PathParam("id") Long id, @QueryParam("q") String q, @QueryParam("after") String after) {
        return render(projects.require(id), q, after, null);
    }

    /** The project page, optionally with the outcome of an import just done; admins see the latest background imports. */
    public TemplateInstance render(Project project, String q, String after, ImportReport report) {
        List<LabelView> labels = Label.ofProject(project.id).stream().map(LabelView::of).toList();
        return Templates.project(project, labels, articles.summaries(project, q, after, 100, currentUser.username()),
                q == null ? "" : q, report, currentUser.isAdmin() ? imports.recent(project.id, 5) : List.of());
    }
}
