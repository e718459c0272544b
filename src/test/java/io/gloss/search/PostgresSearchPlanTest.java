package io.gloss.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * When a search on PostgreSQL reads its matches from the GIN index: an article search rather than
 * walking the newest articles, a filtered search's facets rather than the filters' rows.
 */
class PostgresSearchPlanTest {

    /** At the bench's 50,000 articles and a page of 20 (plus the row that says more follow) unless said. */
    @ParameterizedTest(name = "{4}")
    @CsvSource(delimiter = '|', textBlock = """
            14     | 50000  | 21  | true  | a rare word
            309    | 50000  | 21  | true  | the bench's mid word (26 ms walking, 0.8 ms from the index)
            946    | 50000  | 21  | true  | 946 matches (6.0 ms walking, 2.2 ms from the index)
            1500   | 50000  | 21  | false | past about 1,450 matches the walk is cheaper
            31277  | 50000  | 21  | false | a word in most articles: the first 21 are near the newest
            0      | 50000  | 21  | true  | a word in no article: a walk would pass every one
            946    | 5000   | 21  | false | a tenth of the articles: 106 walked
            3000   | 500000 | 21  | true  | at ten times the articles the walk is ten times longer
            1500   | 50000  | 101 | true  | a longer page walks further
            """)
    void fewMatchesAreReadFromTheIndexManyByWalkingTheNewest(double matches, double articles, int limit, boolean fromTheIndex,
            String what) {
        assertEquals(fromTheIndex, PostgresSearch.fromTheIndex(matches, articles, limit), what);
    }

    /** PostgreSQL's guesses at the bench's million spans, filtered by label CLAIM and status APPROVED, facets of 1,000 unless said. */
    @ParameterizedTest(name = "{5}")
    @CsvSource(delimiter = '|', textBlock = """
            57778  | 100144 | 5780  | 1001 | true  | military: 17,343 filtered rows walked (the sequential read PostgreSQL picked once: 35.7 ms) against the GIN index (18.2 ms)
            212829 | 100144 | 21292 | 1001 | false | the: 4,708 filtered rows walked (18.5 ms) against every match from the GIN index (45 ms)
            12     | 100144 | 1     | 1001 | true  | a rare word: a dozen matches
            57778  | 40     | 3     | 1001 | false | a filter of forty rows (an entity): they are all read, fewer than the word's matches
            57778  | 100144 | 5780  | 101  | false | a cap of 100 walks a tenth as far
            """)
    void aFilteredSearchCountsItsFacetsFromTheWordsMatchesUnlessTheFilterFindsThemSooner(double wordMatches, double filteredRows,
            double bothMatch, int wanted, boolean wordFirst, String what) {
        assertEquals(wordFirst, PostgresSearch.wordFirst(wordMatches, filteredRows, bothMatch, wanted), what);
    }
}
