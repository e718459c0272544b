package io.gloss.recommender;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gloss.SharedCorpus;
import io.gloss.text.TextNormalizer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The name finder on the shared corpus, annotated by rule ({@link CorpusNames}): trained on the
 * first two articles, it is evaluated on the third, which it never saw. The floors sit a little
 * below what was measured (see the constants), so that a regression fails and noise does not.
 */
class TrainingTest {

    /**
     * Measured with 100 iterations, cutoff 1: precision 0.90 (9 of 10 found), recall 0.39 (9 of 23
     * approved); the places it has seen (Russia, Kursk) it finds, the names it has never seen
     * (Tuva, Dekhtyarenko) it mostly does not: three articles teach little. Before the tokenizer
     * made a compound's hyphen a token (issue 23) it was 12 of 13 and 12 of 23: "North Korea" in
     * "Russia-North Korea" then lay off tokens and was not learnt, while now it is learnt beside
     * "North Korean" in "Russian-North Korean", which is not a name, and the model stopped proposing
     * the third article's three "North Korea"s.
     */
    static final double PRECISION_FLOOR = 0.8;
    static final double RECALL_FLOOR = 0.35;

    static final NameFinder.Settings SETTINGS = new NameFinder.Settings(100, 1);

    static List<TrainingArticle> corpus;

    @BeforeAll
    static void read() throws IOException {
        corpus = new ArrayList<>();
        long id = 1;
        for (Path file : SharedCorpus.files()) {
            String text = TextNormalizer.normalize(Files.readString(file, StandardCharsets.UTF_8));
            corpus.add(new TrainingArticle(id++, text, CorpusNames.spans(text)));
        }
        assertEquals(3, corpus.size());
    }

    @Test
    void learntOnTwoArticlesItFindsTheNamesOfTheThird() {
        NameFinder model = NameFinder.train(NameFinder.samples(corpus.subList(0, 2)), SETTINGS);
        Evaluation evaluation = Evaluation.of(List.of(corpus.get(2)), model);

        System.out.printf("held-out article: precision %.3f recall %.3f f1 %.3f %s%n", evaluation.precision(),
                evaluation.recall(), evaluation.f1(), evaluation.perLabel());
        assertEquals(corpus.get(2).spans().size(), evaluation.spans());
        assertTrue(evaluation.precision() >= PRECISION_FLOOR, "precision " + evaluation.precision());
        assertTrue(evaluation.recall() >= RECALL_FLOOR, "recall " + evaluation.recall());
        assertTrue(evaluation.perLabel().get("LOCATION").recall() > 0 && evaluation.perLabel().get("ACTOR").found() > 0,
                evaluation.perLabel().toString());
    }

    @Test
    void spansFoundAreWholeTokensWithTheirProbability() {
        NameFinder model = NameFinder.read(NameFinder.train(NameFinder.samples(corpus.subList(0, 2)), SETTINGS).bytes());
        String text = corpus.get(2).text();
        List<LabelledSpan> found = model.find(text);
        assertTrue(found.size() > 5, found.toString());
        for (LabelledSpan span : found) {
            assertTrue(span.score() > 0 && span.score() <= 1, span.toString());
            String quote = text.substring(span.start(), span.end());
            assertTrue(Character.isLetter(quote.charAt(0)) && !Character.isLetter(text.charAt(span.end())), quote);
        }
    }

    @Test
    void theLastArticleIsHeldOutWhenFewerThanEveryNth() {
        Training.Result result = Training.run(corpus, SETTINGS, 5);
        assertNotNull(result.evaluation());
        assertEquals(1, result.evaluation().articles());
        assertEquals(corpus.get(2).spans().size(), result.evaluation().spans(), "the article with the highest id");
        int all = corpus.stream().mapToInt(a -> a.spans().size()).sum();
        assertEquals(all, result.trainedOn() + result.skipped(), "the kept model learns from every article");
        // Every name is on tokens, as in the CoNLL export ("Russia" in "Russia-Ukraine" too) and none overlaps another.
        assertEquals(0, result.skipped());

        Training.Result everySecond = Training.run(corpus, SETTINGS, 2);
        assertEquals(1, everySecond.evaluation().articles());
        assertEquals(corpus.get(1).spans().size(), everySecond.evaluation().spans(), "the second by id");
    }

    @Test
    void oneArticleIsLearntButNotEvaluated() {
        Training.Result result = Training.run(corpus.subList(0, 1), SETTINGS, 5);
        assertNull(result.evaluation());
        assertEquals(corpus.get(0).spans().size(), result.trainedOn() + result.skipped());
        assertTrue(result.trainedOn() > 20, "it learns from the names on tokens");
    }

    @Test
    void spansOffTokensOrOverlappingAreSkipped() {
        String text = "Zelensky met Putin in Kyiv.";
        TrainingArticle article = new TrainingArticle(1, text, List.of(LabelledSpan.approved(0, 8, "ACTOR"),
                LabelledSpan.approved(0, 4, "ACTOR"), LabelledSpan.approved(13, 18, "ACTOR"),
                LabelledSpan.approved(14, 18, "ACTOR"), LabelledSpan.approved(22, 26, "LOCATION")));
        NameFinder.Samples samples = NameFinder.samples(List.of(article));
        assertEquals(3, samples.names());
        assertEquals(2, samples.skipped(), "Zele (off the token's end) and utin (off its start)");
        assertEquals(1, samples.sentences().size());
        List<String> names = new ArrayList<>();
        for (opennlp.tools.util.Span name : samples.sentences().get(0).getNames()) {
            names.add(name.getType() + " " + name.getStart() + "-" + name.getEnd());
        }
        assertEquals(List.of("ACTOR 0-1", "ACTOR 2-3", "LOCATION 4-5"), names, "in tokens: Zelensky, Putin, Kyiv");
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> NameFinder.train(
                NameFinder.samples(List.of(new TrainingArticle(1, text, List.of(LabelledSpan.approved(0, 4, "ACTOR"))))), SETTINGS));
        assertTrue(none.getMessage().contains("nothing to learn from"));
    }
}
