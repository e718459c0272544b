package io.gloss.search;

import java.util.List;
import java.util.Map;

/**
 * The database's half of search: which rows match, newest first, and the facet counts. PostgreSQL
 * answers with its own full-text search ({@link PostgresSearch}), the embedded H2 default with a
 * Lucene index ({@link LuceneSearch}); both read the same folded words, so they find the same rows.
 */
interface SearchEngine {

    /**
     * Counts of the matching annotations by label id, status and author, over at most the first
     * {@code limit} matches the engine reads; {@code capped} when more match, so that each count
     * is a lower bound.
     */
    record Facets(Map<Long, Long> labels, Map<String, Long> statuses, Map<String, Long> authors, boolean capped) {
    }

    /** Up to {@code limit} matching ids of {@code kind} below {@code before}, highest first. */
    List<Long> find(SearchKind kind, SearchQuery query, SearchScope scope, long before, int limit);

    Facets facets(SearchQuery query, SearchScope scope, int limit);

    /** Changes written but not searchable yet (the index is catching up); 0 when none. */
    long pending();
}
