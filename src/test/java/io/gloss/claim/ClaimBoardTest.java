package io.gloss.claim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gloss.claim.ClaimBoard.ClaimRow;
import io.gloss.claim.ClaimBoard.Item;
import io.gloss.claim.ClaimBoard.LinkedSpan;
import io.gloss.claim.ClaimBoard.RelationRow;
import io.gloss.claim.ClaimBoard.Subject;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Grouping claims by subject, their order, and when figures disagree (no database). */
class ClaimBoardTest {

    static final Subject ZELENSKY = new Subject(1, "Volodymyr Zelensky", "ACTOR", "Q3874799");
    static final Subject TROOPS = new Subject(2, "North Korean troops", "ACTOR", null);
    static final Subject KURSK = new Subject(3, "Kursk", "LOCATION", null);
    static final Map<Long, Subject> SUBJECTS = Map.of(1L, ZELENSKY, 2L, TROOPS, 3L, KURSK);

    static ClaimRow claim(long id, long article, String published, int start, int end, String figure, String unit) {
        return new ClaimRow(id, article, "Article " + article, "Outlet " + article, published, start, end, "quote " + id,
                figure == null ? null : new BigDecimal(figure), unit);
    }

    @Test
    void aClaimIsAboutTheEntitiesItRelatesToAndThoseNamedInsideIt() {
        List<ClaimRow> claims = List.of(claim(10, 100, "2024-12-28", 50, 90, "3000", "casualties"));
        List<RelationRow> relations = List.of(new RelationRow(10, ClaimBoard.ATTRIBUTED_TO, 11, "Zelensky", 1L),
                new RelationRow(10, ClaimBoard.LOCATED_IN, 12, "Kursk", 3L));
        List<LinkedSpan> linked = List.of(new LinkedSpan(13, 100, 60, 81, 2L), // inside the quote
                new LinkedSpan(14, 100, 85, 95, 1L), // overlaps its end: not inside
                new LinkedSpan(15, 101, 60, 70, 2L)); // another article
        List<Item> board = ClaimBoard.build(claims, relations, linked, SUBJECTS, null);
        assertEquals(List.of("Kursk", "North Korean troops", "Volodymyr Zelensky"), board.stream().map(i -> i.subject().name()).toList());
        ClaimBoard.Claim shown = board.get(0).claims().get(0);
        assertEquals("Volodymyr Zelensky", shown.attributedTo().get(0).shown());
        assertEquals("Kursk", shown.locatedIn().get(0).entity());
        assertEquals(List.of(new BigDecimal("3000")), board.get(0).figures());

        assertEquals(List.of("North Korean troops"), ClaimBoard.build(claims, relations, linked, SUBJECTS, 2L).stream()
                .map(i -> i.subject().name()).toList());
        // A relation to a span without an entity names the span's words, and makes no subject.
        List<Item> unlinked = ClaimBoard.build(claims, List.of(new RelationRow(10, ClaimBoard.ATTRIBUTED_TO, 11, "an official", null)),
                List.of(), SUBJECTS, null);
        assertTrue(unlinked.isEmpty());
    }

    @Test
    void differentFiguresOfOneUnitConflictAndComeFirstClaimsByDate() {
        List<ClaimRow> claims = List.of(
                claim(1, 200, "2024-12-30", 0, 10, "200", "casualties"),
                claim(2, 100, "2024-12-28", 5, 10, "3000", "casualties"),
                claim(3, 100, "2024-12-28", 0, 4, "3e3", "Casualties "),
                claim(4, 300, null, 0, 10, "1000", "casualties"),
                // Zelensky: same figure twice, and a figure of another unit: no conflict
                claim(5, 100, "2024-12-28", 20, 30, "2", "captured"),
                claim(6, 200, "2024-12-30", 20, 30, "2.0", "captured"),
                claim(7, 300, null, 20, 30, "3000", "casualties"),
                claim(8, 300, null, 40, 50, null, null));
        List<RelationRow> relations = List.of(
                new RelationRow(1, ClaimBoard.ATTRIBUTED_TO, 91, "troops", 2L), new RelationRow(2, ClaimBoard.ATTRIBUTED_TO, 92, "t", 2L),
                new RelationRow(3, ClaimBoard.ATTRIBUTED_TO, 93, "t", 2L), new RelationRow(4, ClaimBoard.ATTRIBUTED_TO, 94, "t", 2L),
                new RelationRow(5, ClaimBoard.ATTRIBUTED_TO, 95, "Z", 1L), new RelationRow(6, ClaimBoard.ATTRIBUTED_TO, 96, "Z", 1L),
                new RelationRow(7, ClaimBoard.ATTRIBUTED_TO, 97, "Z", 1L), new RelationRow(8, ClaimBoard.ATTRIBUTED_TO, 98, "Z", 1L));
        List<Item> board = ClaimBoard.build(claims, relations, List.of(), SUBJECTS, null);
        assertEquals(List.of("North Korean troops", "Volodymyr Zelensky"), board.stream().map(i -> i.subject().name()).toList());
        Item troops = board.get(0);
        assertTrue(troops.conflict());
        assertEquals(List.of(3L, 2L, 1L, 4L), troops.claims().stream().map(ClaimBoard.Claim::annotationId).toList(),
                "by date, then article and offset; undated last");
        assertEquals(List.of(new BigDecimal("3000"), new BigDecimal("200"), new BigDecimal("1000")), troops.figures(),
                "3e3 and 3000 are one figure");
        Item zelensky = board.get(1);
        assertFalse(zelensky.conflict(), "2 and 2.0 agree; 3000 is another unit; a claim without figure says nothing");
        assertEquals(List.of(new BigDecimal("2"), new BigDecimal("3000")), zelensky.figures());
        assertEquals(4, zelensky.claims().size());
    }
}
