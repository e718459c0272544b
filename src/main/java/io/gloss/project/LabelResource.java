package io.gloss.project;

import io.gloss.auth.Role;
import io.gloss.web.Page;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
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
public class LabelResource {

    @Inject
    ProjectService projects;

    @Inject
    LabelService labels;

    /** A label set is small: all of it at once. */
    @GET
    @Path("projects/{projectId}/labels")
    public Page<LabelView> list(@PathParam("projectId") Long projectId) {
        Project project = projects.require(projectId);
        return new Page<>(LabelView.ofProject(project.id), null);
    }

    @POST
    @Path("projects/{projectId}/labels")
    @RolesAllowed(Role.ADMIN)
    @APIResponse(responseCode = "201", description = "Created: the label; its address in Location",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LabelView.class)))
    public Response create(@PathParam("projectId") Long projectId, LabelService.NewLabel input) {
        Project project = projects.require(projectId);
        Label label = labels.create(project, input);
        return Response.created(URI.create("/api/projects/" + project.id + "/labels/" + label.key))
                .entity(LabelView.of(label)).build();
    }

    @PUT
    @Path("projects/{projectId}/labels/{key}")
    @RolesAllowed(Role.ADMIN)
    public LabelView update(@PathParam("projectId") Long projectId, @PathParam("key") String key,
            LabelService.LabelChange change) {
        return LabelView.of(labels.update(projects.require(projectId), key, change));
    }

    /** Retires the label (api.md): existing spans keep it, new ones cannot take it. */
    @DELETE
    @Path("projects/{projectId}/labels/{key}")
    @RolesAllowed(Role.ADMIN)
    @APIResponse(responseCode = "204", description = "Retired: existing spans keep it, no new ones")
    public Response retire(@PathParam("projectId") Long projectId, @PathParam("key") String key) {
        labels.retire(projects.require(projectId), key);
        return Response.noContent().build();
    }
}
