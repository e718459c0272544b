package io.gloss.search;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** When an article search on PostgreSQL reads its matches from the index rather than walking the newest articles. */
class PostgresSearchPlanTest {

    @Test
    void fewMatchesAreReadFromTheIndexManyByWalkingTheNewest() {
        // The bench's 50,000 articles, a page of 20 and the row that says more follow.
        assertTrue(PostgresSearch.fromTheIndex(14, 50_000, 21), "a rare word");
        assertTrue(PostgresSearch.fromTheIndex(309, 50_000, 21), "the bench's mid word (26 ms walking, 0.8 ms from the index)");
        assertTrue(PostgresSearch.fromTheIndex(946, 50_000, 21), "946 matches (6.0 ms walking, 2.2 ms from the index)");
        assertFalse(PostgresSearch.fromTheIndex(1_500, 50_000, 21), "past about 1,450 matches the walk is cheaper");
        assertFalse(PostgresSearch.fromTheIndex(31_277, 50_000, 21), "a word in most articles: the first 21 are near the newest");
    }

    @Test
    void theCrossingMovesWithTheTableAndThePage() {
        assertFalse(PostgresSearch.fromTheIndex(946, 5_000, 21), "a tenth of the articles: 106 walked");
        assertTrue(PostgresSearch.fromTheIndex(3_000, 500_000, 21), "at ten times the articles the walk is ten times longer");
        assertTrue(PostgresSearch.fromTheIndex(1_500, 50_000, 101), "a longer page walks further");
        assertTrue(PostgresSearch.fromTheIndex(0, 50_000, 21), "a word in no article: a walk would pass every one");
    }
}
