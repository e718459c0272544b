package io.gloss.live;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gloss.article.Article;
import io.gloss.article.ArticleService;
import io.gloss.assignment.Assignment;
import io.gloss.assignment.AssignmentService;
import io.gloss.audit.AuditEvent;
import io.gloss.audit.AuditService;
import io.gloss.auth.CurrentUser;
import io.gloss.project.Project;
import io.gloss.project.ProjectService;
import io.gloss.web.GlossException;
import io.gloss.web.Page;
import io.quarkus.security.Authenticated;
import io.vertx.core.http.HttpServerResponse;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Live changes: an article's or a project's event stream (SSE, resumable from a cursor) and the
 * project's changes feed for scripts. Only members (and admins) open them; a member removed from
 * the project loses the stream at the next keep-alive.
 */
@Path("/api")
@Authenticated
public class EventsResource {

    @Inject
    ArticleService articles;

    @Inject
    ProjectService projects;

    @Inject
    AuditService audit;

    @Inject
    CurrentUser currentUser;

    @Inject
    ChangeBus bus;

    @Inject
    AssignmentService assignments;

    @Inject
    LiveConfig config;

    @Inject
    ObjectMapper json;

    @GET
    @Path("articles/{id}/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @APIResponse(responseCode = "200", description = "The stream of the article's changes (api.md, \"Live changes\")",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(type = SchemaType.STRING)))
    public void articleEvents(@PathParam("id") Long id, @HeaderParam("Last-Event-ID") String lastEventId,
            @QueryParam("after") String after, @Context SseEventSink sink, @Context Sse sse,
            @Context HttpServerResponse response) {
        Article article = articles.require(id);
        open(article.project.id, article.id, lastEventId, after, new SseStream(sink, sse, response, json));
    }

    @GET
    @Path("projects/{id}/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @APIResponse(responseCode = "200", description = "The stream of the project's changes (api.md, \"Live changes\")",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(type = SchemaType.STRING)))
    public void projectEvents(@PathParam("id") Long id, @HeaderParam("Last-Event-ID") String lastEventId,
            @QueryParam("after") String after, @Context SseEventSink sink, @Context Sse sse,
            @Context HttpServerResponse response) {
        open(projects.require(id).id, null, lastEventId, after, new SseStream(sink, sse, response, json));
    }

    @GET
    @Path("projects/{id}/changes")
    @Produces(MediaType.APPLICATION_JSON)
    public Page<Map<String, Object>> changes(@PathParam("id") Long id, @QueryParam("after") String after,
            @QueryParam("limit") Integer limit) {
        long projectId = projects.require(id).id;
        int size = Math.min(Page.limit(limit), config.batch());
        List<Change> changes = AuditEvent.changesAfter(projectId, null, cursor("after", after, 0), size + 1).stream()
                .map(Change::of).toList();
        boolean more = changes.size() > size;
        List<Change> page = more ? changes.subList(0, size) : changes;
        // What the user may not GET is left out after the page is cut, so that its cursor moves
        // past those changes too: a page may hold fewer items than the limit, even none. Older
        // changes are judged by what the user may GET now.
        Visibility visibility = visibility(projectId, Long.MAX_VALUE);
        return new Page<>(page.stream().filter(visibility::allows).map(Change::item).toList(),
                more ? String.valueOf(page.get(page.size() - 1).cursor()) : null);
    }

    private void open(long projectId, Long articleId, String lastEventId, String after, SseStream stream) {
        // Last-Event-ID is what a browser's EventSource sends when it reconnects by itself: it wins.
        long latest = audit.latestCursor(projectId);
        long from = lastEventId != null && !lastEventId.isBlank() ? cursor("Last-Event-ID", lastEventId, latest)
                : cursor("after", after, latest);
        Listener listener = new Listener(projectId, articleId, currentUser.username(), projects.seesAll(),
                visibility(projectId, latest), currentUser.stillValid(), from, stream);
        listener.keepAlive(); // the answer's headers go out now, so the client knows it is connected
        bus.listen(listener);
    }

    /**
     * Admins and reviewers GET datasets, every assignment and every span; editors their own
     * assignments and, in a blind project, others' spans only on articles they have marked done
     * (read now, as of cursor {@code readAt}).
     */
    private Visibility visibility(long projectId, long readAt) {
        boolean seesEverything = assignments.seesEveryonesWork();
        Project project = Project.findById(projectId);
        Set<Long> done = seesEverything || !project.blind ? new HashSet<>() : Assignment.doneArticleIds(projectId, currentUser.username());
        return new Visibility(currentUser.username(), seesEverything, project.blind, done, readAt);
    }

    /** A cursor the client sends; absent: {@code otherwise}. */
    private static long cursor(String field, String value, long otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            long cursor = Long.parseLong(value.strip());
            if (cursor >= 0) {
                return cursor;
            }
        } catch (NumberFormatException e) {
            // the message below
        }
        throw GlossException.badRequest(field, field + " must be a cursor: the id of an event, or 0 for the beginning.");
    }
}
