package io.gloss.annotation;

import io.gloss.article.Article;
import java.util.List;

/**
 * The relations between an article's spans, for the article page, which draws them over the text.
 * Relations are a feature above annotations, so they answer this (the relation package implements
 * it) and the page only asks: it never names the relation table.
 */
public interface ArticleRelations {

    /** The article's live relations the current user may see, as {@code GET /api/articles/{id}/relations} lists them. */
    List<?> visibleOn(Article article);
}
