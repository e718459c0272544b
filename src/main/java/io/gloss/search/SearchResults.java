package io.gloss.search;

import java.util.List;
import java.util.Map;

/**
 * A page of results (api.md): articles first, then annotations, each newest first; {@code next}
 * is the cursor of the page after, null on the last. {@code facets} count every matching
 * annotation by label key, status and author. {@code pending}: rows search does not see yet — on
 * H2 changes the index is still taking in, on PostgreSQL older rows whose words are not folded yet.
 */
public record SearchResults(String q, List<SearchHit> items, Facets facets, String next, long pending) {

    public record Facets(Map<String, Long> label, Map<String, Long> status, Map<String, Long> author) {

        static final Facets NONE = new Facets(Map.of(), Map.of(), Map.of());
    }
}
