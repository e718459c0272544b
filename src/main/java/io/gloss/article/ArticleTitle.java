package io.gloss.article;

/** An article named by its title, without its text: for pickers. */
public record ArticleTitle(long id, String title) {
}
