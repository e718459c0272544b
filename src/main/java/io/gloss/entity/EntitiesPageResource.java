package io.gloss.entity;

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

/** A project's entities, found by any spelling, each leading to its mentions. */
@Path("/projects/{id}/entities")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class EntitiesPageResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance entities(Project project, List<EntityView> entities, String q);
    }

    @Inject
    ProjectService projects;

    @Inject
    EntityService entities;

    @GET
    public TemplateInstance page(@PathParam("id") Long id, @QueryParam("q") String q) {
        Project project = projects.require(id);
        String query = Texts.blankToNull(q);
        return Templates.entities(project, entities.list(project.id, query), query);
    }
}
