package io.gloss.dataset;

/** Fired when a dataset row is written; its build starts once that transaction has committed. */
public record DatasetQueued(long datasetId) {
}
