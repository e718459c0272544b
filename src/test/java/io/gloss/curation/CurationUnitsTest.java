package io.gloss.curation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gloss.annotation.AnnotationStatus;
import io.gloss.curation.CurationUnits.Span;
import io.gloss.curation.CurationUnits.Unit;
import io.gloss.curation.CurationUnits.UnitState;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CurationUnitsTest {

    private static Span span(long id, String author, String label, int start, int end) {
        return span(id, author, label, start, end, AnnotationStatus.SUBMITTED);
    }

    private static Span span(long id, String author, String label, int start, int end, AnnotationStatus status) {
        return new Span(id, author, label, start, end, status);
    }

    @Test
    void theSameSpanAndLabelFromEveryoneIsAgreedWithOneCandidate() {
        List<Unit> units = CurationUnits.of(List.of(span(2, "bob", "ACTOR", 0, 5), span(1, "ann", "ACTOR", 0, 5)),
                Set.of("ann", "bob"));
        assertEquals(1, units.size());
        Unit unit = units.get(0);
        assertEquals(UnitState.AGREED, unit.state());
        assertEquals(1, unit.candidates().size());
        assertEquals(List.of(1L, 2L), unit.candidates().get(0).annotationIds());
        assertEquals(List.of("ann", "bob"), unit.candidates().get(0).annotators());
        assertEquals(0, unit.start());
        assertEquals(5, unit.end());
    }

    @Test
    void differentBoundariesOrLabelsAreDisputed() {
        List<Unit> units = CurationUnits.of(List.of(span(1, "ann", "ACTOR", 0, 5), span(2, "bob", "ACTOR", 0, 7),
                span(3, "ann", "ACTOR", 20, 25), span(4, "bob", "LOCATION", 20, 25)), Set.of("ann", "bob"));
        assertEquals(2, units.size());
        assertEquals(UnitState.DISPUTED, units.get(0).state());
        assertEquals(0, units.get(0).start());
        assertEquals(7, units.get(0).end());
        assertEquals(List.of(5, 7), units.get(0).candidates().stream().map(c -> c.end()).toList());
        assertEquals(List.of("ACTOR", "LOCATION"), units.get(1).candidates().stream().map(c -> c.label()).toList());
    }

    @Test
    void anAnnotatorWhoIsDoneWithoutASpanThereDisagrees() {
        List<Unit> units = CurationUnits.of(List.of(span(1, "ann", "ACTOR", 0, 5), span(2, "bob", "ACTOR", 0, 5)),
                Set.of("ann", "bob", "cy"));
        assertEquals(UnitState.DISPUTED, units.get(0).state());
    }

    @Test
    void overlapsJoinUnitsTransitivelyAcrossAnnotators() {
        // ann [0,5) overlaps bob [4,10), which overlaps cy [9,15): one unit, though ann and cy do not touch.
        List<Unit> units = CurationUnits.of(List.of(span(1, "ann", "ACTOR", 0, 5), span(2, "bob", "ACTOR", 4, 10),
                span(3, "cy", "ACTOR", 9, 15), span(4, "ann", "ACTOR", 30, 35)), Set.of("ann", "bob", "cy"));
        assertEquals(2, units.size());
        assertEquals(3, units.get(0).candidates().size());
        assertEquals(15, units.get(0).end());
        assertEquals(30, units.get(1).start());
    }

    @Test
    void oneAnnotatorsOwnOverlappingSpansStayApartUnlessTheyCoverTheSameCharacters() {
        List<Unit> units = CurationUnits.of(List.of(span(1, "ann", "CLAIM", 0, 50), span(2, "ann", "ACTOR", 10, 15),
                span(3, "ann", "LOCATION", 60, 70), span(4, "ann", "ACTOR", 60, 70)), Set.of("ann", "bob"));
        assertEquals(3, units.size());
        assertEquals(List.of(1, 1, 2), units.stream().map(u -> u.candidates().size()).toList());
        assertEquals(UnitState.DISPUTED, units.get(2).state(), "bob gave neither label");
    }

    @Test
    void nestedSpansEveryoneGaveAlikeAreOneAgreedUnitOfTwoCandidates() {
        List<Unit> units = CurationUnits.of(List.of(span(1, "ann", "CLAIM", 0, 50), span(2, "ann", "ACTOR", 10, 15),
                span(3, "bob", "CLAIM", 0, 50), span(4, "bob", "ACTOR", 10, 15)), Set.of("ann", "bob"));
        assertEquals(1, units.size());
        assertEquals(UnitState.AGREED, units.get(0).state());
        assertEquals(List.of("CLAIM", "ACTOR"), units.get(0).candidates().stream().map(c -> c.label()).toList());
    }

    @Test
    void aUnitWithAnApprovedCandidateOrNothingLeftToDecideIsCurated() {
        List<Unit> accepted = CurationUnits.of(List.of(span(1, "ann", "ACTOR", 0, 5, AnnotationStatus.APPROVED),
                span(2, "bob", "ACTOR", 0, 7)), Set.of("ann", "bob"));
        assertEquals(UnitState.CURATED, accepted.get(0).state());
        assertEquals(List.of(true, false), accepted.get(0).candidates().stream().map(c -> c.accepted()).toList());
        List<Unit> rejected = CurationUnits.of(List.of(span(1, "ann", "ACTOR", 0, 5, AnnotationStatus.REJECTED),
                span(2, "bob", "ACTOR", 0, 7, AnnotationStatus.REJECTED),
                span(3, "rev", "ACTOR", 0, 6)), Set.of("ann", "bob"));
        assertEquals(UnitState.CURATED, rejected.get(0).state(), "a curator's own span waits in the review queue");
    }

    @Test
    void noSpansNoUnits() {
        assertEquals(List.of(), CurationUnits.of(List.of(), Set.of("ann")));
    }
}
