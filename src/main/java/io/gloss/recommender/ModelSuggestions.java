package io.gloss.recommender;

import io.gloss.article.Article;
import io.gloss.db.Timestamps;
import io.gloss.project.Label;
import io.gloss.suggestion.Suggestion;
import io.gloss.suggestion.SuggestionSource;
import io.gloss.text.CodePointText;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A model's spans, stored as suggestions (source MODEL, to every editor, score = the model's
 * probability) on a project's live articles, a batch of articles at a time: each batch's
 * transaction replaces the last model's suggestions on those articles and moves the model's
 * {@code suggested_up_to} past them. Computed here, in the background, rather than when an
 * editor opens an article: listing an article's suggestions stays one query, whatever its length.
 */
@ApplicationScoped
public class ModelSuggestions {

    @Inject
    RecommenderQueries queries;

    @Inject
    RecommenderConfig config;

    /**
     * Proposes the model's spans on the project's live articles after {@code afterId}; stops
     * early, returning false, when a newer model than the one {@code trainedAt} names took over.
     */
    boolean propose(long projectId, NameFinder model, Instant trainedAt, long afterId) {
        long after = afterId;
        while (true) {
            long from = after;
            List<RecommenderQueries.ArticleText> batch =
                    QuarkusTransaction.requiringNew().call(() -> queries.liveAfter(projectId, from, config.batchSize()));
            if (batch.isEmpty()) {
                return true;
            }
            Map<Long, List<LabelledSpan>> found = new HashMap<>();
            batch.forEach(article -> found.put(article.id(), model.find(article.text())));
            long last = batch.get(batch.size() - 1).id();
            Map<Long, String> texts = new HashMap<>();
            batch.forEach(article -> texts.put(article.id(), article.text()));
            if (!QuarkusTransaction.requiringNew().call(() -> store(projectId, trainedAt, texts, found, last))) {
                return false;
            }
            after = last;
        }
    }

    private static boolean store(long projectId, Instant trainedAt, Map<Long, String> texts, Map<Long, List<LabelledSpan>> found,
            long last) {
        RecommenderModel current = RecommenderModel.findById(projectId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (current == null || !trainedAt.equals(current.trainedAt)) {
            return false;
        }
        Map<String, Label> labels = new HashMap<>();
        Label.ofProject(projectId).stream().filter(l -> l.retiredAt == null).forEach(l -> labels.put(l.key, l));
        Suggestion.deleteOf(SuggestionSource.MODEL, texts.keySet());
        Instant now = Timestamps.now();
        found.forEach((articleId, spans) -> {
            CodePointText text = new CodePointText(texts.get(articleId));
            Article article = Suggestion.getEntityManager().getReference(Article.class, articleId);
            for (LabelledSpan span : spans) {
                Label label = labels.get(span.label());
                if (label == null) {
                    continue; // retired since the model learnt it
                }
                Suggestion suggestion = new Suggestion();
                suggestion.projectId = projectId;
                suggestion.article = article;
                suggestion.label = label;
                suggestion.start = span.start();
                suggestion.end = span.end();
                suggestion.quote = text.slice(span.start(), span.end());
                suggestion.source = SuggestionSource.MODEL;
                suggestion.score = span.score();
                suggestion.createdAt = now;
                suggestion.persist();
            }
        });
        current.suggestedUpTo = Math.max(current.suggestedUpTo, last);
        return true;
    }
}
