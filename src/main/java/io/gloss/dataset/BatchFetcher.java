package io.gloss.dataset;

import io.gloss.annotation.AnnotationView;
import io.gloss.text.CodePointText;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Fetches the batches of one export, each on a fetcher thread in a transaction of its own: the
 * batch's articles with their split, and their spans, read from one query (the batch's spans are
 * held anyway, as its articles' lists), cut from the texts and checked by {@link SpanCheck}, each
 * with its annotators (one more query, for a batch with spans), and the relations between the
 * spans it exports (one more).
 */
final class BatchFetcher {

    /** A batch may stream many spans; the default 60 s transaction timeout is for requests. */
    private static final int BATCH_TIMEOUT_SECONDS = 600;

    private final ExportReader reader;
    private final DatasetDefinition definition;

    BatchFetcher(ExportReader reader, DatasetDefinition definition) {
        this.reader = reader;
        this.definition = definition;
    }

    /** The articles of the batch, in id order. */
    List<FetchedArticle> fetch(List<Long> ids) {
        return QuarkusTransaction.requiringNew().timeout(BATCH_TIMEOUT_SECONDS).call(() -> read(ids));
    }

    private List<FetchedArticle> read(List<Long> ids) {
        List<ExportReader.ArticleRow> articles = reader.articles(ids);
        List<ExportReader.SpanRow> rows;
        try (Stream<ExportReader.SpanRow> stream = reader.spans(definition, ids)) {
            rows = stream.toList();
        }
        // Who gave each span: one more query, once the stream is closed, and only for a batch with spans.
        Map<Long, List<String>> merged = rows.isEmpty() ? Map.of() : reader.mergedAuthors(ids);
        List<ExportReader.RelationRow> relationRows = rows.isEmpty() ? List.of() : reader.relations(definition, ids);
        List<FetchedArticle> fetched = new ArrayList<>(articles.size());
        Iterator<ExportReader.SpanRow> it = rows.iterator();
        ExportReader.SpanRow pending = it.hasNext() ? it.next() : null;
        Iterator<ExportReader.RelationRow> relationIt = relationRows.iterator();
        ExportReader.RelationRow pendingRelation = relationIt.hasNext() ? relationIt.next() : null;
        for (ExportReader.ArticleRow row : articles) {
            CodePointText text = new CodePointText(row.text());
            List<ExportSpan> spans = new ArrayList<>();
            while (pending != null && pending.articleId() == row.id()) {
                spans.add(SpanCheck.cut(pending, text,
                        AnnotationView.annotators(pending.author(), merged.getOrDefault(pending.id(), List.of()))));
                pending = it.hasNext() ? it.next() : null;
            }
            spans.sort(ExportSpan.ORDER);
            // A relation goes with its article when both its ends are exported spans of it.
            Set<Long> exported = new HashSet<>();
            spans.forEach(span -> exported.add(span.id()));
            List<ExportRelation> relations = new ArrayList<>();
            while (pendingRelation != null && pendingRelation.articleId() == row.id()) {
                if (exported.contains(pendingRelation.fromId()) && exported.contains(pendingRelation.toId())) {
                    relations.add(new ExportRelation(pendingRelation.id(), pendingRelation.type(), pendingRelation.fromId(),
                            pendingRelation.toId()));
                }
                pendingRelation = relationIt.hasNext() ? relationIt.next() : null;
            }
            fetched.add(new FetchedArticle(new ExportArticle(row.id(), row.title(), row.source(), row.url(),
                    row.published(), definition.split().assign(row.id()), text), spans, relations));
        }
        return fetched;
    }
}
