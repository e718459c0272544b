package io.gloss.suggestion;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** What suggestions read beside their own rows: the editor's spans and rejections, and the articles to search. */
@ApplicationScoped
public class SuggestionQueries {

    /** A place a suggestion may take: an article and code-point offsets (the label is the caller's). */
    record Place(long articleId, int start, int end) {
    }

    @Inject
    EntityManager em;

    /**
     * The suggestions of the article proposed to {@code username} (or to every editor), minus the
     * places they rejected and the spans they already have with that label; in text order.
     */
    List<SuggestionView> openFor(long articleId, String username) {
        return em.createQuery("select new io.gloss.suggestion.SuggestionView(s.id, s.label.key, s.start, s.end, s.quote,"
                + " s.source, s.score, s.entityId) from Suggestion s"
                + " where s.article.id = :article and (s.forUser is null or s.forUser = :user) and s.label.retiredAt is null"
                + " and not exists (select 1 from SuggestionRejection r where r.article = s.article and r.label = s.label"
                + "   and r.start = s.start and r.end = s.end and r.username = :user)"
                + " and not exists (select 1 from Annotation a where a.article = s.article and a.label = s.label"
                + "   and a.start = s.start and a.end = s.end and a.author = :user and a.deletedAt is null)"
                + " order by s.start, s.end, s.id", SuggestionView.class)
                .setParameter("article", articleId).setParameter("user", username).getResultList();
    }

    /**
     * The places with this label that a new suggestion to {@code username} must not take: their
     * live spans, the open suggestions they see, and their rejections; in one article, or in the
     * whole project when {@code articleId} is null.
     */
    Set<Place> takenFor(long projectId, Long articleId, long labelId, String username) {
        Set<Place> taken = new HashSet<>();
        String inArticle = articleId == null ? "" : " and x.article.id = :article";
        for (String from : List.of("Annotation x where x.author = :user and x.deletedAt is null",
                "Suggestion x where (x.forUser is null or x.forUser = :user)",
                "SuggestionRejection x where x.username = :user")) {
            TypedQuery<Object[]> query = em.createQuery("select x.article.id, x.start, x.end from " + from
                    + " and x.projectId = :project and x.label.id = :label" + inArticle, Object[].class)
                    .setParameter("user", username).setParameter("project", projectId).setParameter("label", labelId);
            if (articleId != null) {
                query.setParameter("article", articleId);
            }
            query.getResultList().forEach(r -> taken.add(new Place((Long) r[0], (Integer) r[1], (Integer) r[2])));
        }
        return taken;
    }

    /** The project's live (not retired) articles, by id. */
    List<Long> liveArticles(long projectId) {
        return em.createQuery("select a.id from Article a where a.project.id = :project and a.retiredAt is null order by a.id",
                Long.class).setParameter("project", projectId).getResultList();
    }

    /** One article's text, read alone: a project's articles are searched one at a time, never all in memory. */
    String textOf(long articleId) {
        return em.createQuery("select a.text from Article a where a.id = :id", String.class)
                .setParameter("id", articleId).getSingleResult();
    }
}
