package io.gloss.article;

import io.gloss.web.GlossException;

/**
 * Where an import's spans go ({@code ?as=} and {@code ?account=}): suggestions proposed to
 * every editor of the project (the default), or annotations SUBMITTED for review whose author is
 * the import account ({@value #DEFAULT_ACCOUNT} unless named).
 */
public record SpanTarget(boolean submitted, String account) {

    public static final String DEFAULT_ACCOUNT = "import";

    public static final SpanTarget SUGGESTIONS = new SpanTarget(false, null);

    /** The target the query parameters name; 400 for anything else. */
    public static SpanTarget of(String as, String account) {
        boolean named = account != null && !account.isBlank();
        if (as == null || as.isBlank() || as.equals("suggestions")) {
            if (named) {
                throw GlossException.badRequest("account", "account names the author of spans imported as=submitted;"
                        + " suggestions have no author.");
            }
            return SUGGESTIONS;
        }
        if (as.equals("submitted")) {
            return new SpanTarget(true, named ? account.strip() : DEFAULT_ACCOUNT);
        }
        throw GlossException.badRequest("as", "as is \"suggestions\" (the default: proposed to every editor) or "
                + "\"submitted\" (annotations of the import account, for review).");
    }

    /** As the import job stores it: {@code suggestions} or {@code submitted}. */
    public String as() {
        return submitted ? "submitted" : "suggestions";
    }
}
