package io.gloss.entity;

import io.gloss.auth.CurrentUser;
import io.gloss.auth.Role;
import io.gloss.project.Project;
import io.gloss.web.Notice;
import io.gloss.web.Numbers;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;

/** One entity: its names, its Wikidata id and every span linked to it across the project's articles; reviewers merge a duplicate here. */
@Path("/entities")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class EntityPageResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance entity(EntityView entity, Project project, List<Mention> mentions,
                List<EntityView> mergeTargets);
    }

    @Inject
    EntityService entities;

    @Inject
    CurrentUser currentUser;

    /** Reviewers and admins of a project that is not archived also see the entities of its type this one can merge into. */
    @GET
    @Path("{id}")
    public TemplateInstance page(@PathParam("id") Long id) {
        EntityView entity = entities.get(id);
        Project project = entities.projectOf(entity.id());
        boolean merges = (currentUser.isReviewer() || currentUser.isAdmin()) && !project.isArchived();
        List<EntityView> targets = merges ? entities.list(project.id, null).stream()
                .filter(e -> e.type().equals(entity.type()) && !e.id().equals(entity.id())).toList() : List.of();
        return Templates.entity(entity, project, entities.mentions(id), targets);
    }

    @POST
    @Path("{id}/merge")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Role.REVIEWER, Role.ADMIN})
    public Response merge(@PathParam("id") Long id, @RestForm String into) {
        String name = entities.get(id).name();
        EntityView merged = entities.merge(id, new EntityService.MergeRequest(Numbers.whole("into", into, 1, Long.MAX_VALUE)));
        return Notice.seeOther("/entities/" + merged.id(), name + " is merged into " + merged.name() + ": its spans and names moved here.");
    }
}
