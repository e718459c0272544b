package io.gloss.dataset;

import java.util.List;

/** An article of a batch with its spans, checked and in {@link ExportSpan#ORDER}, as the writer takes it. */
record FetchedArticle(ExportArticle article, List<ExportSpan> spans) {
}
