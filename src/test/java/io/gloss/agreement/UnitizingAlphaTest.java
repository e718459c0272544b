package io.gloss.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.dkpro.statistics.agreement.unitizing.IUnitizingAnnotationStudy;
import org.dkpro.statistics.agreement.unitizing.KrippendorffAlphaUnitizingAgreement;
import org.dkpro.statistics.agreement.unitizing.UnitizingAnnotationStudy;
import org.junit.jupiter.api.Test;

/**
 * αu article by article against Krippendorff's published examples (as reproduced by DKPro's own
 * tests) and against DKPro's {@link KrippendorffAlphaUnitizingAgreement} on the same articles laid
 * end to end.
 */
class UnitizingAlphaTest {

    /** DKPro's measure with its two halves opened for comparison. */
    static final class Dkpro extends KrippendorffAlphaUnitizingAgreement {
        Dkpro(IUnitizingAnnotationStudy study) {
            super(study);
        }

        double observed(String category) {
            return calculateObservedCategoryDisagreement(category);
        }

        double expected(String category) {
            return calculateExpectedCategoryDisagreement(category);
        }
    }

    static Span span(String label, int start, int end) {
        return new Span(label, start, end);
    }

    /**
     * Krippendorff (2004), Content Analysis, 2nd ed., p. 254: observers i and j on a continuum of
     * 300 (from 150 in the book; moved to 0 here, which changes nothing).
     */
    static final List<Span> OBSERVER_I = List.of(span("c", 75, 145), span("c", 220, 250), span("k", 30, 90),
            span("k", 150, 200));
    static final List<Span> OBSERVER_J = List.of(span("c", 70, 150), span("c", 205, 225), span("c", 250, 270),
            span("k", 30, 90), span("k", 150, 200));

    @Test
    void krippendorff2004() {
        UnitizingAlpha alpha = new UnitizingAlpha();
        alpha.add(300, OBSERVER_I, OBSERVER_J);
        assertEquals(0.0144, alpha.observed("c"), 0.0001);
        assertEquals(0.0532, alpha.expected("c"), 0.0001);
        assertEquals(0.7286, alpha.alpha("c"), 0.0001);
        assertEquals(0.0, alpha.observed("k"), 0.0001);
        assertEquals(0.0490, alpha.expected("k"), 0.0001);
        assertEquals(1.0, alpha.alpha("k"), 0.0001);
        assertEquals(0.8591, alpha.alpha(), 0.0005);
        assertNull(alpha.alpha("x"), "a label nobody used");
    }

    @Test
    void theSameContinuumCutIntoTwoArticlesGivesTheSameAlpha() {
        UnitizingAlpha whole = new UnitizingAlpha();
        whole.add(300, OBSERVER_I, OBSERVER_J);
        UnitizingAlpha cut = new UnitizingAlpha();
        cut.add(150, part(OBSERVER_I, 0, 150), part(OBSERVER_J, 0, 150));
        cut.add(150, part(OBSERVER_I, 150, 300), part(OBSERVER_J, 150, 300));
        assertEquals(whole.alpha(), cut.alpha(), 1e-12);
        assertEquals(whole.alpha("c"), cut.alpha("c"), 1e-12);
    }

    private static List<Span> part(List<Span> spans, int from, int to) {
        return spans.stream().filter(s -> s.start() >= from && s.end() <= to)
                .map(s -> span(s.label(), s.start() - from, s.end() - from)).toList();
    }

    /**
     * Krippendorff (1995), On the reliability of unitizing contiguous data, p. 57: four pairs of
     * observers on 24 units, stretched (as DKPro's test does) so that the continuum approaches
     * the continuous case the published values are for.
     */
    @Test
    void krippendorff1995() {
        UnitizingAlpha one = new UnitizingAlpha();
        one.add(24, example1995(1, 0), example1995(1, 1));
        assertEquals(0.03125, one.observed("A"), 0.00001);
        assertEquals(2.26736, one.observed("B"), 0.00001);
        assertEquals(0.02777, one.observed("C"), 0.00001);
        assertEquals(0.38715, one.observed("D"), 0.00001);

        int stretch = 50_000;
        UnitizingAlpha stretched = new UnitizingAlpha();
        stretched.add(24 * stretch, example1995(stretch, 0), example1995(stretch, 1));
        assertEquals(0.06990, stretched.expected("A"), 0.005);
        assertEquals(1.17731, stretched.expected("B"), 0.005);
        assertEquals(0.08642, stretched.expected("C"), 0.005);
        assertEquals(0.41445, stretched.expected("D"), 0.005);
        assertEquals(0.553, stretched.alpha("A"), 0.02);
        assertEquals(-0.926, stretched.alpha("B"), 0.02);
        assertEquals(0.679, stretched.alpha("C"), 0.02);
        assertEquals(0.066, stretched.alpha("D"), 0.02);
    }

