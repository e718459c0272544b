package io.gloss.search;

import io.gloss.annotation.AnnotationStatus;
import io.gloss.assignment.Assignment;
import io.gloss.assignment.AssignmentService;
import io.gloss.auth.CurrentUser;
import io.gloss.db.Database;
import io.gloss.project.Project;
import io.gloss.project.ProjectService;
import io.gloss.web.GlossException;
import io.gloss.web.Texts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Search across the projects a person may see (api.md, "Search and statistics"): articles by title
 * and text, annotations by quote and note, filtered by label, status, author and entity, with
 * facet counts. The matching is the database's ({@link SearchEngine}); the snippets, marks and
 * scores are computed here from the same folded words, so both databases answer alike.
 */
@ApplicationScoped
public class SearchService {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;
    /**
     * The facets count at most this many matching annotations: the count costs a read of each
     * one, and a word in every text matches hundreds of thousands (213,011 for "the" at the
     * bench's full size, 458 ms of PostgreSQL's time on every page). Past it the answer says
     * {@code facetsCapped} and each count is a lower bound; below it the counts are exact.
     */
    public static final int FACET_LIMIT = 1_000;

    @Inject
    CurrentUser currentUser;

    @Inject
    ProjectService projects;

    @Inject
    AssignmentService assignments;

    @Inject
    Database database;

    @Inject
    PostgresSearch postgres;

    @Inject
    LuceneSearch lucene;

    @Inject
    SearchQueries queries;

    /** What was asked: {@code q} and the filters of api.md, {@code after} a previous page's {@code next}. */
    public record Request(String q, Long project, String kind, String label, String status, String author, Long entity,
            String after, Integer limit) {
    }

    public SearchResults search(Request request) {
        SearchQuery query = SearchQuery.parse(request.q());
        int limit = limit(request.limit());
        SearchScope scope = scope(request);
        SearchKind only = SearchKind.parse(request.kind());
        if (scope.filtersAnnotations()) {
            if (only == SearchKind.ARTICLE) {
                throw GlossException.badRequest("kind", "label, status, author and entity filter annotations:"
                        + " leave kind out or ask for kind=annotation.");
            }
            only = SearchKind.ANNOTATION;
        }
        Cursor cursor = Cursor.parse(request.after(), only);
        SearchEngine engine = database.isPostgres() ? postgres : lucene;
        if (scope.isEmpty()) {
            return new SearchResults(request.q(), List.of(), SearchResults.Facets.NONE, false, null, 0);
        }
        List<Long> articles = new ArrayList<>();
        List<Long> annotations = new ArrayList<>();
        String next = null;
        long annotationsBefore = Long.MAX_VALUE;
        if (cursor.kind() == SearchKind.ARTICLE) {
            List<Long> found = engine.find(SearchKind.ARTICLE, query, scope, cursor.before(), limit + 1);
            if (found.size() > limit) {
                articles.addAll(found.subList(0, limit));
                next = Cursor.of(SearchKind.ARTICLE, articles.get(limit - 1));
            } else {
                articles.addAll(found);
            }
        } else {
            annotationsBefore = cursor.before();
        }
        boolean annotationsToo = only != SearchKind.ARTICLE && next == null;
        if (annotationsToo) {
            int room = limit - articles.size();
            List<Long> found = engine.find(SearchKind.ANNOTATION, query, scope, annotationsBefore, room + 1);
            if (found.size() > room) {
                annotations.addAll(found.subList(0, room));
                next = Cursor.of(SearchKind.ANNOTATION, room == 0 ? annotationsBefore : annotations.get(room - 1));
            } else {
                annotations.addAll(found);
            }
        }
        List<SearchHit> items = new ArrayList<>(articleHits(articles, query));
        items.addAll(annotationHits(annotations, query));
        SearchEngine.Facets counts = only == SearchKind.ARTICLE ? null : engine.facets(query, scope, FACET_LIMIT);
        return new SearchResults(request.q(), items, counts == null ? SearchResults.Facets.NONE : facets(counts),
                counts != null && counts.capped(), next, engine.pending());
    }

    private static int limit(Integer requested) {
        if (requested == null) {
            return DEFAULT_LIMIT;
        }
        if (requested < 1 || requested > MAX_LIMIT) {
            throw GlossException.badRequest("limit", "limit must be between 1 and " + MAX_LIMIT + ".");
        }
        return requested;
    }

    /** The projects to look in and what the filters name in them; a project the person may not see is a 404. */
    private SearchScope scope(Request request) {
        List<Project> visible = request.project() == null ? projects.visibleProjects()
                : List.of(projects.require(request.project()));
        Set<Long> ids = visible.stream().map(p -> p.id).collect(Collectors.toCollection(HashSet::new));
        String me = currentUser.username();
        Set<Long> blind = new HashSet<>();
        Set<Long> done = new HashSet<>();
        if (!assignments.seesEveryonesWork()) {
            for (Project project : visible) {
                if (project.blind) {
                    blind.add(project.id);
                    done.addAll(Assignment.doneArticleIds(project.id, me));
                }
            }
        }
        return new SearchScope(ids, blind, me, done, labels(request.label(), ids), status(request.status()),
                blankToNull(request.author()), request.entity());
    }

