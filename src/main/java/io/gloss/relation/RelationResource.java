package io.gloss.relation;

import io.gloss.article.ArticleService;
import io.gloss.auth.Role;
import io.gloss.review.ReviewQueueQueries.QueueFilter;
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

/** Relations between spans (api.md, "Entities, attributes, relations, claims"). */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
public class RelationResource {

    // A name of its own in /q/openapi, where another record is named the same: a stable one for clients.
    @Schema(name = "RelationDecisionRequest")
    public record DecisionRequest(String decision, String comment, Integer version) {
    }

    @Inject
    RelationService relations;

    @Inject
    ArticleService articles;

    @Inject
    RelationQueueQueries queue;

    /** Every live relation of the article at once, as its annotations come (a page draws them all). */
    @GET
    @Path("articles/{id}/relations")
    public Page<RelationView> ofArticle(@PathParam("id") Long articleId) {
        return new Page<>(relations.visibleOn(articles.require(articleId)), null);
    }

    @POST
    @Path("relations")
    @RolesAllowed(Role.EDITOR)
    @APIResponse(responseCode = "201", description = "Created: the relation; its address in Location",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RelationView.class)))
    public Response create(RelationService.NewRelation input) {
        RelationView created = relations.create(input);
        return Response.created(URI.create("/api/relations/" + created.id())).entity(created).build();
    }

    @GET
    @Path("relations/{id}")
    public RelationView get(@PathParam("id") Long id) {
        return relations.get(id);
    }

    @PUT
    @Path("relations/{id}")
    @RolesAllowed(Role.EDITOR)
    public RelationView update(@PathParam("id") Long id, RelationService.RelationChange change) {
        return relations.update(id, change);
    }

    @DELETE
    @Path("relations/{id}")
    @RolesAllowed(Role.EDITOR)
    @APIResponse(responseCode = "204", description = "Deleted (soft: kept for audit)")
    public Response delete(@PathParam("id") Long id) {
        relations.delete(id);
        return Response.noContent().build();
    }

    @POST
    @Path("relations/{id}/decision")
    @RolesAllowed(Role.REVIEWER)
    public RelationView decide(@PathParam("id") Long id, DecisionRequest request) {
        DecisionRequest r = request == null ? new DecisionRequest(null, null, null) : request;
        return relations.decide(id, r.decision(), r.comment(), r.version());
    }

    /** The relations waiting for review, oldest first, in pages; the span queue's filters other than label and status. */
    @GET
    @Path("review/relations")
    @RolesAllowed(Role.REVIEWER)
    public RelationQueueQueries.RelationQueuePage queue(@QueryParam("project") Long project, @QueryParam("article") Long article,
            @QueryParam("author") String author, @QueryParam("after") String after, @QueryParam("limit") Integer limit) {
        return queue.page(QueueFilter.of(project, null, article, author, null), after, limit);
    }
}
