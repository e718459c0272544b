package io.gloss.dataset;

import io.gloss.text.CodePointText;
/** An article as the writers see it: metadata, its text and the split it was assigned to. */
public record ExportArticle(long id, String title, String source, String url, String published, Split split,
        CodePointText text) {
}
