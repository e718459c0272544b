package io.gloss.dataset;

/** The build of a dataset: queued, running in the background, then done or failed for good. */
public enum DatasetState {
    QUEUED,
    RUNNING,
    DONE,
    FAILED;

    /** Whether the build may still change the dataset (the page keeps polling while it is). */
    public boolean active() {
        return this == QUEUED || this == RUNNING;
    }
}
