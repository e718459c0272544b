package io.gloss.recommender;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the recommender reads: a project's approved spans with their articles' texts, and its live articles in batches. */
@ApplicationScoped
public class RecommenderQueries {

    /** Texts are read this many articles at a time. */
    private static final int TEXTS_PER_QUERY = 500;

    /** A live article's id and text. */
    record ArticleText(long id, String text) {
    }

    @Inject
    EntityManager em;

    /**
     * Every live article of the project with approved spans (of labels in use), with those spans:
     * what a model learns from. Deleted and merged spans are not approved, so none is read twice.
     */
    List<TrainingArticle> approved(long projectId) {
        Map<Long, List<LabelledSpan>> spans = new LinkedHashMap<>();
        em.createQuery("select a.article.id, a.start, a.end, a.label.key from Annotation a"
                        + " where a.projectId = :p and a.status = io.gloss.annotation.AnnotationStatus.APPROVED"
                        + " and a.deletedAt is null and a.article.retiredAt is null and a.label.retiredAt is null"
                        + " order by a.article.id", Object[].class)
                .setParameter("p", projectId).getResultStream()
                .forEach(r -> spans.computeIfAbsent((Long) r[0], k -> new ArrayList<>())
                        .add(LabelledSpan.approved((Integer) r[1], (Integer) r[2], (String) r[3])));
        List<Long> ids = new ArrayList<>(spans.keySet());
        Map<Long, String> texts = new HashMap<>();
        for (int from = 0; from < ids.size(); from += TEXTS_PER_QUERY) {
            em.createQuery("select a.id, a.text from Article a where a.id in :ids", Object[].class)
                    .setParameter("ids", ids.subList(from, Math.min(ids.size(), from + TEXTS_PER_QUERY)))
                    .getResultStream().forEach(r -> texts.put((Long) r[0], (String) r[1]));
        }
        List<TrainingArticle> articles = new ArrayList<>();
        spans.forEach((id, list) -> articles.add(new TrainingArticle(id, texts.get(id), list)));
        return articles;
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
