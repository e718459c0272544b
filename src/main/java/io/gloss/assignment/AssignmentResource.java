package io.gloss.assignment;

import io.gloss.auth.Role;
import io.gloss.web.GlossException;
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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Assignments (api.md, "Assignment, agreement, curation"). */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
public class AssignmentResource {

    /**
     * {@code POST /api/projects/{id}/assignments}: {@code {editors, articleIds}} spreads articles
     * (every article short of editors when articleIds is absent); {@code {articleId, username}} assigns one.
     */
    public record AssignmentRequest(List<String> editors, List<Long> articleIds, Long articleId, String username) {
    }

    public record StateChange(String state) {
    }

    @Inject
    AssignmentService assignments;

    @POST
    @Path("projects/{id}/assignments")
    @RolesAllowed(Role.ADMIN)
    @APIResponse(responseCode = "201", description = "Assigned: how many, and the assignments made",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AssignmentService.Distributed.class)))
    public Response assign(@PathParam("id") Long projectId, AssignmentRequest request) {
        if (request == null) {
            throw GlossException.badRequest("editors", "Send {editors, articleIds} to spread articles, or {articleId, username} for one.");
        }
        AssignmentService.Distributed result;
        if (request.username() != null || request.articleId() != null) {
            AssignmentView one = assignments.assign(projectId, request.articleId(), request.username());
            result = new AssignmentService.Distributed(1, List.of(one), 0);
        } else {
            result = assignments.distribute(projectId, request.editors(), request.articleIds());
        }
        return Response.status(Response.Status.CREATED).entity(result).build();
    }

    @GET
    @Path("projects/{id}/assignments")
    public Page<AssignmentView> list(@PathParam("id") Long projectId, @QueryParam("username") String username,
            @QueryParam("state") String state, @QueryParam("articleId") Long articleId,
            @QueryParam("after") String after, @QueryParam("limit") Integer limit) {
        return assignments.list(projectId, username, state, articleId, after, limit);
    }

    @PUT
    @Path("assignments/{id}")
    public AssignmentView changeState(@PathParam("id") Long id, StateChange change) {
        return assignments.changeState(id, change == null ? null : change.state());
    }

    @DELETE
    @Path("assignments/{id}")
    @RolesAllowed(Role.ADMIN)
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("id") Long id) {
        assignments.delete(id);
        return Response.noContent().build();
    }
}
