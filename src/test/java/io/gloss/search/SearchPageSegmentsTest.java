package io.gloss.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A snippet cut at its marks, which count code points: text after an emoji is cut where it should be; facet counts as the page shows them. */
class SearchPageSegmentsTest {

    static SearchPage.Segment plain(String text) {
        return new SearchPage.Segment(text, false);
    }

    static SearchPage.Segment marked(String text) {
        return new SearchPage.Segment(text, true);
    }

    @Test
    void cutsAtCodePointsPastAstralCharacters() {
        String snippet = "🙂 Kyïv <b> KYIV";
        assertEquals(List.of(plain("🙂 "), marked("Kyïv"), plain(" <b> "), marked("KYIV")),
                SearchPage.segments(snippet, List.of(new Snippet.Mark(2, 6), new Snippet.Mark(11, 15))));
    }

    @Test
    void withoutMarksTheSnippetIsOnePlainSegmentAndMarksOutOfPlaceAreLeftUnmarked() {
        assertEquals(List.of(plain("talks resumed")), SearchPage.segments("talks resumed", List.of()));
        assertEquals(List.of(marked("talks"), plain(" resumed")), SearchPage.segments("talks resumed",
                List.of(new Snippet.Mark(0, 5), new Snippet.Mark(3, 8), new Snippet.Mark(9, 40), new Snippet.Mark(7, 7))));
    }

    @Test
    void aResultOpensTheArticleAtItsHit() {
        SearchHit annotation = new SearchHit("annotation", 7, 3, 1, "t", "s", List.of(), 2, 6, "ACTOR", "SUBMITTED", "ed", 1);
        SearchHit inText = new SearchHit("article", 3, 3, 1, "t", "s", List.of(), 10, 14, null, null, null, 1);
        SearchHit inTitle = new SearchHit("article", 3, 3, 1, "t", "t", List.of(), null, null, null, null, null, 1);
        assertEquals("/articles/3#a-7", SearchPage.articleHref(annotation));
        assertEquals("/articles/3#at-10-14", SearchPage.articleHref(inText));
        assertEquals("/articles/3", SearchPage.articleHref(inTitle));
    }

    @Test
    void cappedFacetsReadAsLowerBounds() {
        SearchPage.Filters filters = new SearchPage.Filters("the", 1L, null, null, null, null);
        SearchResults.Facets facets = new SearchResults.Facets(Map.of("CLAIM", 1_234L), Map.of("APPROVED", 7L), Map.of());
        SearchPage capped = SearchPage.of(filters, List.of(), new SearchResults("the", List.of(), facets, true, null, 0));
        assertTrue(capped.facetsCapped());
        assertEquals("1,234+", capped.labels().get(0).shown());
        assertEquals("7+", capped.statuses().get(0).shown());
        assertEquals("1,000", capped.facetLimit());
        SearchPage exact = SearchPage.of(filters, List.of(), new SearchResults("the", List.of(), facets, false, null, 0));
        assertFalse(exact.facetsCapped());
        assertEquals("1,234", exact.labels().get(0).shown());
    }
}
