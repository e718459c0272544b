package io.gloss.article;

/** Fired when an import job's row is written; the job starts once that transaction has committed. */
public record ImportQueued(long jobId) {
}
