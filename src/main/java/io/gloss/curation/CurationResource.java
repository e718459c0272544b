package io.gloss.curation;

import io.gloss.auth.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Curation of an article by a reviewer (api.md, "Assignment, agreement, curation"). */
@Path("/api/articles/{id}/curation")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.REVIEWER)
public class CurationResource {

    @Inject
    CurationService curation;

    @GET
    public CurationService.Curation get(@PathParam("id") Long id) {
        return curation.of(id);
    }

    /** All or nothing: accepted ones approved (identical spans merged into them), rejected ones rejected. */
    @POST
    public CurationService.Curated curate(@PathParam("id") Long id, CurationService.Request request) {
        return curation.curate(id, request);
    }

    /** Takes no body, so a client need not name a content type. */
    @POST
    @Path("auto")
    @Consumes(MediaType.WILDCARD)
    public CurationService.Auto auto(@PathParam("id") Long id) {
        return curation.auto(id);
    }
}
