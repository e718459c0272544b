package io.gloss.entity;

import io.gloss.auth.Role;
import io.gloss.web.Page;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
public class EntityResource {

    @Inject
    EntityService entities;

    /** A project's entities, all at once; with {@code q}, those whose name or an alias is near it, best first. */
    @GET
    @Path("projects/{projectId}/entities")
    public Page<EntityView> list(@PathParam("projectId") Long projectId, @QueryParam("q") String q) {
        return new Page<>(entities.list(projectId, q), null);
    }

    @POST
    @Path("projects/{projectId}/entities")
    @RolesAllowed(Role.EDITOR)
    @APIResponse(responseCode = "201", description = "Created: the entity; its address in Location",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EntityView.class)))
    public Response create(@PathParam("projectId") Long projectId, EntityService.NewEntity input) {
        EntityView created = entities.create(projectId, input);
        return Response.created(URI.create("/api/entities/" + created.id())).entity(created).build();
    }

    @GET
    @Path("entities/{id}")
    public EntityView get(@PathParam("id") Long id) {
        return entities.get(id);
    }

    @PUT
    @Path("entities/{id}")
    @RolesAllowed(Role.EDITOR)
    public EntityView update(@PathParam("id") Long id, EntityService.EntityChange change) {
        return entities.update(id, change);
    }

    /** Deletes the entity; the spans linked to it stay, unlinked. */
    @DELETE
    @Path("entities/{id}")
    @RolesAllowed(Role.ADMIN)
    @APIResponse(responseCode = "204", description = "Deleted; its mentions are unlinked")
    public Response delete(@PathParam("id") Long id) {
        entities.delete(id);
        return Response.noContent().build();
    }

    @POST
    @Path("entities/{id}/merge")
    @RolesAllowed({Role.REVIEWER, Role.ADMIN})
    public EntityView merge(@PathParam("id") Long id, EntityService.MergeRequest request) {
        return entities.merge(id, request);
    }

    /** Every live span linked to the entity that the caller may see, across articles, unpaginated. */
    @GET
    @Path("entities/{id}/mentions")
    public Page<Mention> mentions(@PathParam("id") Long id) {
        return new Page<>(entities.mentions(id), null);
    }
}
