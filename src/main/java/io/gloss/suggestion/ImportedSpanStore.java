package io.gloss.suggestion;

import io.gloss.annotation.AnnotationService;
import io.gloss.article.Article;
import io.gloss.article.CheckedSpan;
import io.gloss.article.ImportedSpans;
import io.gloss.article.SpanTarget;
import io.gloss.db.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The spans of a pre-annotated import: suggestions (source IMPORT, to every editor of the
 * project) or annotations the import account submits for review, with origin IMPORT. A span
 * already there (the same label and place, imported before) is left out, so that importing a
 * file again adds nothing.
 */
@ApplicationScoped
@ActivateRequestContext // a background import runs outside any request: its audit events are the system's
public class ImportedSpanStore implements ImportedSpans {

    @Inject
    AnnotationService annotations;

    @Inject
    SuggestionQueries queries;

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public int store(Article article, List<CheckedSpan> spans, SpanTarget target) {
        if (target.submitted()) {
            int stored = 0;
            for (CheckedSpan span : spans) {
                if (annotations.createImported(article, span.label(), span.start(), span.end(), span.quote(),
                        target.account(), SuggestionSource.IMPORT.name())) {
                    stored++;
                }
            }
            return stored;
        }
        Set<List<Object>> taken = queries.importedOn(article.id);
        Instant now = Timestamps.now();
        int stored = 0;
        for (CheckedSpan span : spans) {
            if (!taken.add(List.of(span.label().id, span.start(), span.end()))) {
                continue;
            }
            Suggestion suggestion = new Suggestion();
            suggestion.projectId = article.project.id;
            suggestion.article = article;
            suggestion.label = span.label();
            suggestion.start = span.start();
            suggestion.end = span.end();
            suggestion.quote = span.quote();
            suggestion.source = SuggestionSource.IMPORT;
            suggestion.forUser = null;
            suggestion.createdAt = now;
            suggestion.persist();
            stored++;
        }
        return stored;
    }
}
