package io.gloss.claim;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The claims board (api.md, "Entities, attributes, relations, claims"). */
@Path("/api/projects/{id}/claims")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class ClaimResource {

    /** The board's answer: unpaginated, a subject with all its claims. */
    public record Board(List<ClaimBoard.Item> items) {
    }

    @Inject
    ClaimService claims;

    @GET
    public Board board(@PathParam("id") Long projectId, @QueryParam("entity") Long entity, @QueryParam("status") String status) {
        return new Board(claims.board(projectId, entity, status));
    }
}
