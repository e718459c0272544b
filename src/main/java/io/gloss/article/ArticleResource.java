package io.gloss.article;

import io.gloss.auth.CurrentUser;
import io.gloss.auth.Role;
import io.gloss.project.Project;
import io.gloss.project.ProjectService;
import io.gloss.text.TextNormalizer;
import io.gloss.web.GlossException;
import io.gloss.web.Page;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.nio.charset.CharacterCodingException;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class ArticleResource {

    public static final String NDJSON = "application/x-ndjson";

    /** {@code 201} body of a single import. */
    public record Created(Long id, int length, String sha256) {
    }

    @Inject
    ProjectService projects;

    @Inject
    ArticleService articles;

    @Inject
    ArticleQueries articleQueries;

    @Inject
    JsonLinesImporter importer;

    @Inject
    ImportJobs jobs;

    @Inject
    CurrentUser currentUser;

    @POST
    @Path("projects/{id}/articles")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.ADMIN)
    @APIResponse(responseCode = "201", description = "Imported: its id, length in code points and SHA-256; its address in Location",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Created.class)))
    public Response create(@PathParam("id") Long projectId, ArticleInput input) {
        Project project = projects.require(projectId);
        if (input == null) {
            throw GlossException.badRequest("text", "Send an article: {title, source, url, published, text}.");
        }
        Article article = articles.create(project, input, currentUser.username());
        return Response.created(URI.create("/api/articles/" + article.id))
                .entity(new Created(article.id, article.length, article.sha256)).build();
    }

    /**
     * JSON Lines, one article a line, which may carry {@code spans}: suggestions to every editor
     * ({@code ?as=suggestions}, the default) or annotations submitted for review by the import
     * account ({@code ?as=submitted&account=}, {@value SpanTarget#DEFAULT_ACCOUNT} by default).
     * The body is read as bytes so that non-UTF-8 input is refused, not garbled.
     * A small file is imported within the request (200 with the report, as api.md says); a large one
     * (gloss.import.background-*) in the background: 202 with the job, whose Location to poll.
     */
    @POST
    @Path("projects/{id}/articles/import")
    @Consumes({NDJSON, "application/jsonl", "application/json-lines"})
    @RolesAllowed(Role.ADMIN)
    @APIResponse(responseCode = "200", description = "Imported: {imported, duplicates, spans, errors:[{line, message}], ids}",
            content = @Content(schema = @Schema(implementation = ImportReport.class)))
    @APIResponse(responseCode = "202", description = "A large file, importing in the background: the job; poll its Location",
            content = @Content(schema = @Schema(implementation = ImportJobView.class)))
    public Response importLines(@PathParam("id") Long projectId, @QueryParam("as") String as,
            @QueryParam("account") String account, byte[] body) {
        Project project = projects.require(projectId);
        SpanTarget target = articles.spanTarget(as, account);
        byte[] bytes = body == null ? new byte[0] : body;
        String text;
        try {
            text = TextNormalizer.decodeUtf8(bytes);
        } catch (CharacterCodingException e) {
            throw new GlossException(400, "not_utf8", "The file is not UTF-8 text. Save it as UTF-8 and import it again.");
        }
        if (jobs.inBackground(bytes)) {
            ImportJobView job = jobs.queue(project, "API import", bytes, target, currentUser.username());
            return Response.accepted(job).location(URI.create("/api/imports/" + job.id())).build();
        }
        return Response.ok(importer.importText(project.id, text, target, currentUser.username())).build();
    }

    /** A background import: its state, progress and counts (admins; another project's is 404 to others). */
    @GET
    @Path("imports/{id}")
    @RolesAllowed(Role.ADMIN)
    public ImportJobView importJob(@PathParam("id") Long id) {
        return jobs.view(id);
    }

    /** The live articles; {@code ?retired=true}: the retired ones instead. */
    @GET
    @Path("projects/{id}/articles")
    public Page<ArticleSummary> list(@PathParam("id") Long projectId, @QueryParam("q") String q,
            @QueryParam("retired") boolean retired, @QueryParam("after") String after, @QueryParam("limit") Integer limit) {
        Project project = projects.require(projectId);
        return articleQueries.summaries(project.id, q, retired, after, limit, currentUser.username());
    }

    @GET
    @Path("articles/{id}")
    public ArticleView get(@PathParam("id") Long id) {
        return ArticleView.of(articles.require(id));
    }

    /** Retires the article (gone from lists, queues and new datasets, kept for audit and old datasets): 200 with it. */
    @DELETE
    @Path("articles/{id}")
    @RolesAllowed(Role.ADMIN)
    public ArticleView retire(@PathParam("id") Long id) {
        return ArticleView.of(articles.retire(id));
    }

    /** Brings a retired article back: 200 with it. */
    @POST
    @Path("articles/{id}/restore")
    @RolesAllowed(Role.ADMIN)
    public ArticleView restore(@PathParam("id") Long id) {
        return ArticleView.of(articles.restore(id));
    }
}
