package io.gloss.preannotated;

import io.gloss.article.ArticleService;
import io.gloss.article.ImportReport;
import io.gloss.article.SpanTarget;
import io.gloss.auth.CurrentUser;
import io.gloss.auth.Role;
import io.gloss.project.Project;
import io.gloss.project.ProjectService;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Pre-annotated files in brat and W3C, read back as Gloss exports them (docs/formats.md): their
 * spans become suggestions ({@code ?as=suggestions}, the default) or the import account's
 * submitted annotations ({@code ?as=submitted&account=}). JSON Lines with spans go to
 * {@code /articles/import}.
 */
@Path("/api/projects/{id}/import")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class PreannotatedResource {

    @Inject
    ProjectService projects;

    @Inject
    ArticleService articles;

    @Inject
    BratImport brat;

    @Inject
    W3cImport w3c;

    @Inject
    CurrentUser currentUser;

    /** A zip of {@code <name>.txt} and {@code <name>.ann}: an article a text (or the project's with that text), its spans the T lines. */
    @POST
    @Path("brat")
    @Consumes({"application/zip", MediaType.APPLICATION_OCTET_STREAM})
    @RolesAllowed(Role.ADMIN)
    @APIResponse(responseCode = "200", description = "Imported: {imported, duplicates, spans, errors:[{line, message}], ids}",
            content = @Content(schema = @Schema(implementation = ImportReport.class)))
    public ImportReport brat(@PathParam("id") Long projectId, @QueryParam("as") String as,
            @QueryParam("account") String account, byte[] zip) {
        Project project = projects.require(projectId);
        project.requireWritable();
        SpanTarget target = articles.spanTarget(as, account);
        return brat.importZip(project.id, zip, target, currentUser.username());
    }

    /** A JSON-LD array of Web Annotations, each {@code target.source} the url of an article of the project. */
    @POST
    @Path("w3c")
    @Consumes({"application/ld+json", MediaType.APPLICATION_JSON})
    @RolesAllowed(Role.ADMIN)
    @APIResponse(responseCode = "200", description = "Imported: {spans, errors:[{line, message}]}; line: the annotation's place in the array",
            content = @Content(schema = @Schema(implementation = ImportReport.class)))
    public ImportReport w3c(@PathParam("id") Long projectId, @QueryParam("as") String as,
            @QueryParam("account") String account, byte[] body) {
        Project project = projects.require(projectId);
        project.requireWritable();
        SpanTarget target = articles.spanTarget(as, account);
        return w3c.importJson(project.id, body, target);
    }
}
