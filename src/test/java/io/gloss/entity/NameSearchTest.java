package io.gloss.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NameSearchTest {

    /** Entities by their names and aliases, as a project would hold them. */
    static final Map<String, List<String>> ENTITIES = Map.of(
            "Volodymyr Zelensky", List.of("Volodymyr Zelensky", "Зеленський"),
            "Vladimir Putin", List.of("Vladimir Putin", "Putin"),
            "Zelenograd", List.of("Zelenograd"),
            "Kursk", List.of("Kursk", "Kursk region"),
            "Kyiv", List.of("Kyiv", "Kiev"),
            "Łódź", List.of("Łódź"));

    static List<String> search(String q) {
        List<String> names = ENTITIES.keySet().stream().sorted().toList();
        return NameSearch.rank(q, names, ENTITIES::get);
    }

    @Test
    void foldsCaseAccentsAndPunctuation() {
        assertEquals("volodymyr zelensky", NameSearch.fold("  Volodymyr\u00a0ZÉLENSKY "));
        assertEquals("cafe creme", NameSearch.fold("Café-Crème"));
        assertEquals("kursk region", NameSearch.fold("Kursk  region,"));
    }

    @Test
    void theThreeSpellingsOfZelenskyFindHim() {
        for (String spelling : List.of("Zelensky", "Zelenskyy", "Zelenskiy", "zelenskiy", "ZELENSKYY", "Zelenksy")) {
            List<String> found = search(spelling);
            assertEquals("Volodymyr Zelensky", found.isEmpty() ? null : found.get(0), spelling + " → " + found);
        }
        assertEquals(List.of("Volodymyr Zelensky"), search("volodymir zelenskiy"));
    }

    @Test
    void exactThenPrefixThenContainsThenNear() {
        assertEquals("Kursk", search("kursk").get(0));
        assertEquals(List.of("Zelenograd", "Volodymyr Zelensky"), search("zelen"), "prefix of the name before prefix of a word");
        assertEquals(List.of("Kursk"), search("rsk"), "contained");
        assertEquals(List.of("Kyiv"), search("kiev"), "an alias");
        assertEquals(List.of("Łódź"), search("lodz"), "accents ignored");
        assertTrue(search("Zelenskiy").indexOf("Zelenograd") < 0, "too far to be a near spelling");
    }

    @Test
    void shortWordsMustBeRightAndNothingMatchesNothing() {
        assertEquals(List.of(), search("kyv"));
        assertEquals(List.of(), search("   "));
        assertEquals(List.of(), search("Biden"));
    }

    @Test
    void distanceCountsASwapAsOneEdit() {
        assertEquals(1, NameSearch.distance("zelenksy", "zelensky"));
        assertEquals(1, NameSearch.distance("zelenskiy", "zelensky"));
        assertEquals(1, NameSearch.distance("zelenskiy", "zelenskyy"));
        assertEquals(3, NameSearch.distance("kitten", "sitting"));
        assertEquals(0, NameSearch.distance("", ""));
        assertEquals(2, NameSearch.allowedEdits("zelensky"));
    }
}
