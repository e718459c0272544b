package io.gloss.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gloss.SharedCorpus;
import io.gloss.text.CodePointText;
import io.gloss.text.Tokenizer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The three measures together, on a real article computed by hand and on the textbook extremes. */
class AgreementAccumulatorTest {

    static final List<String> LABELS = List.of("LOC", "PERSON");

    static ArticleAnnotations article(long id, String text, Map<String, List<Span>> spans) {
        CodePointText codePoints = new CodePointText(text);
        return new ArticleAnnotations(id, "Article " + id, codePoints.length(), Tokenizer.tokenize(codePoints),
                new TreeMap<>(spans));
    }

    static AgreementReport report(List<String> labels, ArticleAnnotations... articles) {
        AgreementAccumulator accumulator = new AgreementAccumulator(labels, ArticleOrder.ALPHA_U, 10);
        for (ArticleAnnotations article : articles) {
            accumulator.add(article);
        }
        return accumulator.report();
    }

    static String zelensky() throws IOException {
        return Files.readString(SharedCorpus.files().get(0), StandardCharsets.UTF_8);
    }

    /**
     * The first corpus article ("… Russia and Ukraine, Ukrainian President Volodymyr Zelensky …
     * in the Kursk region"). a: PERSON "Volodymyr Zelensky", LOC "Russia", LOC "Kursk";
     * b: PERSON "Ukrainian President Volodymyr Zelensky", LOC "Russia", LOC "Kursk region".
     */
    @Test
    void aCorpusArticleByHand() throws IOException {
        String text = zelensky();
        assertEquals("Ukrainian President Volodymyr Zelensky", text.substring(81, 119));
        assertEquals("Russia", text.substring(61, 67));
        assertEquals("Kursk region", text.substring(182, 194));
        List<Span> a = List.of(new Span("PERSON", 101, 119), new Span("LOC", 61, 67), new Span("LOC", 182, 187));
        List<Span> b = List.of(new Span("PERSON", 81, 119), new Span("LOC", 61, 67), new Span("LOC", 182, 194));
        ArticleAnnotations article = article(1, text, Map.of("a", a, "b", b));
        AgreementReport report = report(LABELS, article);

        // Tokens: Volodymyr, Zelensky PERSON/PERSON; Ukrainian, President none/PERSON; Russia, Kursk
        // LOC/LOC; region none/LOC; the other n - 7 none/none.
        double n = article.tokens().count();
        double observed = (n - 3) / n;
        double expected = (2 * 4 + 2 * 3 + (n - 4) * (n - 7)) / (n * n);
        double kappa = (observed - expected) / (1 - expected);
        assertEquals(kappa, report.overall().kappa(), 1e-12);
        assertEquals(kappa, report.pairs().get(0).kappa(), 1e-12);
        // PERSON alone: a has 2 tokens, b 4, both 2.
        double personObserved = (n - 2) / n;
        double personExpected = (2 * 4 + (n - 2) * (n - 4)) / (n * n);
        assertEquals((personObserved - personExpected) / (1 - personExpected), report.perLabel().get("PERSON").kappa(), 1e-12);

        // Spans: "Russia" matches exactly; all three match by overlap. 6 spans in all.
        assertEquals(2.0 * 1 / 6, report.overall().f1Exact(), 1e-12);
        assertEquals(1.0, report.overall().f1Overlap(), 1e-12);
        assertEquals(2.0 * 1 / 4, report.perLabel().get("LOC").f1Exact(), 1e-12);
        assertEquals(0.0, report.perLabel().get("PERSON").f1Exact(), 1e-12);

        // αu: the squared distances are 20² + 0² (PERSON: b starts 20 earlier, ends alike) and
        // 0² + 7² (LOC: "Kursk" against "Kursk region"), over L² with L the article's length.
        UnitizingAlpha alpha = new UnitizingAlpha();
        alpha.add(article.length(), a, b);
        double length = article.length();
        assertEquals(400 / (length * length), alpha.observed("PERSON"), 1e-15);
        assertEquals(49 / (length * length), alpha.observed("LOC"), 1e-15);
        assertEquals(alpha.alpha(), report.overall().alphaU());
        assertEquals(alpha.alpha("LOC"), report.perLabel().get("LOC").alphaU());
        assertTrue(report.overall().alphaU() > 0.5 && report.overall().alphaU() < 1, "close, not equal: " + report.overall().alphaU());
        // The article's own αu is the pair's, as it is their only one.
        assertEquals(report.overall().alphaU(), report.perArticle().get(0).alphaU(), 1e-9);
        assertEquals(1, report.articles());
        assertEquals(List.of("a", "b"), report.annotators());
    }

    @Test
    void perfectAgreementIsOne() throws IOException {
        List<Span> spans = List.of(new Span("PERSON", 81, 119), new Span("LOC", 61, 67), new Span("LOC", 182, 194));
        AgreementReport report = report(LABELS, article(1, zelensky(), Map.of("a", spans, "b", spans, "c", spans)));
        assertEquals(new AgreementReport.Measures(1.0, 1.0, 1.0, 1.0), report.overall());
        assertEquals(new AgreementReport.Measures(1.0, 1.0, 1.0, 1.0), report.perLabel().get("LOC"));
        assertEquals(3, report.pairs().size());
    }

