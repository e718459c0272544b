package io.gloss.article;

import io.gloss.auth.CurrentUser;
import io.gloss.auth.Role;
import io.gloss.project.Project;
import io.gloss.project.ProjectService;
import io.gloss.text.TextNormalizer;
import io.gloss.web.GlossException;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** The import forms of the project page; the outcome is shown on the project page, or a background import's own page. */
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

    @Inject
    ProjectPageResource projectPage;

    @POST
    @Path("text")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance text(@PathParam("id") Long id, @RestForm String title, @RestForm String source,
            @RestForm String url, @RestForm String published, @RestForm String text) {
        Project project = projects.require(id);
        ArticleInput input = new ArticleInput(title, source, url, null, published, null, null, text);
        ImportReport report = articles.importFiles(project, List.of(input), currentUser.username());
        return projectPage.render(project, null, null, report);
    }

    /**
     * Every file is read and checked first, so that one bad file means nothing is imported. A
     * large .jsonl file imports in the background: alone, the answer is its job's page;
     * otherwise the project page, whose import section lists the background imports.
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
        List<String> smallLineFiles = new ArrayList<>();
        Map<String, byte[]> largeLineFiles = new LinkedHashMap<>();
        for (FileUpload file : files) {
            String name = file.fileName() == null ? "upload" : file.fileName();
            String lower = name.toLowerCase(Locale.ROOT);
            boolean jsonLines = lower.endsWith(".jsonl") || lower.endsWith(".ndjson");
            if (!jsonLines && !lower.endsWith(".txt") && !lower.endsWith(".md")) {
                throw new GlossException(415, "unsupported_media_type",
                        name + " is not a .txt, .md or .jsonl file; nothing was imported.");
            }
            byte[] bytes = read(file);
            String content = decode(bytes, name);
            if (!jsonLines) {
                singles.add(ArticleInput.fromFile(name, content));
            } else if (jobs.inBackground(bytes)) {
                largeLineFiles.put(name, bytes);
            } else {
                smallLineFiles.add(content);
            }
        }
        List<ImportJobView> started = largeLineFiles.entrySet().stream()
                .map(f -> jobs.queue(project, f.getKey(), f.getValue(), currentUser.username())).toList();
        if (started.size() == 1 && files.size() == 1) {
            return Response.seeOther(URI.create("/imports/" + started.get(0).id())).build();
        }
        ImportReport combined = articles.importFiles(project, singles, currentUser.username());
        for (String content : smallLineFiles) {
            combined = merge(combined, importer.importText(project.id, content, currentUser.username()));
        }
        return Response.ok(projectPage.render(project, null, null, combined)).build();
    }

    private static byte[] read(FileUpload file) {
        try {
            return Files.readAllBytes(file.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String decode(byte[] bytes, String name) {
        try {
            return TextNormalizer.decodeUtf8(bytes);
        } catch (CharacterCodingException e) {
            throw new GlossException(415, "not_utf8", name + " is not UTF-8 text. Save it as UTF-8 and upload it again; nothing was imported.");
        }
    }

    private static ImportReport merge(ImportReport a, ImportReport b) {
        List<ImportReport.LineError> errors = new ArrayList<>(a.errors());
        errors.addAll(b.errors());
        List<Long> ids = new ArrayList<>(a.ids());
        ids.addAll(b.ids());
        return new ImportReport(a.imported() + b.imported(), a.duplicates() + b.duplicates(), errors, ids);
    }
}
