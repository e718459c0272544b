package io.gloss.recommender;

import java.time.Instant;

/**
 * {@code GET /api/projects/{id}/recommender}: the state, when the current model was trained and on
 * how many approved spans, its evaluation on held-out articles (null before the first training, or
 * when no article could be held out), and why the last training failed (null unless FAILED).
 */
public record RecommenderView(RecommenderState state, Instant trainedAt, int trainedOn, Evaluation evaluation, String error) {
}
