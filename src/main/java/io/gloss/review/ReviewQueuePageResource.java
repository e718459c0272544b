package io.gloss.review;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gloss.annotation.AnnotationStatus;
import io.gloss.article.ArticleQueries;
import io.gloss.article.ArticleTitle;
import io.gloss.audit.AuditService;
import io.gloss.auth.CsrfTokens;
import io.gloss.auth.CurrentUser;
import io.gloss.auth.Role;
import io.gloss.project.LabelView;
import io.gloss.project.Project;
import io.gloss.project.ProjectService;
import io.gloss.web.Links;
import io.gloss.web.ScriptData;
import io.gloss.web.Texts;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.inject.Instance;
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
import java.util.Locale;
import java.util.Map;

/**
 * The review queue page: the same rows, filters, counts and cursor as {@code GET /api/review/queue}
 * (both call {@link ReviewQueueQueries#page}), rendered on the server; frontend/review.ts adds the
 * keyboard and sends decisions to the JSON API.
 */
@Path("/review")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.REVIEWER)
public class ReviewQueuePageResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance queue(QueueForm form, List<Project> projects, Choices choices, List<Tab> tabs,
                List<Row> rows, String nextHref, String error, boolean canDecide, RelationsLink relations, RawString data);
    }

    /**
     * The filters as typed. Ids stay strings so that a mistyped one is shown back in the form with
     * a sentence, instead of the framework's bare 404 for an unparsable number.
     */
    public record QueueForm(String project, String label, String article, String author, AnnotationStatus status,
            Integer limit) {

        public boolean filtered() {
            return project != null || label != null || article != null || author != null;
        }

        /** "approved", for sentences. */
        public String statusWord() {
            return status.name().toLowerCase(Locale.ROOT);
        }

        public boolean isProject(Long id) {
            return id != null && id.toString().equals(project);
        }

        public boolean isLabel(String key) {
            return key.equalsIgnoreCase(label);
        }

        /** {@code /review?...} with these filters, the given status and, when not null, a cursor. */
        public String href(AnnotationStatus newStatus, String after) {
            return href(article, newStatus, after);
        }

        /** These filters with one article picked by id (a title typed matched several). */
        public String withArticle(long id) {
            return href(String.valueOf(id), status, null);
        }

        private String href(String articleFilter, AnnotationStatus newStatus, String after) {
            Map<String, String> params = new LinkedHashMap<>();
            params.put("project", project);
            params.put("label", label);
            params.put("article", articleFilter);
            params.put("author", author);
            params.put("status", newStatus.name());
            params.put("limit", limit == null ? null : limit.toString());
            params.put("after", after);
            return Links.withQuery("/review", params);
        }
    }

    /**
     * What the filters offer: the labels of the chosen project (of every visible one without),
     * the latest article titles for the article box, and the articles a title typed matches when it
     * names more than one.
     */
    public record Choices(List<LabelView> labels, List<ArticleTitle> articles, List<ArticleTitle> ambiguous) {
    }

    /** How many titles the article box offers, and how many matches of a typed title are listed. */
    static final int ARTICLE_CHOICES = 200;
    static final int AMBIGUOUS_SHOWN = 10;

    /** A status link of the header: its count under the current filters ("10,000+" past the count limit). */
    public record Tab(AnnotationStatus status, String name, long count, int countLimit, String href, boolean current) {
        public String shown() {
            return shown(count, countLimit);
        }

        /** A count as the header shows it: "10,000+" at the limit (the relations' queue shows its count so too). */
        public static String shown(long count, int countLimit) {
            return count >= countLimit ? String.format("%,d+", count) : String.valueOf(count);
        }
    }

    /**
     * The header's link to the relations waiting for review under the same filters (the label
     * filter aside), with their count; absent without a {@link PendingRelations} bean.
     */
    public record RelationsLink(String href, long count, int countLimit) {
        public String shown() {
            return Tab.shown(count, countLimit);
        }
    }

    /** A queue row with its label's name and colour; {@code mine}: the reviewer is its author (four-eyes). */
    public record Row(ReviewQueueQueries.QueueItem item, LabelView label, boolean mine) {
    }

    /**
     * The most project event streams the page opens. A browser keeps at most six connections to
     * one host over HTTP/1.1 and an event stream holds one for as long as the page is open, so more
     * would leave the page's own requests (and other Gloss tabs) waiting.
     */
    static final int LIVE_PROJECTS_MAX = 3;

    /**
     * What frontend/review.ts reads from {@code #gloss-data}; {@code labels}: the label set of each
     * project that has a row on the page, in the project's order, for the label chooser ({@code e}).
     * {@code cursors}: where each followed project's event stream starts (read before the rows, so
     * that a change in between is replayed, not lost); null when the queue spans more than
     * {@link #LIVE_PROJECTS_MAX} projects. {@code more}: a next page exists, so new rows belong there.
     */
    record PageData(String csrf, String username, AnnotationStatus status, boolean canDecide,
            Map<AnnotationStatus, Long> counts, int countLimit, Map<Long, List<LabelView>> labels, Filter filter,
            Map<Long, String> cursors, boolean more) {
    }

    /** The filters the rows were read with, as the queue compares them (the label key in capitals). */
    record Filter(Long project, String label, Long article, String author) {
    }

    @Inject
    ReviewQueueQueries queue;

    @Inject
    ProjectService projects;

    @Inject
    CurrentUser currentUser;

    @Inject
    CsrfTokens csrf;

    @Inject
    ObjectMapper json;

    @Inject
    AuditService audit;

    @Inject
    ArticleQueries articleQueries;

    @Inject
    Instance<PendingRelations> pendingRelations;

    @GET
    public TemplateInstance page(@QueryParam("project") String project, @QueryParam("label") String label,
            @QueryParam("article") String article, @QueryParam("author") String author,
            @QueryParam("status") String status, @QueryParam("after") String after, @QueryParam("limit") Integer limit) {
        // Parses and checks the status the way the API does (a 400 with a sentence when unknown).
        ReviewQueueQueries.QueueFilter parsed = ReviewQueueQueries.QueueFilter.of(null, label, null, author, status);
        QueueForm form = new QueueForm(Texts.blankToNull(project), parsed.label(), Texts.blankToNull(article), parsed.author(),
                parsed.status(), limit);
        List<String> errors = new ArrayList<>();
        Long projectId = id(form.project(), "Project", errors);
        List<Project> visible = projects.visibleProjects();
        List<Long> searched = visible.stream().map(p -> p.id).filter(id -> projectId == null || id.equals(projectId)).toList();
        List<ArticleTitle> ambiguous = new ArrayList<>();
        Long articleId = article(form.article(), searched, errors, ambiguous);

        List<Row> rows = List.of();
        Map<Long, List<LabelView>> labels = Map.of();
        String next = null;
        Map<AnnotationStatus, Long> counts = new LinkedHashMap<>();
        for (AnnotationStatus s : AnnotationStatus.REVIEW) {
            counts.put(s, 0L);
        }
        Map<Long, String> cursors = Map.of();
        RelationsLink relations = null;
        if (errors.isEmpty()) {
            relations = relationsLink(form, projectId, articleId, parsed.author());
            cursors = cursors(projectId, visible);
            ReviewQueueQueries.QueuePage result = queue.page(new ReviewQueueQueries.QueueFilter(projectId,
                    parsed.label(), articleId, parsed.author(), parsed.status()), after, limit);
            labels = labelSets(result.items());
            rows = rows(result.items(), labels);
            next = result.next();
            counts.putAll(result.counts());
        }
        List<Tab> tabs = new ArrayList<>();
        for (AnnotationStatus s : AnnotationStatus.REVIEW) {
            tabs.add(new Tab(s, name(s), counts.get(s), queue.countLimit(), form.href(s, null), s == form.status()));
        }
        // Only a submitted annotation can be decided on; other statuses are lists to look at.
        boolean canDecide = form.status() == AnnotationStatus.SUBMITTED;
        Filter filter = new Filter(projectId, parsed.label() == null ? null : parsed.label().toUpperCase(Locale.ROOT),
                articleId, parsed.author());
        PageData data = new PageData(csrf.token(), currentUser.username(), form.status(), canDecide, counts,
                queue.countLimit(), labels, filter, cursors, next != null);
        Choices choices = new Choices(labelChoices(searched, parsed.label()),
                articleQueries.titled(searched, null, ARTICLE_CHOICES), ambiguous);
        return Templates.queue(form, visible, choices, tabs, rows,
                next == null ? null : form.href(form.status(), next), errors.isEmpty() ? null : String.join(" ", errors),
                canDecide, relations, ScriptData.of(json, data));
    }

    private RelationsLink relationsLink(QueueForm form, Long projectId, Long articleId, String author) {
        if (!pendingRelations.isResolvable()) {
            return null;
        }
        long count = pendingRelations.get().count(new ReviewQueueQueries.QueueFilter(projectId, null, articleId, author,
                AnnotationStatus.SUBMITTED), queue.countLimit());
        Map<String, String> params = new LinkedHashMap<>();
        params.put("project", form.project());
        params.put("article", articleId == null ? null : articleId.toString());
        params.put("author", author);
        return new RelationsLink(Links.withQuery("/review/relations", params), count, queue.countLimit());
    }

    /**
     * The latest change cursor of each project the queue shows (the filtered one, or every visible
     * one); null when they are too many to follow.
     */
    private Map<Long, String> cursors(Long projectId, List<Project> visible) {
        List<Long> shown = visible.stream().map(p -> p.id).filter(id -> projectId == null || id.equals(projectId)).toList();
        if (shown.size() > LIVE_PROJECTS_MAX) {
            return null;
        }
        Map<Long, String> cursors = new LinkedHashMap<>();
        shown.forEach(id -> cursors.put(id, String.valueOf(audit.latestCursor(id))));
        return cursors;
    }

    /** The label set of each project on the page, read once per project. */
    private static Map<Long, List<LabelView>> labelSets(List<ReviewQueueQueries.QueueItem> items) {
        Map<Long, List<LabelView>> sets = new LinkedHashMap<>();
        for (ReviewQueueQueries.QueueItem item : items) {
            sets.computeIfAbsent(item.projectId(), id -> LabelView.ofProject(id));
        }
        return sets;
    }

    /** Adds each row's label (name and colour) from its project's label set. */
    private List<Row> rows(List<ReviewQueueQueries.QueueItem> items, Map<Long, List<LabelView>> labelSets) {
        Map<Long, Map<String, LabelView>> labelsByProject = new HashMap<>();
        List<Row> rows = new ArrayList<>(items.size());
        for (ReviewQueueQueries.QueueItem item : items) {
            Map<String, LabelView> labels = labelsByProject.computeIfAbsent(item.projectId(), id -> {
                Map<String, LabelView> byKey = new HashMap<>();
                labelSets.get(id).forEach(l -> byKey.put(l.key(), l));
                return byKey;
            });
            String key = item.annotation().label();
            LabelView label = labels.getOrDefault(key, LabelView.unknown(key));
            rows.add(new Row(item, label, item.annotation().author().equals(currentUser.username())));
        }
        return rows;
    }

    /** The labels of these projects, once per key in the first project's order; a filtered key nobody has stays offered. */
    private static List<LabelView> labelChoices(List<Long> projectIds, String filtered) {
        Map<String, LabelView> byKey = new LinkedHashMap<>();
        projectIds.forEach(id -> LabelView.ofProject(id).forEach(l -> byKey.putIfAbsent(l.key(), l)));
        if (filtered != null && byKey.keySet().stream().noneMatch(filtered::equalsIgnoreCase)) {
            byKey.put(filtered, LabelView.unknown(filtered));
        }
        return List.copyOf(byKey.values());
    }

    /**
     * The article filter as typed: an id, or words of a title. A title must name one article (its
     * exact title, or the only one containing the words); otherwise the sentence says so and the
     * matches are offered.
     */
    private Long article(String typed, List<Long> projectIds, List<String> errors, List<ArticleTitle> ambiguous) {
        if (typed == null) {
            return null;
        }
        if (typed.strip().matches("\\d{1,18}")) {
            return Long.valueOf(typed.strip());
        }
        List<ArticleTitle> matches = articleQueries.titled(projectIds, typed, AMBIGUOUS_SHOWN + 1);
        List<ArticleTitle> exact = matches.stream().filter(a -> a.title().equalsIgnoreCase(typed.strip())).toList();
        if (exact.size() == 1 || matches.size() == 1) {
            return (exact.size() == 1 ? exact : matches).get(0).id();
        }
        if (matches.isEmpty()) {
            errors.add("No article title contains “" + typed.strip() + "”.");
        } else {
            errors.add("“" + typed.strip() + "” is in the titles of " + (matches.size() > AMBIGUOUS_SHOWN ? "more than "
                    + AMBIGUOUS_SHOWN : matches.size()) + " articles: pick one.");
            ambiguous.addAll(matches.subList(0, Math.min(AMBIGUOUS_SHOWN, matches.size())));
        }
        return null;
    }

    static String name(AnnotationStatus status) {
        String lower = status.name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }

    /** A typed id filter, or null (blank, or not a number: then the sentence goes to {@code errors}); the relations' queue reads its filters so too. */
    public static Long id(String value, String field, List<String> errors) {
        if (value == null) {
            return null;
        }
        try {
            return Long.valueOf(value);
        } catch (NumberFormatException e) {
            errors.add(field + " must be a number, e.g. 12; “" + value + "” is not.");
            return null;
        }
    }
}
