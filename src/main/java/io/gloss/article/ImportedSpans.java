package io.gloss.article;

import java.util.List;

/**
 * Stores the spans of an imported article, as suggestions or as the import account's submitted
 * annotations; {@code suggestion.ImportedSpanStore} implements it, since both live above
 * {@code article}. Runs in the caller's transaction, so that an article and its spans commit
 * together or not at all.
 */
public interface ImportedSpans {

    /** Stores those of {@code spans} the article does not hold yet (as this target); returns how many it stored. */
    int store(Article article, List<CheckedSpan> spans, SpanTarget target);
}
