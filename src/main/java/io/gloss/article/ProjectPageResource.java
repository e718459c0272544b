package io.gloss.article;

import io.gloss.auth.CurrentUser;
import io.gloss.project.LabelView;
import io.gloss.project.Project;
import io.gloss.project.ProjectService;
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

/** A project's page: its labels and articles, and for admins the import forms and recent imports. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class ProjectPageResource {

    @CheckedTemplate
    static class Templates {
        /** {@code retired}: the list shows the retired articles (the "Retired" tab), of which there are {@code retiredCount}. */
        static native TemplateInstance project(Project project, List<LabelView> labels, Page<ArticleSummary> articles,
                String q, List<ImportJobView> imports, boolean retired, long retiredCount);
    }

    @Inject
    CurrentUser currentUser;

    @Inject
    ProjectService projects;

    @Inject
    ArticleQueries articles;

    @Inject
    ImportJobs imports;

    @GET
    @Path("projects/{id}")
    public TemplateInstance project(@PathParam("id") Long id, @QueryParam("q") String q, @QueryParam("after") String after,
            @QueryParam("retired") boolean retired) {
        Project project = projects.require(id);
        return Templates.project(project, LabelView.ofProject(project.id),
                articles.summaries(project.id, q, retired, after, 100, currentUser.username()),
                q == null ? "" : q, currentUser.isAdmin() ? imports.recent(project.id, 5) : List.of(), retired,
                articles.retiredCount(project.id));
    }
}
