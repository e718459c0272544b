package io.gloss.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gloss.search.SearchQuery.Clause;
import io.gloss.text.SearchTokens;
import io.gloss.web.GlossException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SearchQueryTest {

    @Test
    void parsesWordsPhrasesAndPrefixes() {
        SearchQuery query = SearchQuery.parse("Zelénskyy \"talks RESUMED\" pyong* Russia-Ukraine \"the talks resu*\"");
        assertEquals(List.of(new Clause(List.of("zelenskyy"), false), new Clause(List.of("talks", "resumed"), false),
                new Clause(List.of("pyong"), true), new Clause(List.of("russia", "ukraine"), false),
                new Clause(List.of("the", "talks", "resu"), true)), query.clauses());
        assertEquals("'zelenskyy' & ('talks' <-> 'resumed') & 'pyong':* & ('russia' <-> 'ukraine')"
                + " & ('the' <-> 'talks' <-> 'resu':*)", query.toTsQuery());
    }

    @Test
    void anUnclosedQuoteRunsToTheEnd() {
        assertEquals(List.of(new Clause(List.of("north", "korean"), false)), SearchQuery.parse("\"North Korean").clauses());
    }

    @Test
    void refusesWhatHoldsNoWordOrTooShortAPrefix() {
        assertThrows(GlossException.class, () -> SearchQuery.parse(" "));
        assertThrows(GlossException.class, () -> SearchQuery.parse("— “” *"));
        GlossException prefix = assertThrows(GlossException.class, () -> SearchQuery.parse("k*"));
        assertTrue(prefix.getMessage().contains("at least 2"), prefix.getMessage());
        assertThrows(GlossException.class, () -> SearchQuery.parse("a b c d e f g h i j k l m n o p q"));
    }

    @Test
    void findsWhereItMatchesInOrder() {
        SearchQuery query = SearchQuery.parse("\"talks resumed\" kyi*");
        List<String> tokens = SearchTokens.tokens("Kyiv said the talks resumed; talks stalled; KYÏV").stream()
                .map(SearchTokens.Token::word).toList();
        List<int[]> hits = query.hits(tokens);
        assertEquals(3, hits.size());
        assertEquals(List.of(0, 0), List.of(hits.get(0)[0], hits.get(0)[1]));
        assertEquals(List.of(3, 4), List.of(hits.get(1)[0], hits.get(1)[1]));
        assertEquals(List.of(7, 7), List.of(hits.get(2)[0], hits.get(2)[1]));
        assertTrue(SearchQuery.parse("\"stalled talks\"").hits(tokens).isEmpty());
        assertEquals(1, SearchQuery.parse("\"resumed talks\"").hits(tokens).size(), "punctuation between words does not break a phrase");
    }

    @Test
    void aWordNoClauseMentionsIsLeftOutAndBreaksAPhrase() {
        SearchQuery query = SearchQuery.parse("\"talks resumed\" kyi*");
        assertTrue(query.mentions("talks"));
        assertTrue(query.mentions("kyiv"));
        assertFalse(query.mentions("kyi".substring(0, 2)), "shorter than the prefix");
        assertFalse(query.mentions("said"));
        List<String> words = Arrays.asList("kyiv", null, "talks", "resumed", "talks", null, "kyiv");
        List<int[]> hits = query.hits(words);
        assertEquals(List.of(0, 2, 6), hits.stream().map(h -> h[0]).toList());
        assertEquals(3, hits.get(1)[1]);
        assertTrue(query.hits(Arrays.asList("talks", null, "resumed")).isEmpty());
    }
}
