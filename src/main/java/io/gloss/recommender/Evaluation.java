package io.gloss.recommender;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A model's precision, recall and F1 on held-out articles, overall (micro: every span counts
 * once) and per label. A found span is correct when an approved span of the article has exactly
 * its start, end and label. A figure whose denominator is 0 (nothing found, nothing expected) is 0.
 *
 * @param articles the held-out articles
 * @param spans their approved spans (the expected ones)
 */
public record Evaluation(double precision, double recall, double f1, Map<String, Scores> perLabel, int articles, int spans) {

    /** One label's figures, with the counts they come from. */
    public record Scores(double precision, double recall, double f1, int expected, int found, int correct) {

        static Scores of(int expected, int found, int correct) {
            double precision = found == 0 ? 0 : (double) correct / found;
            double recall = expected == 0 ? 0 : (double) correct / expected;
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            return new Scores(precision, recall, f1, expected, found, correct);
        }
    }

    /** Compares what the model found in each held-out article with its approved spans. */
    static Evaluation of(List<TrainingArticle> heldOut, NameFinder model) {
        Map<String, int[]> counts = new TreeMap<>(); // label → expected, found, correct
        int spans = 0;
        for (TrainingArticle article : heldOut) {
            List<LabelledSpan> expected = new ArrayList<>(article.spans());
            spans += expected.size();
            expected.forEach(s -> counts.computeIfAbsent(s.label(), k -> new int[3])[0]++);
            for (LabelledSpan found : model.find(article.text())) {
                int[] c = counts.computeIfAbsent(found.label(), k -> new int[3]);
                c[1]++;
                // Each approved span matches once, should two be found at its place.
                if (expected.removeIf(found::samePlace)) {
                    c[2]++;
                }
            }
        }
        Map<String, Scores> perLabel = new TreeMap<>();
        int expected = 0;
        int found = 0;
        int correct = 0;
        for (Map.Entry<String, int[]> e : counts.entrySet()) {
            int[] c = e.getValue();
            perLabel.put(e.getKey(), Scores.of(c[0], c[1], c[2]));
            expected += c[0];
            found += c[1];
            correct += c[2];
        }
        Scores all = Scores.of(expected, found, correct);
        return new Evaluation(all.precision(), all.recall(), all.f1(), perLabel, heldOut.size(), spans);
    }
}
