package io.gloss.search;

import io.gloss.web.GlossException;
import io.gloss.web.Texts;
import java.util.Locale;

/** What a hit is: an article (title and text) or an annotation (quote and note). */
public enum SearchKind {
    ARTICLE("A", "article"),
    ANNOTATION("N", "annotation");

    private final String code;
    private final String table;

    SearchKind(String code, String table) {
        this.code = code;
        this.table = table;
    }

    /** One letter, in the H2 search queue and the Lucene keys. */
    public String code() {
        return code;
    }

    /** As the API names it. */
    public String value() {
        return table;
    }

    static SearchKind ofTable(String table) {
        for (SearchKind kind : values()) {
            if (kind.table.equalsIgnoreCase(table)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("No search kind for table " + table);
    }

    /** {@code kind} of the API; null for both. */
    static SearchKind parse(String kind) {
        if (kind == null || kind.isBlank()) {
            return null;
        }
        for (SearchKind k : values()) {
            if (k.table.equals(kind.strip().toLowerCase(Locale.ROOT))) {
                return k;
            }
        }
        throw GlossException.badRequest("kind", "kind must be article or annotation, not \"" + Texts.excerpt(kind) + "\".");
    }
}
