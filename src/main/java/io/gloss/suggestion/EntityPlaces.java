package io.gloss.suggestion;

import io.gloss.text.CodePointText;
import io.gloss.text.Occurrences;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where a project's entity names and aliases occur in an article (plain Java): whole words, exact
 * case, as {@link Occurrences} finds them. Longer names are placed first and a shorter one is not
 * proposed inside a place already taken for that label, so "Volodymyr Zelensky" is one place, not
 * that and "Zelensky" inside it; of two entities sharing a name, the older one takes it.
 */
final class EntityPlaces {

    /** A name of an entity: its own or an alias; {@code label} is the key of the label its spans take. */
    record Name(long entityId, String label, String name) {
    }

    /** A place to propose: {@code text[start:end]} in code points, linking to the entity. */
    record Place(long entityId, String label, int start, int end, String quote) {
    }

    private EntityPlaces() {
    }

    /** The places of these names in the text, in text order. */
    static List<Place> in(CodePointText text, List<Name> names) {
        List<Name> longestFirst = new ArrayList<>(names);
        longestFirst.sort(Comparator.comparingInt((Name n) -> -n.name().codePointCount(0, n.name().length()))
                .thenComparingLong(Name::entityId));
        Map<String, TreeMap<Integer, Integer>> takenByLabel = new HashMap<>();
        List<Place> places = new ArrayList<>();
        for (Name name : longestFirst) {
            TreeMap<Integer, Integer> taken = takenByLabel.computeIfAbsent(name.label(), k -> new TreeMap<>());
            for (Occurrences.Occurrence at : Occurrences.of(text, name.name())) {
                if (!overlaps(taken, at.start(), at.end())) {
                    taken.put(at.start(), at.end());
                    places.add(new Place(name.entityId(), name.label(), at.start(), at.end(), name.name()));
                }
            }
        }
        places.sort(Comparator.comparingInt(Place::start).thenComparingInt(Place::end).thenComparing(Place::label));
        return places;
    }

    /** Whether [start, end) overlaps a taken place; taken places never overlap each other, so the neighbours tell. */
    private static boolean overlaps(TreeMap<Integer, Integer> taken, int start, int end) {
        Map.Entry<Integer, Integer> before = taken.floorEntry(start);
        if (before != null && before.getValue() > start) {
            return true;
        }
        Integer next = taken.higherKey(start);
        return next != null && next < end;
    }
}
