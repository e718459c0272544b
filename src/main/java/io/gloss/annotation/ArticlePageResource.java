package io.gloss.annotation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gloss.article.Article;
import io.gloss.article.ArticleQueries;
import io.gloss.article.ArticleService;
import io.gloss.article.ArticleTitle;
import io.gloss.assignment.AssignmentQueries;
import io.gloss.assignment.AssignmentService;
import io.gloss.assignment.AssignmentState;
import io.gloss.assignment.AssignmentView;
import io.gloss.audit.AuditService;
import io.gloss.auth.CsrfTokens;
import io.gloss.auth.CurrentUser;
import io.gloss.auth.Role;
import io.gloss.project.LabelView;
import io.gloss.project.RelationType;
import io.gloss.project.RelationTypeView;
import io.gloss.web.Notice;
import io.gloss.web.Referer;
import io.gloss.web.ScriptData;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The annotation page: the article, all its live annotations and the relations between them in one
 * response, embedded as JSON for frontend/annotate.ts, which draws them and sends new ones to the API.
 */
@Path("/articles")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class ArticlePageResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance article(Article article, List<LabelView> labels, RawString data, boolean canAnnotate,
                String readOnly, AssignmentView assignment, boolean othersHidden, ArticleTitle previous, ArticleTitle next,
                ArticleTitle nextAssigned, String backToQueue);
    }

    /**
     * What the page script reads from {@code #gloss-data}; {@code cursor} is where its event
     * stream starts (read before the annotations: a change in between is replayed, not lost);
     * {@code readOnly} says why one who may not annotate here cannot; {@code reviewRules}: the review
     * rule's sentences, shown before a reviewer tries a decision the server would refuse;
     * {@code relationTypes} and {@code relations}: what may link two spans, and what does.
     */
    record PageData(Map<String, Object> article, List<LabelView> labels, List<AnnotationView> annotations,
            List<RelationTypeView> relationTypes, List<?> relations, Map<String, Object> me, String csrf,
            boolean canAnnotate, String readOnly, String cursor,
            ReviewRules.Sentences reviewRules) {
    }

    @Inject
    ArticleService articles;

    @Inject
    ArticleQueries articleQueries;

    @Inject
    CurrentUser currentUser;

    @Inject
    CsrfTokens csrf;

    @Inject
    ObjectMapper json;

    @Inject
    AuditService audit;

    @Inject
    AnnotationService annotations;

    @Inject
    AssignmentService assignments;

    @Inject
    AssignmentQueries assignmentQueries;

    @Inject
    ArticleRelations relations;

    @GET
    @Path("{id}")
    public TemplateInstance page(@PathParam("id") Long id, @HeaderParam("Referer") String referer)
            throws JsonProcessingException {
        Article article = articles.require(id);
        long cursor = audit.latestCursor(article.project.id);
        List<LabelView> labels = LabelView.ofProject(article.project.id);
        List<AnnotationView> views = annotations.visibleOn(article, null);
        AssignmentView assignment = assignments.mine(article.id).orElse(null);
        boolean done = assignment != null && assignment.state() == AssignmentState.DONE;
        String frozen = article.project.isArchived() ? "This project is archived: it is read-only until an admin unarchives it."
                : article.retiredAt != null ? "This article is retired: it takes no annotations until an admin restores it."
                : done ? "You marked this article done, which froze your spans; an admin can reopen it." : null;
        boolean canAnnotate = currentUser.isEditor() && frozen == null;
        String readOnly = frozen != null ? frozen : canAnnotate ? null : "You can view but not annotate in this project.";
        PageData data = new PageData(
                Map.of("id", article.id, "projectId", article.project.id, "text", article.text, "length", article.length),
                labels, views, RelationType.ofProject(article.project.id).stream().map(RelationTypeView::of).toList(),
                relations.visibleOn(article), Map.of("username", currentUser.username(), "roles", currentUser.roles()),
                csrf.token(), canAnnotate, readOnly, String.valueOf(cursor), ReviewRules.SENTENCES);
        return Templates.article(article, labels, ScriptData.safe(json.writeValueAsString(data)), canAnnotate,
                readOnly, assignment, assignments.hidesOthers(article.project, article.id),
                articleQueries.neighbour(article, false).orElse(null), articleQueries.neighbour(article, true).orElse(null),
                assignmentQueries.nextBesides(article.project.id, currentUser.username(), article.id).orElse(null),
                backToQueue(referer));
    }

    /**
     * The review queue the reviewer came from, with its filters, for a "Back to the queue" link;
     * null when they came from elsewhere. Only the queue's own path is ever linked.
     */
    static String backToQueue(String referer) {
        URI from = Referer.parse(referer);
        if (from == null || !"/review".equals(from.getRawPath())) {
            return null;
        }
        return from.getRawQuery() == null ? "/review" : "/review?" + from.getRawQuery();
    }

    /** An admin retires the article from the project page: it leaves the lists, queues and new datasets. */
    @POST
    @Path("{id}/retire")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Role.ADMIN)
    public Response retire(@PathParam("id") Long id) {
        Article article = articles.retire(id);
        return Notice.seeOther("/projects/" + article.project.id, "Retired “" + article.title + "”.");
    }

    /** Brings it back, to the page the button was on: the article's own, or the project's retired articles. */
    @POST
    @Path("{id}/restore")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Role.ADMIN)
    public Response restore(@PathParam("id") Long id, @RestForm String then) {
        Article article = articles.restore(id);
        return Notice.seeOther("article".equals(then) ? "/articles/" + article.id : "/projects/" + article.project.id
                + "?retired=true", "Restored “" + article.title + "”.");
    }
}
