package io.gloss.article;

import io.gloss.auth.CurrentUser;
import io.gloss.auth.Role;
import io.gloss.project.Project;
import io.gloss.project.ProjectPageResource;
import io.gloss.project.ProjectService;
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
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** The import forms of the project page; the outcome is shown on the project page itself. */
@Path("/projects/{id}/import")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.ADMIN)
public class ImportPageResource {

    @Inject
    ProjectService projects;

    @Inject
    ArticleService articles;

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

    @POST
    @Path("files")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public TemplateInstance files(@PathParam("id") Long id, @RestForm("files") List<FileUpload> files) {
        Project project = projects.require(id);
        if (files == null || files.isEmpty()) {
            throw GlossException.badRequest("files", "Choose at least one .txt, .md or .jsonl file.");
        }
        // Read and check every file first, so that one bad file means nothing is imported.
        List<ArticleInput> singles = new ArrayList<>();
        List<String> lineFiles = new ArrayList<>();
        for (FileUpload file : files) {
            String name = file.fileName() == null ? "upload" : file.fileName();
            String lower = name.toLowerCase(Locale.ROOT);
            boolean jsonLines = lower.endsWith(".jsonl") || lower.endsWith(".ndjson");
            if (!jsonLines && !lower.endsWith(".txt") && !lower.endsWith(".md")) {
                throw new GlossException(415, "unsupported_media_type",
                        name + " is not a .txt, .md or .jsonl file; nothing was imported.");
            }
            String content = read(file, name);
            if (jsonLines) {
                lineFiles.add(content);
            } else {
                singles.add(ArticleInput.fromFile(name, content));
            }
        }
        ImportReport combined = articles.importFiles(project, singles, currentUser.username());
        for (String content : lineFiles) {
            combined = merge(combined, articles.importJsonLines(project, content, currentUser.username()));
        }
        return projectPage.render(project, null, null, combined);
    }

    private static String read(FileUpload file, String name) {
        try {
            return TextNormalizer.decodeUtf8(Files.readAllBytes(file.uploadedFile()));
        } catch (CharacterCodingException e) {
            throw new GlossException(415, "not_utf8", name + " is not UTF-8 text. Save it as UTF-8 and upload it again; nothing was imported.");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
