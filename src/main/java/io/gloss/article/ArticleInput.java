package io.gloss.article;

/** An article as a client or an import file gives it, before normalisation. */
public record ArticleInput(String title, String source, String url, String author, String published,
        String language, String externalId, String text) {

    /** For plain-text and Markdown files: the title is the first line, a Markdown heading mark dropped. */
    public static ArticleInput fromFile(String fileName, String text) {
        String firstLine = text.strip().lines().findFirst().orElse("").replaceFirst("^#+\\s*", "").strip();
        String title = firstLine.isEmpty() ? fileName : firstLine;
        return new ArticleInput(title, fileName, null, null, null, null, null, text);
    }
}
