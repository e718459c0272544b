package io.gloss.article;

import java.time.Instant;

/**
 * A row of a project's article list, with annotation counts (live annotations only) and how far
 * its assigned editors have got; {@code retiredAt}, {@code retiredBy}: null unless retired.
 */
public record ArticleSummary(Long id, String title, int length, Counts counts, Progress progress, Instant retiredAt,
        String retiredBy) {

    public record Counts(long all, long mine, long submitted, long approved, long rejected) {
        public static final Counts NONE = new Counts(0, 0, 0, 0, 0);
    }

    /** {@code done} of {@code assigned} editors have marked the article done; {@code mine}: the user's own state, or null. */
    public record Progress(int assigned, int done, String mine) {
        public static final Progress NONE = new Progress(0, 0, null);
    }
}
