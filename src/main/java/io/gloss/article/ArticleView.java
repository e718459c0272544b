package io.gloss.article;

/** An article with its text, as {@code GET /api/articles/{id}} returns it. */
public record ArticleView(Long id, Long projectId, String title, String source, String url, String author,
        String published, String language, String externalId, String text, int length, String sha256) {

    public static ArticleView of(Article a) {
        return new ArticleView(a.id, a.project.id, a.title, a.source, a.url, a.author, a.published, a.language,
                a.externalId, a.text, a.length, a.sha256);
    }
}
