package io.gloss.search;

import io.gloss.project.Project;
import io.gloss.web.Links;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the search page shows, worked out in Java so that the template only prints text: each
 * snippet as segments (marked or not, escaped by Qute like any text), each facet entry and each
 * active filter as a link that keeps the other filters.
 */
public record SearchPage(Filters filters, List<Project> projects, List<Result> results, List<Facet> labels,
        List<Facet> statuses, List<Facet> authors, boolean facetsCapped, List<Active> active, String nextHref, long pending,
        String error) {

    /** The page's query string: every filter a link keeps; null for none. */
    public record Filters(String q, Long project, String kind, String label, String status, String author) {

        /** The search page with these filters and one changed ({@code null} removes it). */
        String href(String key, String value) {
            Map<String, String> params = new LinkedHashMap<>();
            params.put("q", q);
            params.put("project", project == null ? null : project.toString());
            params.put("kind", kind);
            params.put("label", label);
            params.put("status", status);
            params.put("author", author);
            params.put(key, value);
            return Links.withQuery("/search", params);
        }

        public boolean asked() {
            return q != null && !q.isBlank();
        }
    }

    /** A run of a snippet: {@code marked} where the query matched. */
    public record Segment(String text, boolean marked) {
    }

    /** One hit, its snippet cut into segments, {@code href} the article opened at the hit. */
    public record Result(SearchHit hit, String projectName, List<Segment> segments, String href) {

        public boolean annotation() {
            return SearchKind.ANNOTATION.value().equals(hit.kind());
        }

        /** As the facet names it: "approved", not APPROVED. */
        public String status() {
            return hit.status() == null ? null : hit.status().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * A facet entry: its value, as shown; the filter it adds (or, when {@code active}, already
     * there); how many annotations it keeps, {@code atLeast} when the facets were capped.
     */
    public record Facet(String value, String name, long count, boolean atLeast, String href, boolean active) {

        /** "1,234", or "1,234+" where more may match. */
        public String shown() {
            return thousands(count) + (atLeast ? "+" : "");
        }
    }

    /** How many matching annotations the facets count at most, as the page says it: "1,000". */
    public String facetLimit() {
        return thousands(SearchService.FACET_LIMIT);
    }

    private static String thousands(long n) {
        return String.format(Locale.ENGLISH, "%,d", n);
    }

    /** A filter in force and the link without it. */
    public record Active(String name, String value, String removeHref) {
    }

    /** The page before any search (no {@code q}), or after a refused one ({@code error}). */
    static SearchPage without(Filters filters, List<Project> projects, String error) {
        return new SearchPage(filters, projects, List.of(), List.of(), List.of(), List.of(), false, active(filters, projects), null,
                0, error);
    }

    static SearchPage of(Filters filters, List<Project> projects, SearchResults found) {
        Map<Long, String> names = new LinkedHashMap<>();
        projects.forEach(p -> names.put(p.id, p.name));
        List<Result> results = found.items().stream()
                .map(hit -> new Result(hit, names.get(hit.projectId()), segments(hit.snippet(), hit.marks()), articleHref(hit)))
                .toList();
        boolean capped = found.facetsCapped();
        return new SearchPage(filters, projects, results, facets(filters, "label", filters.label(), found.facets().label(), false, capped),
                facets(filters, "status", filters.status(), found.facets().status(), true, capped),
                facets(filters, "author", filters.author(), found.facets().author(), false, capped), capped,
                active(filters, projects), found.next() == null ? null : filters.href("after", found.next()), found.pending(), null);
    }

    /** The snippet cut at its marks (code points of the snippet), in order; a mark out of place is left unmarked. */
    static List<Segment> segments(String snippet, List<Snippet.Mark> marks) {
        List<Segment> segments = new ArrayList<>();
        int length = snippet.codePointCount(0, snippet.length());
        int at = 0;
        for (Snippet.Mark mark : marks) {
            if (mark.start() < at || mark.end() <= mark.start() || mark.end() > length) {
                continue;
            }
            if (mark.start() > at) {
                segments.add(new Segment(slice(snippet, at, mark.start()), false));
            }
            segments.add(new Segment(slice(snippet, mark.start(), mark.end()), true));
            at = mark.end();
        }
        if (at < length) {
            segments.add(new Segment(slice(snippet, at, length), false));
        }
        return segments;
    }

    private static String slice(String text, int from, int to) {
        return text.substring(text.offsetByCodePoints(0, from), text.offsetByCodePoints(0, to));
    }

    /**
     * The article page at the hit: {@code #a-<id>} selects an annotation, {@code #at-<start>-<end>}
     * selects code points of the text (annotate.ts reads both); a hit only in the title opens the top.
     */
    static String articleHref(SearchHit hit) {
        String article = "/articles/" + hit.articleId();
        if (SearchKind.ANNOTATION.value().equals(hit.kind())) {
            return article + "#a-" + hit.id();
        }
        return hit.start() == null ? article : article + "#at-" + hit.start() + "-" + hit.end();
    }

    /** {@code lowerCase}: statuses read "approved", as on the rest of the page; label keys and usernames stay as they are. */
    private static List<Facet> facets(Filters filters, String key, String chosen, Map<String, Long> counts, boolean lowerCase,
            boolean capped) {
        return counts.entrySet().stream().map(e -> new Facet(e.getKey(), lowerCase ? e.getKey().toLowerCase(Locale.ROOT) : e.getKey(),
                e.getValue(), capped, filters.href(key, e.getKey()), e.getKey().equalsIgnoreCase(chosen == null ? "" : chosen))).toList();
    }

    private static List<Active> active(Filters filters, List<Project> projects) {
        List<Active> active = new ArrayList<>();
        if (filters.project() != null) {
            String name = projects.stream().filter(p -> p.id.equals(filters.project())).map(p -> p.name).findFirst()
                    .orElse("#" + filters.project());
            active.add(new Active("Project", name, filters.href("project", null)));
        }
        add(active, "Kind", filters.kind(), filters.href("kind", null));
        add(active, "Label", filters.label(), filters.href("label", null));
        add(active, "Status", filters.status(), filters.href("status", null));
        add(active, "Author", filters.author(), filters.href("author", null));
        return active;
    }

    private static void add(List<Active> active, String name, String value, String removeHref) {
        if (value != null && !value.isBlank()) {
            active.add(new Active(name, value, removeHref));
        }
    }
}
