package io.gloss.web;

import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/** Helpers for every template. */
@TemplateExtension
public class TemplateExtensions {

    private static final Parser MARKDOWN = Parser.builder().build();
    // Raw HTML in guidelines is shown as text, and javascript: links are dropped.
    private static final HtmlRenderer HTML = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

    /** Cuts a text to {@code max} characters, ending in "…" when it was longer. */
    static String shorten(String text, int max) {
        if (text == null || text.codePointCount(0, text.length()) <= max) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, max - 1)).stripTrailing() + "…";
    }

    /** Markdown (guidelines) as safe HTML. */
    static RawString markdown(String text) {
        return new RawString(text == null ? "" : HTML.render(MARKDOWN.parse(text)));
    }
}
