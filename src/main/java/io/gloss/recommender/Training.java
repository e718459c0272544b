package io.gloss.recommender;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One training of a project's recommender, plain Java: the approved articles are split
 * deterministically (every {@code heldOutEvery}-th article by id is held out; with fewer articles
 * than that, the last one, as long as one is left to learn from), a model learnt from the rest is
 * evaluated on the held-out ones, and the model kept is then learnt from every article, so that no
 * approved span is wasted. Training twice costs twice the time (docs/benchmarks.md), for a figure
 * that is honest about articles the model never saw.
 */
public final class Training {

    /** The model learnt from every article, its evaluation (null when nothing could be held out) and the spans it learnt from. */
    public record Result(NameFinder model, Evaluation evaluation, int trainedOn, int skipped) {
    }

    private Training() {
    }

    public static Result run(List<TrainingArticle> articles, NameFinder.Settings settings, int heldOutEvery) {
        List<TrainingArticle> sorted = new ArrayList<>(articles);
        sorted.sort(Comparator.comparingLong(TrainingArticle::id));
        List<TrainingArticle> learn = new ArrayList<>();
        List<TrainingArticle> heldOut = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            ((i + 1) % heldOutEvery == 0 ? heldOut : learn).add(sorted.get(i));
        }
        if (heldOut.isEmpty() && learn.size() > 1) {
            heldOut.add(learn.remove(learn.size() - 1));
        }
        Evaluation evaluation = null;
        NameFinder.Samples toLearn = NameFinder.samples(learn);
        if (!heldOut.isEmpty() && toLearn.names() > 0) {
            evaluation = Evaluation.of(heldOut, NameFinder.train(toLearn, settings));
        }
        NameFinder.Samples all = NameFinder.samples(sorted);
        return new Result(NameFinder.train(all, settings), evaluation, all.names(), all.skipped());
    }
}