    /** 4,000 words, each marked by each annotator with chance 0.3, independently: κ and αu near 0. */
    @Test
    void chanceLevelIsNearZero() {
        Random random = new Random(3);
        StringBuilder text = new StringBuilder();
        List<Span> a = new ArrayList<>();
        List<Span> b = new ArrayList<>();
        for (int i = 0; i < 4000; i++) {
            int start = text.length();
            text.append("word ");
            if (random.nextDouble() < 0.3) {
                a.add(new Span("LOC", start, start + 4));
            }
            if (random.nextDouble() < 0.3) {
                b.add(new Span("LOC", start, start + 4));
            }
        }
        AgreementReport report = report(LABELS, article(1, text.toString(), Map.of("a", a, "b", b)));
        assertEquals(0.0, report.overall().kappa(), 0.05);
        assertEquals(0.0, report.overall().alphaU(), 0.05);
        assertEquals(0.3, report.overall().f1Exact(), 0.05);
    }

    /** a marks every even word, b every odd one: κ = -1, αu below 0, no span in common. */
    @Test
    void systematicDisagreementIsBelowZero() {
        StringBuilder text = new StringBuilder();
        List<Span> a = new ArrayList<>();
        List<Span> b = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            int start = text.length();
            text.append("word ");
            (i % 2 == 0 ? a : b).add(new Span("LOC", start, start + 4));
        }
        AgreementReport report = report(LABELS, article(1, text.toString(), Map.of("a", a, "b", b)));
        assertEquals(-1.0, report.overall().kappa(), 1e-12);
        assertTrue(report.overall().alphaU() < 0, "αu " + report.overall().alphaU());
        assertEquals(0.0, report.overall().f1Overlap());
    }

    /** A token under two of one annotator's spans takes the label of the one that starts first. */
    @Test
    void theSpanStartingFirstDecidesAToken() {
        String text = "aaaa bbbb cccc dddd";
        List<Span> a = List.of(new Span("LOC", 0, 9), new Span("PERSON", 5, 19));
        List<Span> b = List.of(new Span("LOC", 0, 9), new Span("PERSON", 10, 19));
        AgreementReport report = report(List.of("LOC", "PERSON", "ORG"), article(1, text, Map.of("a", a, "b", b)));
        assertEquals(1.0, report.overall().kappa(), 1e-12, "bbbb is LOC for both");
        assertTrue(report.perLabel().get("PERSON").kappa() < 1, "but a's PERSON covers it too");
        assertNull(report.perLabel().get("ORG").kappa(), "a label nobody used: one category");
        assertNull(report.perLabel().get("ORG").alphaU());
        assertNull(report.perLabel().get("ORG").f1Exact());
    }

    @Test
    void edgeCasesAreNullNeverAnError() throws IOException {
        AgreementReport none = report(LABELS);
        assertEquals(0, none.articles());
        assertEquals(new AgreementReport.Measures(null, null, null, null), none.overall());
        assertEquals(new AgreementReport.Measures(null, null, null, null), none.perLabel().get("LOC"));
        assertEquals(List.of(), none.pairs());

        String text = zelensky();
        AgreementReport alone = report(LABELS, article(1, text, Map.of("a", List.of(new Span("LOC", 61, 67)))));
        assertEquals(0, alone.articles(), "one annotator is no agreement");

        AgreementReport nothing = report(LABELS, article(1, text, Map.of("a", List.of(), "b", List.of())));
        assertEquals(1, nothing.articles());
        assertEquals(new AgreementReport.Measures(null, null, null, null), nothing.overall());
        assertEquals(new AgreementReport.Pair("a", "b", 1, null, null, null, null), nothing.pairs().get(0));
        assertNull(nothing.perArticle().get(0).alphaU());
    }

    @Test
    void spansOfOtherLabelsAreLeftOut() throws IOException {
        List<Span> a = List.of(new Span("LOC", 61, 67), new Span("PERSON", 81, 119));
        List<Span> b = List.of(new Span("LOC", 61, 67));
        AgreementReport report = report(List.of("LOC"), article(1, zelensky(), Map.of("a", a, "b", b)));
        assertEquals(new AgreementReport.Measures(1.0, 1.0, 1.0, 1.0), report.overall());
        assertEquals(List.of("LOC"), List.copyOf(report.perLabel().keySet()));
    }

    @Test
    void articlesWithTheLeastAgreementComeFirst() throws IOException {
        String text = zelensky();
        List<Span> russia = List.of(new Span("LOC", 61, 67));
        List<Span> kursk = List.of(new Span("LOC", 182, 194));
        ArticleAnnotations agreed = article(1, text, Map.of("a", russia, "b", russia));
        ArticleAnnotations disputed = article(2, text, Map.of("a", russia, "b", kursk));
        ArticleAnnotations close = article(3, text, Map.of("a", kursk, "b", List.of(new Span("LOC", 182, 187))));
        for (ArticleOrder order : ArticleOrder.values()) {
            AgreementAccumulator accumulator = new AgreementAccumulator(LABELS, order, 2);
            accumulator.add(agreed);
            accumulator.add(disputed);
            accumulator.add(close);
            AgreementReport report = accumulator.report();
            assertEquals(3, report.articles());
            // By overlap, "Kursk" and "Kursk region" agree, so the tie with the first goes by id.
            long second = order == ArticleOrder.F1_OVERLAP ? 1L : 3L;
            assertEquals(List.of(2L, second), report.perArticle().stream().map(AgreementReport.ArticleRow::articleId).toList(),
                    order.key);
        }
    }
}
