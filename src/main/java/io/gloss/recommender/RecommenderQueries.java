package io.gloss.recommender;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** What the recommender reads: a project's approved spans with their articles' texts, and its live articles in batches. */
@ApplicationScoped
public class RecommenderQueries {

    /** Articles are read this many at a time. */
    private static final int ARTICLES_PER_QUERY = 500;

    /** A live article's id and text. */
    record ArticleText(long id, String text) {
    }

    @Inject
    EntityManager em;

    /**
     * The live articles of the project with approved spans (of labels in use), with those spans:
     * what a model learns from. Deleted and merged spans are not approved, so none is read twice.
     * Only the newest articles (by id) up to {@code maxCharacters} of text in all are read, at
     * least one: a training's memory grows with its text (OpenNLP keeps every token's features),
     * and 300,000 approved spans on 50,000 articles filled a 6 GB heap.
     */
    List<TrainingArticle> approved(long projectId, long maxCharacters) {
        Map<Long, List<LabelledSpan>> spans = new LinkedHashMap<>();
        em.createQuery("select a.article.id, a.start, a.end, a.label.key from Annotation a"
                        + " where a.projectId = :p and a.status = io.gloss.annotation.AnnotationStatus.APPROVED"
                        + " and a.deletedAt is null and a.article.retiredAt is null and a.label.retiredAt is null"
                        + " order by a.article.id", Object[].class)
                .setParameter("p", projectId).getResultStream()
                .forEach(r -> spans.computeIfAbsent((Long) r[0], k -> new ArrayList<>())
                        .add(LabelledSpan.approved((Integer) r[1], (Integer) r[2], (String) r[3])));
        Map<Long, Integer> lengths = new HashMap<>();
        byChunks(new ArrayList<>(spans.keySet()), "select a.id, a.length from Article a where a.id in :ids",
                r -> lengths.put((Long) r[0], (Integer) r[1]));
        List<Long> ids = newestWithin(new ArrayList<>(spans.keySet()), lengths, maxCharacters);
        spans.keySet().retainAll(new HashSet<>(ids));
        Map<Long, String> texts = new HashMap<>();
        byChunks(ids, "select a.id, a.text from Article a where a.id in :ids", r -> texts.put((Long) r[0], (String) r[1]));
        List<TrainingArticle> articles = new ArrayList<>();
        spans.forEach((id, list) -> articles.add(new TrainingArticle(id, texts.get(id), list)));
        return articles;
    }

    /**
     * Of {@code ids} (ascending), the newest whose lengths add up to at most {@code maxCharacters}
     * (the newest always, however long), ascending.
     */
    static List<Long> newestWithin(List<Long> ids, Map<Long, Integer> lengths, long maxCharacters) {
        List<Long> kept = new ArrayList<>();
        long total = 0;
        for (int i = ids.size() - 1; i >= 0; i--) {
            total += lengths.getOrDefault(ids.get(i), 0);
            if (!kept.isEmpty() && total > maxCharacters) {
                break;
            }
            kept.add(ids.get(i));
        }
        Collections.reverse(kept);
        return kept;
    }

    private void byChunks(List<Long> ids, String query, Consumer<Object[]> row) {
        for (int from = 0; from < ids.size(); from += ARTICLES_PER_QUERY) {
            em.createQuery(query, Object[].class).setParameter("ids", ids.subList(from, Math.min(ids.size(), from + ARTICLES_PER_QUERY)))
                    .getResultStream().forEach(row);
        }
    }

    /** Whether the project has an approved span to learn from. */
    boolean hasApproved(long projectId) {
        return !em.createQuery("select a.id from Annotation a where a.projectId = :p"
                        + " and a.status = io.gloss.annotation.AnnotationStatus.APPROVED and a.deletedAt is null", Long.class)
                .setParameter("p", projectId).setMaxResults(1).getResultList().isEmpty();
    }

    /** The next {@code limit} live articles of the project after {@code afterId}, by id. */
    List<ArticleText> liveAfter(long projectId, long afterId, int limit) {
        return em.createQuery("select a.id, a.text from Article a where a.project.id = :p and a.retiredAt is null"
                        + " and a.id > :after order by a.id", Object[].class)
                .setParameter("p", projectId).setParameter("after", afterId).setMaxResults(limit).getResultStream()
                .map(r -> new ArticleText((Long) r[0], (String) r[1])).toList();
    }
}
