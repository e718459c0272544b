package io.gloss.recommender;

/** An admin asked for a training; the runner takes it once the request's transaction has committed. */
record TrainingRequested(long projectId) {
}
