package io.gloss.agreement;

import io.gloss.auth.Role;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** Inter-annotator agreement over the API (api.md): reviewers and admins; other projects are 404. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class AgreementResource {

    @Inject
    AgreementService agreement;

    /**
     * {@code labels} and {@code articleIds} narrow the measure (comma-separated); {@code sort}
     * (alphaU, kappa, f1Exact, f1Overlap) and {@code limit} choose the article list, least agreement first.
     */
    @GET
    @Path("projects/{id}/agreement")
    @RolesAllowed({Role.ADMIN, Role.REVIEWER})
    public AgreementReport agreement(@PathParam("id") Long id, @QueryParam("labels") String labels,
            @QueryParam("articleIds") String articleIds, @QueryParam("sort") String sort, @QueryParam("limit") Integer limit) {
        return agreement.report(id, AgreementService.Selection.parse(labels, articleIds, sort, limit));
    }
}