    /** Bertha and Bill (A), John and Jill (B), Gerret and Gill (C), Heather and Hill (D): {start, length} on 24. */
    private static List<Span> example1995(int stretch, int observer) {
        int[][][] a = {{{2, 8}, {14, 6}}, {{4, 4}, {15, 2}}};
        int[][][] b = {{{0, 18}}, {{0, 2}, {2, 1}, {3, 1}, {4, 1}, {5, 1}, {6, 3}, {9, 1}}};
        int[][][] c = {{{2, 6}, {10, 2}, {14, 4}, {20, 2}}, {{0, 2}, {4, 4}, {10, 4}, {16, 2}, {20, 2}}};
        int[][][] d = {{{0, 2}, {2, 8}, {10, 4}, {14, 6}, {20, 4}}, {{0, 4}, {4, 4}, {8, 7}, {15, 2}, {17, 7}}};
        List<Span> spans = new ArrayList<>();
        String[] labels = {"A", "B", "C", "D"};
        int[][][][] all = {a, b, c, d};
        for (int l = 0; l < labels.length; l++) {
            for (int[] unit : all[l][observer]) {
                spans.add(span(labels[l], unit[0] * stretch, (unit[0] + unit[1]) * stretch));
            }
        }
        return spans;
    }

    /** Random articles: every half and the result equal DKPro's on the articles laid end to end. */
    @Test
    void equalsDkproOnArticlesLaidEndToEnd() {
        Random random = new Random(17);
        for (int run = 0; run < 30; run++) {
            UnitizingAlpha streamed = new UnitizingAlpha();
            List<int[]> lengths = new ArrayList<>();
            List<List<Span>> as = new ArrayList<>();
            List<List<Span>> bs = new ArrayList<>();
            int articles = 1 + random.nextInt(6);
            for (int i = 0; i < articles; i++) {
                int length = 20 + random.nextInt(400);
                List<Span> a = randomSpans(random, length);
                List<Span> b = random.nextInt(4) == 0 ? a : randomSpans(random, length);
                Double alone = streamed.add(length, a, b);
                UnitizingAnnotationStudy article = UnitizingAlpha.study(length, List.of(UnitizingAlpha.units(a), UnitizingAlpha.units(b)));
                if (article.getCategoryCount() == 0) {
                    assertNull(alone);
                } else {
                    assertEquals(new Dkpro(article).calculateAgreement(), alone, 1e-9, "the article alone");
                }
                lengths.add(new int[] {length});
                as.add(a);
                bs.add(b);
            }
            int total = lengths.stream().mapToInt(l -> l[0]).sum();
            UnitizingAnnotationStudy study = new UnitizingAnnotationStudy(2, 0, total);
            int offset = 0;
            for (int i = 0; i < articles; i++) {
                for (int r = 0; r < 2; r++) {
                    for (Span unit : UnitizingAlpha.units((r == 0 ? as : bs).get(i))) {
                        study.addUnit(offset + unit.start(), unit.end() - unit.start(), r, unit.label());
                    }
                }
                offset += lengths.get(i)[0];
            }
            Dkpro dkpro = new Dkpro(study);
            if (study.getCategoryCount() == 0) {
                assertNull(streamed.alpha());
                continue;
            }
            for (Object category : study.getCategories()) {
                String label = (String) category;
                assertEquals(dkpro.observed(label), streamed.observed(label), 1e-12, "observed " + label);
                assertEquals(dkpro.expected(label), streamed.expected(label), 1e-9 * dkpro.expected(label), "expected " + label);
                assertEquals(dkpro.calculateCategoryAgreement(label), streamed.alpha(label), 1e-9, "alpha " + label);
            }
            assertEquals(dkpro.calculateAgreement(), streamed.alpha(), 1e-9);
        }
    }

    /** Up to 8 spans of labels X and Y, overlapping at random (also within one label, which is merged). */
    static List<Span> randomSpans(Random random, int length) {
        List<Span> spans = new ArrayList<>();
        for (int i = random.nextInt(9); i > 0; i--) {
            int start = random.nextInt(length - 1);
            int end = start + 1 + random.nextInt(Math.min(40, length - start));
            spans.add(span(random.nextBoolean() ? "X" : "Y", start, Math.min(end, length)));
        }
        return spans;
    }

    @Test
    void nobodyMarkedAnythingIsUndefined() {
        UnitizingAlpha alpha = new UnitizingAlpha();
        alpha.add(100, List.of(), List.of());
        assertNull(alpha.alpha());
        UnitizingAlpha none = new UnitizingAlpha();
        assertNull(none.alpha(), "no article at all");
    }

    @Test
    void overlappingSpansOfOneLabelBecomeOneUnit() {
        assertEquals(List.of(span("X", 0, 10), span("X", 10, 12), span("Y", 2, 4)),
                UnitizingAlpha.units(List.of(span("X", 0, 5), span("Y", 2, 4), span("X", 3, 10), span("X", 10, 12))));
    }
}
