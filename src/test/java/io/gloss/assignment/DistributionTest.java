package io.gloss.assignment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class DistributionTest {

    private static final List<String> SEVEN = List.of("ana", "ben", "chloe", "dev", "eli", "fay", "gus");

    @Test
    void aThousandArticlesSevenEditorsThreeEachAreSpreadEvenly() {
        List<Long> articles = LongStream.rangeClosed(1, 1000).boxed().toList();
        List<Distribution.Pick> picks = Distribution.distribute(articles, Map.of(), SEVEN, Map.of(), 3);

        assertEquals(3000, picks.size());
        Map<Long, List<String>> byArticle = picks.stream().collect(Collectors.groupingBy(Distribution.Pick::articleId,
                Collectors.mapping(Distribution.Pick::username, Collectors.toList())));
        assertEquals(1000, byArticle.size());
        byArticle.forEach((article, editors) -> assertEquals(3, new HashSet<>(editors).size(),
                "article " + article + " has three distinct editors: " + editors));
        Map<String, Long> loads = loads(picks);
        assertEquals(Set.copyOf(SEVEN), loads.keySet());
        long min = loads.values().stream().mapToLong(Long::longValue).min().orElseThrow();
        long max = loads.values().stream().mapToLong(Long::longValue).max().orElseThrow();
        assertTrue(max - min <= 1, "loads within one of each other: " + loads);

        // Agreement is measured per pair of editors: every pair must come to share articles.
        Set<String> pairs = new HashSet<>();
        byArticle.values().forEach(editors -> editors.forEach(a -> editors.forEach(b -> {
            if (a.compareTo(b) < 0) {
                pairs.add(a + "+" + b);
            }
        })));
        assertEquals(21, pairs.size(), "all 21 pairs of seven editors share articles");
    }

    @Test
    void articlesThatHaveEditorsGetOnlyTheMissingOnesAndNeverTheSameTwice() {
        Map<Long, Set<String>> assignees = new HashMap<>();
        assignees.put(1L, Set.of("ana", "ben"));
        assignees.put(2L, Set.of("ana", "ben", "chloe"));
        List<Distribution.Pick> picks = Distribution.distribute(List.of(1L, 2L, 3L), assignees,
                List.of("ana", "ben", "chloe"), Map.of("ana", 2, "ben", 2, "chloe", 1), 3);

        assertEquals(List.of(new Distribution.Pick(1, "chloe"), new Distribution.Pick(3, "ana"),
                new Distribution.Pick(3, "ben"), new Distribution.Pick(3, "chloe")), picks);
    }

    @Test
    void unevenLoadsEvenOutAndTooFewEditorsFillWhatTheyCan() {
        List<Long> articles = LongStream.rangeClosed(1, 10).boxed().toList();
        List<Distribution.Pick> picks = Distribution.distribute(articles, Map.of(), List.of("ana", "ben", "chloe"),
                Map.of("ana", 6), 1);
        assertEquals(Map.of("ben", 5L, "chloe", 5L), loads(picks), "the busy editor gets nothing until the others catch up");

        List<Distribution.Pick> short_ = Distribution.distribute(List.of(1L, 2L), Map.of(), List.of("ana", "ben"), Map.of(), 3);
        assertEquals(4, short_.size(), "two editors can give each article only two");
    }

    private static Map<String, Long> loads(List<Distribution.Pick> picks) {
        return picks.stream().collect(Collectors.groupingBy(Distribution.Pick::username, Collectors.counting()));
    }
}
