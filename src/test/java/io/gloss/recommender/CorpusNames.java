package io.gloss.recommender;

import io.gloss.text.CodePointText;
import io.gloss.text.Occurrences;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shared corpus annotated by rule, as a careful editor would: every whole-word occurrence of
 * the actors and places its three articles name, longest names first, so that "Volodymyr
 * Zelensky" is one span and not also "Zelensky" (Occurrences already tells "Russia" from "Russian").
 */
final class CorpusNames {

    static final Map<String, String> NAMES = new LinkedHashMap<>();

    static {
        for (String actor : List.of("Volodymyr Zelenskyy", "Volodymyr Zelensky", "Zelenskyy", "Zelensky", "Vladimir Putin",
                "Putin", "Kim Jong Un", "Kim Jong-un", "Artem Dekhtyarenko")) {
            NAMES.put(actor, "ACTOR");
        }
        for (String place : List.of("North Korea", "South Korea", "Russia", "Ukraine", "Kursk", "Kyiv", "Pyongyang", "Seoul",
                "Tuva", "Europe")) {
            NAMES.put(place, "LOCATION");
        }
    }

    private CorpusNames() {
    }

    /** The spans of every name in the text, in text order, none overlapping another. */
    static List<LabelledSpan> spans(String text) {
        CodePointText cp = new CodePointText(text);
        List<LabelledSpan> spans = new ArrayList<>();
        NAMES.keySet().stream().sorted(Comparator.comparingInt(String::length).reversed()).forEach(name -> {
            for (Occurrences.Occurrence at : Occurrences.of(cp, name)) {
                if (spans.stream().noneMatch(s -> s.start() < at.end() && at.start() < s.end())) {
                    spans.add(LabelledSpan.approved(at.start(), at.end(), NAMES.get(name)));
                }
            }
        });
        spans.sort(Comparator.comparingInt(LabelledSpan::start));
        return spans;
    }
}
