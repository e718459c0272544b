package io.gloss.stats;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The answer of {@code GET /api/projects/{id}/stats} (api.md). */
public record ProjectStats(LocalDate from, LocalDate to, String bucket, Articles articles, Annotations annotations,
        List<SeriesRow> series, List<EditorRow> editors, List<ReviewerRow> reviewers, Backlog backlog,
        List<AgreementRow> agreement) {

    public record Articles(long total, long assigned, long done) {
    }

    /** Live annotations now, per status (every status, zeros included) and per label key (those with spans). */
    public record Annotations(Map<String, Long> byStatus, Map<String, Long> byLabel) {
    }

    /** One bucket, named by its first day. */
    public record SeriesRow(LocalDate bucket, long created, long approved, long rejected) {
    }

    /** {@code rejectionRate} is rejected / (approved + rejected), null without decisions. */
    public record EditorRow(String username, long created, long approved, long rejected, Double rejectionRate) {
    }

    /** {@code medianDecisionSeconds} from submission to decision, null without decisions. */
    public record ReviewerRow(String username, long decided, Long medianDecisionSeconds) {
    }

    public record Backlog(long submitted, Instant oldestSubmitted) {
    }

    /**
     * Krippendorff's αu over the articles completed in a bucket (their last DONE mark of at least
     * two), measured as they are now; null where undefined (agreement's rules). Buckets without
     * such an article have no row.
     */
    public record AgreementRow(LocalDate bucket, Double alphaU, long articles) {
    }
}
