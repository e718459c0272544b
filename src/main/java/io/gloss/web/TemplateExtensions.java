package io.gloss.web;

import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateExtension;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/** Helpers for every template. */
@TemplateExtension
public class TemplateExtensions {

    private static final Parser MARKDOWN = Parser.builder().build();
    // Raw HTML in guidelines is shown as text, and javascript: links are dropped.
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
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

    /** How long ago, in the largest whole unit: "just now", "5 min ago", "3 h ago", "2 d ago". */
    static String ago(Instant then) {
        return Age.since(then, Instant.now());
    }

    /**
     * A time as people read it: {@code <time>} saying "3 min ago", the full time on hover, recounted
     * by the page's script while it stays open. Only digits and fixed words go into the markup.
     */
    static RawString when(Instant at) {
        if (at == null) {
            return new RawString("");
        }
        return new RawString("<time datetime=\"" + at + "\" title=\"" + utc(at) + "\" data-ago>" + ago(at) + "</time>");
    }

    /** A time to the minute, in UTC: "2025-01-12 14:03 UTC". */
    static String utc(Instant at) {
        return at == null ? "" : UTC.format(at);
    }

    /** A rate from 0 to 1 as a person reads it: "12.5%". */
    static String asPercent(Double rate) {
        return rate == null ? "" : String.format(java.util.Locale.ROOT, "%.1f%%", rate * 100);
    }

    /** Seconds as a person reads them: "45 s", "12 min", "3 h 5 min", "2 d 4 h". */
    static String asDuration(Long seconds) {
        if (seconds == null) {
            return "";
        }
        long s = seconds;
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return s / 60 + " min";
        }
        if (s < 86_400) {
            return s / 3600 + " h" + (s % 3600 / 60 > 0 ? " " + s % 3600 / 60 + " min" : "");
        }
        return s / 86_400 + " d" + (s % 86_400 / 3600 > 0 ? " " + s % 86_400 / 3600 + " h" : "");
    }
}
