package io.gloss.dataset;

import java.util.List;

/**
 * An article of a batch with its spans, checked and in {@link ExportSpan#ORDER}, and the relations
 * between them, in {@link ExportRelation#ORDER}, as the writer takes them.
 */
record FetchedArticle(ExportArticle article, List<ExportSpan> spans, List<ExportRelation> relations) {
}
