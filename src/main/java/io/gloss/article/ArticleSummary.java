package io.gloss.article;

/** A row of a project's article list, with annotation counts (live annotations only). */
public record ArticleSummary(Long id, String title, int length, Counts counts) {

    public record Counts(long all, long mine, long submitted, long approved, long rejected) {
        public static final Counts NONE = new Counts(0, 0, 0, 0, 0);
    }
}
