package io.gloss.article;

import io.gloss.web.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Read-only questions the article list asks. */
@ApplicationScoped
public class ArticleQueries {

    @Inject
    EntityManager em;

    @Inject
    AnnotationCounts annotationCounts;

    @Inject
    AssignmentProgress assignmentProgress;

    /**
     * Live articles of these projects whose title contains {@code text} in any case (all of them
     * when it is null), newest first, at most {@code limit}: the queue's article picker.
     */
    public List<ArticleTitle> titled(Collection<Long> projectIds, String text, int limit) {
        if (projectIds.isEmpty()) {
            return List.of();
        }
        var query = em.createQuery("select a.id, a.title from Article a where a.project.id in :projects and a.retiredAt is null"
                + (text == null ? "" : " and lower(a.title) like :q escape '\\'") + " order by a.id desc", Object[].class)
                .setParameter("projects", projectIds).setMaxResults(limit);
        if (text != null) {
            query.setParameter("q", "%" + text.strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\")
                    .replace("%", "\\%").replace("_", "\\_") + "%");
        }
        return query.getResultList().stream().map(r -> new ArticleTitle((Long) r[0], (String) r[1])).toList();
    }

    /**
     * The article before ({@code after} false) or after this one in its project's list (import
     * order, as the project page lists them), by title: the article page's previous/next links.
     */
    public Optional<ArticleTitle> neighbour(Article article, boolean after) {
        return em.createQuery("select a.id, a.title from Article a where a.project.id = :project and a.retiredAt is null and a.id "
                + (after ? "> :id order by a.id" : "< :id order by a.id desc"), Object[].class)
                .setParameter("project", article.project.id).setParameter("id", article.id).setMaxResults(1)
                .getResultStream().findFirst().map(r -> new ArticleTitle((Long) r[0], (String) r[1]));
    }

    /**
     * A page of a project's live articles (or, {@code retired}, of its retired ones) in import
     * order, with counts; {@code q} searches titles.
     */
    public Page<ArticleSummary> summaries(long projectId, String q, boolean retired, String after, Integer limit, String me) {
        int size = Page.limit(limit);
        long afterId = Page.after(after);
        String search = q == null || q.isBlank() ? null : "%" + q.strip().toLowerCase(Locale.ROOT) + "%";
        // Columns rather than entities: the texts are not needed and may be megabytes each.
        var query = em.createQuery("select a.id, a.title, a.length, a.retiredAt, a.retiredBy from Article a "
                        + "where a.project.id = :p and a.id > :after and a.retiredAt is " + (retired ? "not null" : "null")
                        + (search == null ? "" : " and lower(a.title) like :q") + " order by a.id", Object[].class)
                .setParameter("p", projectId).setParameter("after", afterId)
                .setMaxResults(size + 1);
        if (search != null) {
            query.setParameter("q", search);
        }
        List<Object[]> rows = query.getResultList();
        boolean more = rows.size() > size;
        List<Object[]> page = more ? rows.subList(0, size) : rows;
        List<Long> ids = page.stream().map(r -> (Long) r[0]).toList();
        Map<Long, ArticleSummary.Counts> counts = ids.isEmpty() ? Map.of() : annotationCounts.perArticle(ids, me);
        Map<Long, ArticleSummary.Progress> progress = ids.isEmpty() ? Map.of() : assignmentProgress.perArticle(ids, me);
        List<ArticleSummary> items = page.stream()
                .map(r -> new ArticleSummary((Long) r[0], (String) r[1], (Integer) r[2],
                        counts.getOrDefault((Long) r[0], ArticleSummary.Counts.NONE),
                        progress.getOrDefault((Long) r[0], ArticleSummary.Progress.NONE), (Instant) r[3], (String) r[4]))
                .toList();
        return new Page<>(items, more ? String.valueOf(page.get(page.size() - 1)[0]) : null);
    }

    /** How many of the project's articles are retired: the project page's "Retired (n)". */
    public long retiredCount(long projectId) {
        return em.createQuery("select count(a) from Article a where a.project.id = :p and a.retiredAt is not null", Long.class)
                .setParameter("p", projectId).getSingleResult();
    }
}
