package io.gloss.project;

import io.gloss.auth.Role;
import io.gloss.web.Page;
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
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The kinds of relation a project's spans may have (api.md, "Entities, attributes, relations, claims"). */
@Path("/api/projects/{projectId}/relation-types")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
public class RelationTypeResource {

    @Inject
    ProjectService projects;

    @Inject
    RelationTypeService relationTypes;

    /** Few per project: all at once. */
    @GET
    public Page<RelationTypeView> list(@PathParam("projectId") Long projectId) {
        Project project = projects.require(projectId);
        return new Page<>(RelationType.ofProject(project.id).stream().map(RelationTypeView::of).toList(), null);
    }

    @POST
    @RolesAllowed(Role.ADMIN)
    @APIResponse(responseCode = "201", description = "Created: the relation type; its address in Location",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RelationTypeView.class)))
    public Response create(@PathParam("projectId") Long projectId, RelationTypeService.NewRelationType input) {
        Project project = projects.require(projectId);
        RelationType type = relationTypes.create(project, input);
        return Response.created(URI.create("/api/projects/" + project.id + "/relation-types/" + type.key))
                .entity(RelationTypeView.of(type)).build();
    }
}
