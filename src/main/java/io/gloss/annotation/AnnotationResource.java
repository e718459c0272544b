package io.gloss.annotation;

import io.gloss.article.ArticleService;
import io.gloss.auth.Role;
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

@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
public class AnnotationResource {

    @Inject
    AnnotationService annotations;

    @Inject
    ArticleService articles;

    /** Every live annotation of the article at once: the annotation page draws them all. */
    @GET
    @Path("articles/{id}/annotations")
    public Page<AnnotationView> ofArticle(@PathParam("id") Long articleId, @QueryParam("author") String author) {
        return new Page<>(annotations.visibleOn(articles.require(articleId), author), null);
    }

    @POST
    @Path("annotations")
    @RolesAllowed(Role.EDITOR)
    @APIResponse(responseCode = "201", description = "Created: the annotation; its address in Location",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AnnotationView.class)))
    public Response create(AnnotationService.NewAnnotation input) {
        AnnotationView created = annotations.create(input);
        return Response.created(URI.create("/api/annotations/" + created.id())).entity(created).build();
    }

    @GET
    @Path("annotations/{id}")
    public AnnotationDetail get(@PathParam("id") Long id) {
        Annotation annotation = annotations.require(id);
        return new AnnotationDetail(AnnotationView.of(annotation),
                AnnotationTransition.of(annotation.id).stream().map(TransitionView::of).toList());
    }

    @PUT
    @Path("annotations/{id}")
    @RolesAllowed(Role.EDITOR)
    public AnnotationView update(@PathParam("id") Long id, AnnotationService.AnnotationChange change) {
        return annotations.update(id, change);
    }

    @DELETE
    @Path("annotations/{id}")
    @RolesAllowed(Role.EDITOR)
    @APIResponse(responseCode = "204", description = "Deleted (soft: kept for audit and history)")
    public Response delete(@PathParam("id") Long id) {
        annotations.delete(id);
        return Response.noContent().build();
    }
}
