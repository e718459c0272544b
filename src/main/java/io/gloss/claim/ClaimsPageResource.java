package io.gloss.claim;

import io.gloss.project.Project;
import io.gloss.project.ProjectService;
import io.gloss.web.Texts;
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

/** The claims board as a page: per subject, its claims by date, figures that disagree flagged and first. */
@Path("/projects/{id}/claims")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class ClaimsPageResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance claims(Project project, List<ClaimBoard.Item> items, String status);
    }

    @Inject
    ProjectService projects;

    @Inject
    ClaimService claims;

    @GET
    public TemplateInstance page(@PathParam("id") Long id, @QueryParam("status") String status) {
        Project project = projects.require(id);
        String chosen = Texts.blankToNull(status);
        return Templates.claims(project, claims.board(project.id, null, chosen), chosen);
    }
}
