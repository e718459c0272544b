package io.gloss.article;

import java.time.Instant;
import java.util.List;

/**
 * {@code GET /api/imports/{id}}: a background import's state and counts, with the first refused
 * lines ({@code errors}, at most {@code gloss.import.errors-kept}) and how many there are in all.
 */
public record ImportJobView(long id, long projectId, String fileName, ImportState state, double progress, int linesTotal,
        int linesRead, int imported, int duplicates, int spans, List<ImportReport.LineError> errors, int errorCount, String message,
        String createdBy, Instant createdAt, Instant startedAt, Instant finishedAt) {

    static ImportJobView of(ImportJob job, List<ImportReport.LineError> errors) {
        return new ImportJobView(job.id, job.projectId, job.fileName, job.state, job.progress(), job.linesTotal,
                job.linesRead, job.imported, job.duplicates, job.spans, errors, job.errorCount, job.message, job.createdBy,
                job.createdAt, job.startedAt, job.finishedAt);
    }

    /** Progress as a whole percentage, for the pages. */
    public int percent() {
        return (int) Math.floor(progress * 100);
    }

    public boolean active() {
        return state.active();
    }
}
