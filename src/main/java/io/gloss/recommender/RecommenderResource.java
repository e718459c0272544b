package io.gloss.recommender;

import io.gloss.auth.Role;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The recommender over the API (api.md, "Suggestions and pre-annotated import"); other projects are 404. */
@Path("/api/projects/{id}/recommender")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class RecommenderResource {

    @Inject
    RecommenderService recommender;

    @GET
    @RolesAllowed({Role.ADMIN, Role.REVIEWER})
    public RecommenderView view(@PathParam("id") Long id) {
        return recommender.view(id);
    }

    /** 202 with the recommender as it stands (QUEUED, or TRAINING when one runs already); the training runs in the background. */
    @POST
    @Path("train")
    @RolesAllowed(Role.ADMIN)
    @APIResponse(responseCode = "202", description = "Training queued: the recommender as it stands",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RecommenderView.class)))
    public Response train(@PathParam("id") Long id) {
        return Response.accepted(recommender.train(id)).build();
    }
}
