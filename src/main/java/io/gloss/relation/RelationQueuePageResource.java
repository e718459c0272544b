package io.gloss.relation;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gloss.auth.CsrfTokens;
import io.gloss.auth.CurrentUser;
import io.gloss.auth.Role;
import io.gloss.project.LabelView;
import io.gloss.project.Project;
import io.gloss.project.ProjectService;
import io.gloss.review.ReviewQueuePageResource;
import io.gloss.review.ReviewQueueQueries.QueueFilter;
import io.gloss.web.Links;
import io.gloss.web.ScriptData;
import io.gloss.web.Texts;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The relations waiting for review: the review queue's relation rows ("quote —type→ quote"),
 * linked from the span queue's header with the same filters, read with the API's query
 * ({@link RelationQueueQueries#page}); frontend/relationQueue.ts adds the queue's keys and sends
 * decisions to {@code POST /api/relations/{id}/decision}. A reviewer's own relations are listed
 * without buttons (four-eyes), as their own spans are.
 */
@Path("/review/relations")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.REVIEWER)
public class RelationQueuePageResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance queue(Form form, List<Project> projects, List<Row> rows, String count,
                String nextHref, String error, RawString data);
    }

    /** The filters as typed (ids stay strings, so that a mistyped one is answered with a sentence). */
    public record Form(String project, String article, String author, Integer limit) {

        public boolean filtered() {
            return project != null || article != null || author != null;
        }

        public boolean isProject(Long id) {
            return id != null && id.toString().equals(project);
        }

        /** The span queue (submitted spans) with the same filters. */
        public String spansHref() {
            return Links.withQuery("/review", params(null));
        }

        public String href(String after) {
            return Links.withQuery("/review/relations", params(after));
        }

        private Map<String, String> params(String after) {
            Map<String, String> params = new LinkedHashMap<>();
            params.put("project", project);
            params.put("article", article);
            params.put("author", author);
            params.put("limit", limit == null ? null : limit.toString());
            params.put("after", after);
            return params;
        }
    }

    /** A row with the labels of both ends (name and colour); {@code mine}: the reviewer made it (four-eyes). */
    public record Row(RelationQueueQueries.RelationQueueItem item, LabelView fromLabel, LabelView toLabel, boolean mine) {

        /** "Kyiv —Located in→ Ukraine" (long quotes cut), for the reject dialog and the status line. */
        public String sentence() {
            return Texts.excerpt(item.from().quote()) + " —" + item.typeName() + "→ " + Texts.excerpt(item.to().quote());
        }
    }

    /** What frontend/relationQueue.ts reads from {@code #gloss-data}. */
    record PageData(String csrf, long count, int countLimit) {
    }

    @Inject
    RelationQueueQueries queue;

    @Inject
    ProjectService projects;

    @Inject
    CurrentUser currentUser;

    @Inject
    CsrfTokens csrf;

    @Inject
    ObjectMapper json;

    @GET
    public TemplateInstance page(@QueryParam("project") String project, @QueryParam("article") String article,
            @QueryParam("author") String author, @QueryParam("after") String after, @QueryParam("limit") Integer limit) {
        Form form = new Form(Texts.blankToNull(project), Texts.blankToNull(article), Texts.blankToNull(author), limit);
        List<String> errors = new ArrayList<>();
        Long projectId = ReviewQueuePageResource.id(form.project(), "Project", errors);
        Long articleId = ReviewQueuePageResource.id(form.article(), "Article", errors);
        List<Row> rows = List.of();
        long count = 0;
        String next = null;
        if (errors.isEmpty()) {
            RelationQueueQueries.RelationQueuePage result = queue.page(QueueFilter.of(projectId, null, articleId,
                    form.author(), null), after, limit);
            rows = rows(result.items());
            count = result.count();
            next = result.next();
        }
        PageData data = new PageData(csrf.token(), count, queue.countLimit());
        return Templates.queue(form, projects.visibleProjects(), rows, ReviewQueuePageResource.Tab.shown(count, queue.countLimit()),
                next == null ? null : form.href(next), errors.isEmpty() ? null : String.join(" ", errors),
                ScriptData.of(json, data));
    }

    /** Adds the ends' labels from each project's label set, read once per project. */
    private List<Row> rows(List<RelationQueueQueries.RelationQueueItem> items) {
        Map<Long, Map<String, LabelView>> labelsByProject = new HashMap<>();
        List<Row> rows = new ArrayList<>(items.size());
        for (RelationQueueQueries.RelationQueueItem item : items) {
            Map<String, LabelView> labels = labelsByProject.computeIfAbsent(item.projectId(), id -> {
                Map<String, LabelView> byKey = new HashMap<>();
                LabelView.ofProject(id).forEach(l -> byKey.put(l.key(), l));
                return byKey;
            });
            rows.add(new Row(item, labels.getOrDefault(item.from().label(), LabelView.unknown(item.from().label())),
                    labels.getOrDefault(item.to().label(), LabelView.unknown(item.to().label())),
                    item.relation().author().equals(currentUser.username())));
        }
        return rows;
    }
}
