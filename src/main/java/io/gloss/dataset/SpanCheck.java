package io.gloss.dataset;

import io.gloss.entity.EntityLink;
import io.gloss.text.CodePointText;
import java.util.List;

/**
 * Cuts each span's text from its article, checking it on the way. Texts never change and quotes
 * are checked on every write, so a span that does not fit means the data was altered behind
 * Gloss: the build stops rather than export a span whose text and offsets disagree.
 */
final class SpanCheck {

    private SpanCheck() {
    }

    /** The span with its text cut from the article and its annotators; an IllegalStateException, whose sentence the failed build shows, if it does not fit. */
    static ExportSpan cut(ExportReader.SpanRow row, CodePointText text, List<String> annotators) {
        if (row.start() < 0 || row.end() > text.length() || row.start() >= row.end()) {
            throw new IllegalStateException("Annotation " + row.id() + " has offsets [" + row.start() + ", " + row.end()
                    + ") outside its article of " + text.length() + " code points.");
        }
        String covered = text.slice(row.start(), row.end());
        if (!covered.equals(row.quote())) {
            throw new IllegalStateException("Annotation " + row.id() + " no longer matches its article: its quote differs "
                    + "from the text at [" + row.start() + ", " + row.end() + ").");
        }
        return new ExportSpan(row.id(), row.articleId(), row.start(), row.end(), row.label(), covered, row.note(),
                row.status(), row.author(), annotators, row.reviewer(), row.created(),
                row.entityId() == null ? null : new EntityLink(row.entityId(), row.entityName(), row.entityQid()),
                ExportAttributes.read(row.id(), row.attributes()));
    }
}
