package io.gloss.recommender;

/**
 * Where a project's recommender stands. A retraining keeps the last model (and its suggestions)
 * until the new one replaces it, so TRAINING and FAILED may come with a model trained before.
 */
public enum RecommenderState {
    /** Never trained. */
    UNTRAINED,
    /** An admin asked for a training that has not started yet. */
    QUEUED,
    TRAINING,
    TRAINED,
    /** The last training failed; its {@code error} says why. */
    FAILED
}
