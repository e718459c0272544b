package io.gloss.suggestion;

import io.gloss.annotation.AnnotationView;
import io.gloss.auth.Role;
import io.gloss.web.Page;
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
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Suggestions (api.md, "Suggestions and pre-annotated import"): editors only, like the spans they become. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.EDITOR)
public class SuggestionResource {

    @Inject
    SuggestionService suggestions;

    @GET
    @Path("articles/{id}/suggestions")
    public Page<SuggestionView> ofArticle(@PathParam("id") Long articleId) {
        return new Page<>(suggestions.openOn(articleId), null);
    }

    @POST
    @Path("annotations/{id}/occurrences")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Integer> labelOccurrences(@PathParam("id") Long annotationId, SuggestionService.OccurrencesRequest request) {
        return Map.of("created", suggestions.labelOccurrences(annotationId, request));
    }

    /** "Accept all of this label" on the article: {@code ?label=} is the label's key; answers the annotations made. */
    @POST
    @Path("articles/{id}/suggestions/accept")
    public Map<String, Object> acceptAll(@PathParam("id") Long articleId, @QueryParam("label") String label) {
        List<AnnotationView> accepted = suggestions.acceptAll(articleId, label);
        return Map.of("accepted", accepted.size(), "items", accepted);
    }

    /** No body: accept and reject are posted bare, as a key press sends them. */
    @POST
    @Path("suggestions/{id}/accept")
    @APIResponse(responseCode = "201", description = "Accepted: the annotation made of it, by you; its address in Location",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AnnotationView.class)))
    public Response accept(@PathParam("id") Long id) {
        AnnotationView created = suggestions.accept(id);
        return Response.created(URI.create("/api/annotations/" + created.id())).entity(created).build();
    }

    @POST
    @Path("suggestions/{id}/reject")
    @APIResponse(responseCode = "204", description = "Rejected: never proposed to you again")
    public Response reject(@PathParam("id") Long id) {
        suggestions.reject(id);
        return Response.noContent().build();
    }
}
