package io.gloss.search;

import static io.gloss.search.SearchService.blankToNull;

import io.gloss.project.Project;
import io.gloss.project.ProjectService;
import io.gloss.web.GlossException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * {@code /search}: the search of {@code GET /api/search} for a person, from the box in every
 * page's header. A query the service refuses (a 400: an empty phrase, an unknown status) is said
 * on this page beside the box, where it can be corrected.
 */
@Path("/search")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class SearchPageResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance search(SearchPage page);
    }

    @Inject
    SearchService search;

    @Inject
    ProjectService projects;

    @GET
    public TemplateInstance page(@QueryParam("q") String q, @QueryParam("project") Long project, @QueryParam("kind") String kind,
            @QueryParam("label") String label, @QueryParam("status") String status, @QueryParam("author") String author,
            @QueryParam("after") String after) {
        // The form sends its empty fields ("Articles and annotations" is kind=): no filter, and left out of the links.
        SearchPage.Filters filters = new SearchPage.Filters(blankToNull(q), project, blankToNull(kind), blankToNull(label),
                blankToNull(status), blankToNull(author));
        List<Project> visible = projects.visibleProjects();
        if (!filters.asked()) {
            return Templates.search(SearchPage.without(filters, visible, null));
        }
        try {
            SearchResults found = search.search(new SearchService.Request(filters.q(), project, filters.kind(), filters.label(),
                    filters.status(), filters.author(), null, blankToNull(after), null));
            return Templates.search(SearchPage.of(filters, visible, found));
        } catch (GlossException e) {
            if (e.status() >= 500) {
                throw e;
            }
            return Templates.search(SearchPage.without(filters, visible, e.getMessage()));
        }
    }
}
