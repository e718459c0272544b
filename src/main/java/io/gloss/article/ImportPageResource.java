package io.gloss.article;

import io.gloss.auth.CurrentUser;
import io.gloss.auth.Role;
import io.gloss.project.Project;
import io.gloss.project.ProjectService;
import io.gloss.web.GlossException;
import io.gloss.web.Notice;
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
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** The import forms of the project page (Post/Redirect/Get): each import's report is on its own page, /imports/{id}. */
@Path("/projects/{id}/import")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.ADMIN)
public class ImportPageResource {

    @Inject
    ProjectService projects;

    @Inject
    ArticleService articles;

    @Inject
    JsonLinesImporter importer;

    @Inject
    ImportJobs jobs;

    @Inject
    CurrentUser currentUser;

    @POST
    @Path("text")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response text(@PathParam("id") Long id, @RestForm String title, @RestForm String source,
            @RestForm String url, @RestForm String published, @RestForm String text) {
        Project project = projects.require(id);
        ArticleInput input = new ArticleInput(title, source, url, null, published, null, null, text);
        ImportReport report = articles.importFiles(project, List.of(input), currentUser.username());
        String what = title == null || title.isBlank() ? "a typed text" : "typed text “" + title.strip() + "”";
        return reportAt(jobs.recordDone(project, what, text == null ? 0 : text.length(), report, currentUser.username()));
    }

    /**
     * Every file is read and checked first, so that one bad file means nothing is imported. A large
     * .jsonl file imports in the background; the others at once. Each import is a job with a page of
     * its own: one import goes to its page, several to the project page's list of imports.
     */
    @POST
    @Path("files")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response files(@PathParam("id") Long id, @RestForm("files") List<FileUpload> files) {
        Project project = projects.require(id);
        if (files == null || files.isEmpty()) {
            throw GlossException.badRequest("files", "Choose at least one .txt, .md or .jsonl file.");
        }
        List<ArticleInput> singles = new ArrayList<>();
        long singleBytes = 0;
        Map<String, String> smallLineFiles = new LinkedHashMap<>();
        Map<String, byte[]> largeLineFiles = new LinkedHashMap<>();
        for (FileUpload file : files) {
            String name = Uploads.name(file);
            String lower = name.toLowerCase(Locale.ROOT);
            boolean jsonLines = lower.endsWith(".jsonl") || lower.endsWith(".ndjson");
            if (!jsonLines && !lower.endsWith(".txt") && !lower.endsWith(".md")) {
                throw new GlossException(415, "unsupported_media_type",
                        name + " is not a .txt, .md or .jsonl file; nothing was imported.");
            }
            byte[] bytes = Uploads.read(file);
            String content = Uploads.decode(bytes, name);
            if (!jsonLines) {
                singles.add(ArticleInput.fromFile(name, content));
                singleBytes += bytes.length;
            } else if (jobs.inBackground(bytes)) {
                largeLineFiles.put(name, bytes);
            } else {
                smallLineFiles.put(name, content);
            }
        }
        String username = currentUser.username();
        List<ImportJobView> done = new ArrayList<>();
        largeLineFiles.forEach((name, bytes) -> done.add(jobs.queue(project, name, bytes, SpanTarget.SUGGESTIONS, username)));
        if (!singles.isEmpty()) {
            String what = singles.size() == 1 ? singles.get(0).source() : singles.size() + " text files";
            done.add(jobs.recordDone(project, what, singleBytes, articles.importFiles(project, singles, username), username));
        }
        smallLineFiles.forEach((name, content) -> done.add(jobs.recordDone(project, name,
                content.getBytes(StandardCharsets.UTF_8).length, importer.importText(project.id, content, SpanTarget.SUGGESTIONS, username), username)));
        if (done.size() == 1) {
            return reportAt(done.get(0));
        }
        int imported = done.stream().mapToInt(ImportJobView::imported).sum();
        long running = done.stream().filter(ImportJobView::active).count();
        return Notice.seeOther("/projects/" + project.id + "#import", done.size() + " imports: " + imported + " article"
                + (imported == 1 ? "" : "s") + " imported" + (running > 0 ? ", " + running + " still running in the background" : "")
                + ". Each has its report below.");
    }

    private static Response reportAt(ImportJobView job) {
        return Response.seeOther(URI.create("/imports/" + job.id())).build();
    }
}
