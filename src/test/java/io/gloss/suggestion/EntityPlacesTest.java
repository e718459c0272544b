package io.gloss.suggestion;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gloss.suggestion.EntityPlaces.Name;
import io.gloss.suggestion.EntityPlaces.Place;
import io.gloss.text.CodePointText;
import java.util.List;
import org.junit.jupiter.api.Test;

class EntityPlacesTest {

    @Test
    void longerNamesTakeTheirPlaceAndShorterOnesTheRest() {
        String text = "Volodymyr Zelensky met reporters. Zelensky said 😀 Zelenskyy and Kyiv, not Kyivstar.";
        List<Place> places = EntityPlaces.in(new CodePointText(text), List.of(
                new Name(1, "ACTOR", "Zelensky"), new Name(1, "ACTOR", "Volodymyr Zelensky"),
                new Name(1, "ACTOR", "Zelenskyy"), new Name(2, "LOCATION", "Kyiv")));
        CodePointText cp = new CodePointText(text);
        assertEquals(List.of("Volodymyr Zelensky", "Zelensky", "Zelenskyy", "Kyiv"),
                places.stream().map(p -> cp.slice(p.start(), p.end())).toList());
        assertEquals(List.of(1L, 1L, 1L, 2L), places.stream().map(Place::entityId).toList());
        // Code points: the emoji before "Zelenskyy" counts once.
        Place zelenskyy = places.get(2);
        assertEquals(text.codePointCount(0, text.indexOf("Zelenskyy")), zelenskyy.start());
        assertEquals("Zelenskyy", zelenskyy.quote());
    }

    @Test
    void aNameTwoEntitiesShareGoesToTheOlderOneButEachLabelHasItsOwnPlaces() {
        String text = "Washington answered from Washington.";
        List<Place> places = EntityPlaces.in(new CodePointText(text), List.of(
                new Name(9, "ACTOR", "Washington"), new Name(4, "ACTOR", "Washington"), new Name(5, "LOCATION", "Washington")));
        assertEquals(4, places.size());
        assertEquals(List.of(4L, 5L, 4L, 5L), places.stream().map(Place::entityId).toList());
    }
}
