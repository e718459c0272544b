package io.gloss.recommender;

import java.util.List;

/** An article's text and its approved spans, as the trainer and the evaluation read them. */
public record TrainingArticle(long id, String text, List<LabelledSpan> spans) {
}
