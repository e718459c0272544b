package io.gloss.entity;

import io.gloss.project.Project;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** One entity: its names, its Wikidata id and every span linked to it across the project's articles. */
@Path("/entities")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class EntityPageResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance entity(EntityView entity, Project project, List<Mention> mentions);
    }

    @Inject
    EntityService entities;

    @GET
    @Path("{id}")
    public TemplateInstance page(@PathParam("id") Long id) {
        EntityView entity = entities.get(id);
        return Templates.entity(entity, entities.projectOf(entity.id()), entities.mentions(id));
    }
}
