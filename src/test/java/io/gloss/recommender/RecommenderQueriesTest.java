package io.gloss.recommender;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which approved articles a training reads: the newest, up to a number of characters. */
class RecommenderQueriesTest {

    static final Map<Long, Integer> LENGTHS = Map.of(3L, 400, 5L, 300, 8L, 200, 9L, 100);

    @Test
    void theNewestArticlesUpToTheCharacters() {
        assertEquals(List.of(3L, 5L, 8L, 9L), RecommenderQueries.newestWithin(List.of(3L, 5L, 8L, 9L), LENGTHS, 1_000));
        assertEquals(List.of(5L, 8L, 9L), RecommenderQueries.newestWithin(List.of(3L, 5L, 8L, 9L), LENGTHS, 999));
        assertEquals(List.of(8L, 9L), RecommenderQueries.newestWithin(List.of(3L, 5L, 8L, 9L), LENGTHS, 599));
    }

    @Test
    void theNewestAlwaysEvenWhenLongerThanAllowed() {
        assertEquals(List.of(9L), RecommenderQueries.newestWithin(List.of(3L, 5L, 8L, 9L), LENGTHS, 1));
        assertEquals(List.of(), RecommenderQueries.newestWithin(List.of(), LENGTHS, 1));
    }
}