    /** The ids of the label key in those projects; null for no filter. */
    private Set<Long> labels(String key, Set<Long> projectIds) {
        if (key == null || key.isBlank()) {
            return null;
        }
        if (projectIds.isEmpty()) {
            return Set.of();
        }
        return queries.labelIds(key, projectIds);
    }

    private static String status(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return AnnotationStatus.valueOf(status.strip().toUpperCase(Locale.ROOT)).name();
        } catch (IllegalArgumentException e) {
            throw GlossException.badRequest("status", "status must be one of " + Arrays.toString(AnnotationStatus.values())
                    + ", not \"" + Texts.excerpt(status) + "\".");
        }
    }

    /** An empty parameter or form field is no filter. */
    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private List<SearchHit> articleHits(List<Long> ids, SearchQuery query) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, SearchQueries.ArticleRow> rows = queries.articles(ids);
        List<SearchHit> hits = new ArrayList<>();
        for (long id : ids) {
            SearchQueries.ArticleRow row = rows.get(id);
            if (row == null) {
                continue; // gone since the index answered
            }
            Snippet inText = Snippet.of(row.text(), query);
            Snippet inTitle = Snippet.of(row.title(), query);
            Snippet shown = inText != null ? inText : inTitle;
            hits.add(new SearchHit(SearchKind.ARTICLE.value(), id, id, row.projectId(), row.title(),
                    shown == null ? row.title() : shown.text(), shown == null ? List.of() : shown.marks(),
                    inText == null ? null : inText.start(), inText == null ? null : inText.end(), null, null, null,
                    matches(inText) + matches(inTitle)));
        }
        return hits;
    }

    private List<SearchHit> annotationHits(List<Long> ids, SearchQuery query) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, SearchQueries.AnnotationRow> rows = queries.annotations(ids);
        List<SearchHit> hits = new ArrayList<>();
        for (long id : ids) {
            SearchQueries.AnnotationRow row = rows.get(id);
            if (row == null) {
                continue;
            }
            Snippet inQuote = Snippet.of(row.quote(), query);
            Snippet inNote = row.note() == null ? null : Snippet.of(row.note(), query);
            Snippet shown = inQuote != null ? inQuote : inNote;
            hits.add(new SearchHit(SearchKind.ANNOTATION.value(), id, row.articleId(), row.projectId(), row.title(),
                    shown == null ? row.quote() : shown.text(), shown == null ? List.of() : shown.marks(), row.start(),
                    row.end(), row.label(), row.status(), row.author(), matches(inQuote) + matches(inNote)));
        }
        return hits;
    }

    private static int matches(Snippet snippet) {
        return snippet == null ? 0 : snippet.matches();
    }

    /** Label ids become their keys: the same key in several projects counts once. */
    private SearchResults.Facets facets(SearchEngine.Facets counts) {
        Map<Long, String> keys = queries.labelKeys(counts.labels().keySet());
        Map<String, Long> labels = new LinkedHashMap<>();
        counts.labels().forEach((id, n) -> labels.merge(keys.getOrDefault(id, String.valueOf(id)), n, Long::sum));
        return new SearchResults.Facets(sorted(labels), sorted(counts.statuses()), sorted(counts.authors()));
    }

    /** Most first, then by name: the order a facet list is read in. */
    private static Map<String, Long> sorted(Map<String, Long> counts) {
        Map<String, Long> sorted = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    /** Where a page starts: {@code a<id>} articles below that id, {@code n<id>} annotations below it. */
    private record Cursor(SearchKind kind, long before) {

        static String of(SearchKind kind, long before) {
            return (kind == SearchKind.ARTICLE ? "a" : "n") + before;
        }

        static Cursor parse(String after, SearchKind only) {
            SearchKind first = only == null ? SearchKind.ARTICLE : only;
            if (after == null || after.isBlank()) {
                return new Cursor(first, Long.MAX_VALUE);
            }
            try {
                SearchKind kind = after.charAt(0) == 'a' ? SearchKind.ARTICLE : after.charAt(0) == 'n' ? SearchKind.ANNOTATION : null;
                long before = Long.parseLong(after.substring(1));
                if (kind != null && (only == null || only == kind)) {
                    return new Cursor(kind, before);
                }
            } catch (NumberFormatException e) {
                // the 400 below
            }
            throw GlossException.badRequest("after", "after must be the \"next\" of a previous page of the same search.");
        }
    }
}
