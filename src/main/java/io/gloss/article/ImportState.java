package io.gloss.article;

/** A background import: queued, running, then done or failed for good. */
public enum ImportState {
    QUEUED,
    RUNNING,
    DONE,
    FAILED;

    /** Whether the job may still change (its page keeps polling while it is). */
    public boolean active() {
        return this == QUEUED || this == RUNNING;
    }
}
