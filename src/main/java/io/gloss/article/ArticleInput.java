package io.gloss.article;

import io.gloss.web.GlossException;
import java.util.regex.Pattern;

/** An article as a client or an import file gives it, before normalisation. */
public record ArticleInput(String title, String source, String url, String author, String published,
        String language, String externalId, String text) {

    /** A title taken from a text's first line is cut after this many characters. */
    private static final int TITLE_CHARS = 200;

    private static final Pattern WEB_ADDRESS = Pattern.compile("(?i)https?://[^/?#\\s]+([/?#].*)?", Pattern.DOTALL);

    /** For plain-text and Markdown files: the title is the first line, a Markdown heading mark dropped. */
    public static ArticleInput fromFile(String fileName, String text) {
        String firstLine = text.strip().lines().findFirst().orElse("").replaceFirst("^#+\\s*", "").strip();
        String title = firstLine.isEmpty() ? fileName : shortened(firstLine);
        return new ArticleInput(title, fileName, null, null, null, null, null, text);
    }

    /** A first line as a title: a paragraph-long line (a text without a headline) is cut at a word, not refused. */
    private static String shortened(String line) {
        if (line.length() <= TITLE_CHARS) {
            return line;
        }
        int cut = line.lastIndexOf(' ', TITLE_CHARS - 1);
        return line.substring(0, cut > 0 ? cut : TITLE_CHARS - 1).strip() + "…";
    }

    /**
     * The article's address, refused unless it is an absolute http(s) URL with a host: pages
     * link to it, and a {@code javascript:} or {@code data:} address would run in the reader's
     * browser. Null stays null.
     */
    static String httpUrl(String url) {
        if (url == null) {
            return null;
        }
        if (!isHttp(url)) {
            throw GlossException.badRequest("url", "url must be a web address starting with http:// or https://.");
        }
        return url;
    }

    /** Whether pages may link to this address (older articles may hold others, stored before the check). */
    public static boolean isHttp(String url) {
        return url != null && WEB_ADDRESS.matcher(url).matches();
    }
}
