package io.gloss.preannotated;

import io.gloss.article.ArticleService;
import io.gloss.article.ImportJobView;
import io.gloss.article.ImportJobs;
import io.gloss.article.ImportReport;
import io.gloss.article.JsonLinesImporter;
import io.gloss.article.SpanTarget;
import io.gloss.article.Uploads;
import io.gloss.auth.CurrentUser;
import io.gloss.auth.Role;
import io.gloss.project.Project;
import io.gloss.project.ProjectService;
import io.gloss.web.GlossException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Locale;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * The project page's "Import annotated files" form (Post/Redirect/Get): one file, read by its
 * name's ending as JSON Lines with spans, a brat zip or W3C JSON-LD, its spans as suggestions or as
 * an import account's submitted annotations; the import's report is its own page, /imports/{id}.
 */
@Path("/projects/{id}/import/annotated")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.ADMIN)
public class PreannotatedPageResource {

    @Inject
    ProjectService projects;

    @Inject
    ArticleService articles;

    @Inject
    JsonLinesImporter jsonLines;

    @Inject
    BratImport brat;

    @Inject
    W3cImport w3c;

    @Inject
    ImportJobs jobs;

    @Inject
    CurrentUser currentUser;

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(@PathParam("id") Long id, @RestForm("file") FileUpload file, @RestForm("as") String as,
            @RestForm("account") String account) {
        Project project = projects.require(id);
        project.requireWritable();
        if (file == null) {
            throw GlossException.badRequest("file", "Choose a .jsonl, a brat .zip or a W3C .json / .jsonld file.");
        }
        String name = Uploads.name(file);
        String lower = name.toLowerCase(Locale.ROOT);
        // The form always sends the account field; only "submitted" names one.
        SpanTarget target = articles.spanTarget(as, "submitted".equals(as) ? account : null);
        byte[] bytes = Uploads.read(file);
        String username = currentUser.username();
        ImportJobView job;
        if (lower.endsWith(".jsonl") || lower.endsWith(".ndjson")) {
            String content = Uploads.decode(bytes, name);
            job = jobs.inBackground(bytes) ? jobs.queue(project, name, bytes, target, username)
                    : done(project, name, bytes.length, jsonLines.importText(project.id, content, target, username));
        } else if (lower.endsWith(".zip")) {
            job = done(project, name, bytes.length, brat.importZip(project.id, bytes, target, username));
        } else if (lower.endsWith(".json") || lower.endsWith(".jsonld")) {
            job = done(project, name, bytes.length, w3c.importJson(project.id, bytes, target));
        } else {
            throw new GlossException(415, "unsupported_media_type", name + " is not a .jsonl (spans on each line), a .zip"
                    + " (brat .txt and .ann files) or a .json / .jsonld (W3C Web Annotations); nothing was imported.");
        }
        return Response.seeOther(URI.create("/imports/" + job.id())).build();
    }

    private ImportJobView done(Project project, String name, long bytes, ImportReport report) {
        return jobs.recordDone(project, name, bytes, report, currentUser.username());
    }
}
