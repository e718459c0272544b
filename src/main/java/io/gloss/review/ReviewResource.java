package io.gloss.review;

import io.gloss.annotation.AnnotationView;
import io.gloss.auth.Role;
import io.gloss.web.ApiError;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Reviewers' API: decisions, one or many, and the queue. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
public class ReviewResource {

    public record DecisionRequest(String decision, String comment, Integer version) {
    }

    public record BulkRequest(List<Long> ids, String decision, String comment) {
    }

    public record RelabelRequest(String label, Integer version) {
    }

    @Inject
    ReviewService review;

    @Inject
    ReviewQueueQueries queue;

    @POST
    @Path("annotations/{id}/decision")
    @RolesAllowed(Role.REVIEWER)
    public AnnotationView decide(@PathParam("id") Long id, DecisionRequest request) {
        DecisionRequest r = request == null ? new DecisionRequest(null, null, null) : request;
        return review.decide(id, r.decision(), r.comment(), r.version());
    }

    /** A reviewer corrects the label (not part of api.md's first version; added, see docs/api-guide.md). */
    @POST
    @Path("annotations/{id}/label")
    @RolesAllowed(Role.REVIEWER)
    public AnnotationView relabel(@PathParam("id") Long id, RelabelRequest request) {
        RelabelRequest r = request == null ? new RelabelRequest(null, null) : request;
        return review.relabel(id, r.label(), r.version());
    }

    /** All or nothing: 200 when every item was applied, 409 with the per-item reasons when none was. */
    @POST
    @Path("decisions")
    @RolesAllowed(Role.REVIEWER)
    @APIResponse(responseCode = "200", description = "Every item applied",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT, properties = {
                @SchemaProperty(name = "applied", type = SchemaType.INTEGER),
                @SchemaProperty(name = "results", type = SchemaType.ARRAY, implementation = ReviewService.ItemResult.class)})))
    @APIResponse(responseCode = "409", description = "None applied (`bulk_refused`): `results` gives each item's reason")
    public Response decideAll(BulkRequest request) {
        BulkRequest r = request == null ? new BulkRequest(null, null, null) : request;
        ReviewService.BulkResult result = review.decideAll(r.ids(), r.decision(), r.comment());
        if (result.applied()) {
            return Response.ok(Map.of("applied", result.results().size(), "results", result.results())).build();
        }
        long failed = result.results().stream().filter(item -> !item.ok()).count();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("applied", 0);
        details.put("results", result.results());
        return Response.status(409).entity(ApiError.body("bulk_refused", failed + " of " + result.results().size()
                + " annotations cannot be decided on, so none was: see results.", details)).build();
    }

    @GET
    @Path("review/queue")
    @RolesAllowed(Role.REVIEWER)
    public ReviewQueueQueries.QueuePage queue(@QueryParam("project") Long project, @QueryParam("label") String label,
            @QueryParam("article") Long article, @QueryParam("author") String author,
            @QueryParam("status") String status, @QueryParam("after") String after, @QueryParam("limit") Integer limit) {
        return queue.page(ReviewQueueQueries.QueueFilter.of(project, label, article, author, status), after, limit);
    }
}
