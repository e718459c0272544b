package io.gloss.curation;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gloss.article.Article;
import io.gloss.article.ArticleService;
import io.gloss.auth.CsrfTokens;
import io.gloss.auth.CurrentUser;
import io.gloss.auth.Role;
import io.gloss.project.LabelView;
import io.gloss.web.ScriptData;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;

/**
 * The curation page of an article, for reviewers: the text with its units, and the units' lanes
 * (one per annotator). The same units as {@code GET /api/articles/{id}/curation}, embedded as
 * JSON for frontend/curation.ts, which sends the curator's decisions to the JSON API.
 */
@Path("/articles/{id}/curation")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.REVIEWER)
public class CurationPageResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance curation(Article article, List<LabelView> labels, String empty, RawString data);
    }

    /** What curation.ts reads from {@code #gloss-data}. */
    record PageData(Map<String, Object> article, List<LabelView> labels, CurationService.Curation curation,
            String username, String csrf) {
    }

    @Inject
    ArticleService articles;

    @Inject
    CurationService curation;

    @Inject
    CurrentUser currentUser;

    @Inject
    CsrfTokens csrf;

    @Inject
    ObjectMapper json;

    @GET
    public TemplateInstance page(@PathParam("id") Long id) {
        Article article = articles.require(id);
        CurationService.Curation units = curation.of(article.id);
        List<LabelView> labels = LabelView.ofProject(article.project.id);
        PageData data = new PageData(Map.of("id", article.id, "text", article.text), labels, units,
                currentUser.username(), csrf.token());
        return Templates.curation(article, labels, emptyText(units), ScriptData.of(json, data));
    }

    /** The sentence the page shows instead of units, or null when there are units. */
    static String emptyText(CurationService.Curation units) {
        if (units.assigned() && units.annotators().isEmpty()) {
            return "No annotator has marked this article done yet.";
        }
        return units.units().isEmpty() ? "Nothing to curate: the annotators gave no spans here." : null;
    }
}
