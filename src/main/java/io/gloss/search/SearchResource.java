package io.gloss.search;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /api/search} (api.md): any signed-in person, over the projects they may see. */
@Path("/api/search")
@Authenticated
public class SearchResource {

    @Inject
    SearchService search;

    /**
     * {@code q}: words, "phrases" and prefix*; {@code project}: one project (else every one the
     * person may see); {@code kind}: article or annotation; {@code label} (a key), {@code status},
     * {@code author}, {@code entity} (an id) filter annotations; {@code after}: a page's
     * {@code next}; {@code limit}: 1 to 100, 20 by default.
     */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public SearchResults search(@QueryParam("q") String q, @QueryParam("project") Long project,
            @QueryParam("kind") String kind, @QueryParam("label") String label, @QueryParam("status") String status,
            @QueryParam("author") String author, @QueryParam("entity") Long entity, @QueryParam("after") String after,
            @QueryParam("limit") Integer limit) {
        return search.search(new SearchService.Request(q, project, kind, label, status, author, entity, after, limit));
    }
}
