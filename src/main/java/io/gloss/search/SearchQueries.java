package io.gloss.search;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** What a page of results shows, read for the ids the engine found; and the label keys of the filters and facets. */
@ApplicationScoped
class SearchQueries {

    /** An article of a page of results. */
    record ArticleRow(long id, long projectId, String title, String text) {
    }

    /** An annotation of a page of results, with its article's title. */
    record AnnotationRow(long id, long articleId, long projectId, String title, String quote, String note, String label,
            String status, String author, int start, int end) {
    }

    @Inject
    EntityManager em;

    Map<Long, ArticleRow> articles(Collection<Long> ids) {
        Map<Long, ArticleRow> rows = new HashMap<>();
        em.createQuery("select a.id, a.project.id, a.title, a.text from Article a where a.id in :ids", Object[].class)
                .setParameter("ids", ids).getResultList()
                .forEach(r -> rows.put((Long) r[0], new ArticleRow((Long) r[0], (Long) r[1], (String) r[2], (String) r[3])));
        return rows;
    }

    Map<Long, AnnotationRow> annotations(Collection<Long> ids) {
        Map<Long, AnnotationRow> rows = new HashMap<>();
        em.createQuery("select n.id, a.id, n.projectId, a.title, n.quote, n.note, l.key, n.status, n.author, n.start, n.end"
                        + " from Annotation n join n.article a join n.label l where n.id in :ids", Object[].class)
                .setParameter("ids", ids).getResultList()
                .forEach(r -> rows.put((Long) r[0], new AnnotationRow((Long) r[0], (Long) r[1], (Long) r[2], (String) r[3],
                        (String) r[4], (String) r[5], (String) r[6], r[7].toString(), (String) r[8], (Integer) r[9],
                        (Integer) r[10])));
        return rows;
    }

    /** The ids of the label {@code key} (any case) in those projects. */
    Set<Long> labelIds(String key, Collection<Long> projectIds) {
        return new HashSet<>(em.createQuery("select l.id from Label l where l.key = :key and l.project.id in :projects", Long.class)
                .setParameter("key", key.strip().toUpperCase(Locale.ROOT)).setParameter("projects", projectIds).getResultList());
    }

    Map<Long, String> labelKeys(Collection<Long> ids) {
        Map<Long, String> keys = new HashMap<>();
        if (!ids.isEmpty()) {
            em.createQuery("select l.id, l.key from Label l where l.id in :ids", Object[].class).setParameter("ids", ids)
                    .getResultList().forEach(r -> keys.put((Long) r[0], (String) r[1]));
        }
        return keys;
    }
}
