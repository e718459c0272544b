package io.gloss.search;

import java.util.List;
import java.util.Map;

/**
 * A page of results (api.md): articles first, then annotations, each newest first; {@code next}
 * is the cursor of the page after, null on the last. {@code facets} count the matching
 * annotations by label key, status and author: all of them, or when more than
 * {@link SearchService#FACET_LIMIT} match ({@code facetsCapped}) the first that many the
 * database reads, so that each count is "at least". {@code pending}: rows search does not see
 * yet — on H2 changes the index is still taking in, on PostgreSQL older rows whose words are not
 * folded yet.
 */
public record SearchResults(String q, List<SearchHit> items, Facets facets, boolean facetsCapped, String next, long pending) {

    public record Facets(Map<String, Long> label, Map<String, Long> status, Map<String, Long> author) {

        static final Facets NONE = new Facets(Map.of(), Map.of(), Map.of());
    }
}
