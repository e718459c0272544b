package io.gloss.article;

import java.time.Instant;

/**
 * An article with its text, as {@code GET /api/articles/{id}} returns it; {@code retiredAt} and
 * {@code retiredBy} are null unless an admin retired it.
 */
public record ArticleView(Long id, Long projectId, String title, String source, String url, String author,
        String published, String language, String externalId, String text, int length, String sha256,
        Instant retiredAt, String retiredBy) {

    public static ArticleView of(Article a) {
        return new ArticleView(a.id, a.project.id, a.title, a.source, a.url, a.author, a.published, a.language,
                a.externalId, a.text, a.length, a.sha256, a.retiredAt, a.retiredBy);
    }
}
