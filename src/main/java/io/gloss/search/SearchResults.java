package io.gloss.search;

import java.util.List;
import java.util.Map;

/**
 * A page of results (api.md): articles first, then annotations, each newest first; {@code next}
 * is the cursor of the page after, null on the last. {@code facets} count every matching
 * annotation by label key, status and author. {@code pending}: changes written a moment ago that
 * search does not see yet (the index is catching up; always 0 on PostgreSQL).
 */
public record SearchResults(String q, List<SearchHit> items, Facets facets, String next, long pending) {

    public record Facets(Map<String, Long> label, Map<String, Long> status, Map<String, Long> author) {

        static final Facets NONE = new Facets(Map.of(), Map.of(), Map.of());
    }
}
