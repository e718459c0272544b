package io.gloss.assignment;

import io.gloss.article.Article;
import io.gloss.article.ArticleSummary;
import io.gloss.article.ArticleTitle;
import io.gloss.article.AssignmentProgress;
import io.gloss.project.Workloads;
import io.gloss.web.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Counts over assignments for the article list and the home page. */
@ApplicationScoped
public class AssignmentQueries implements AssignmentProgress, Workloads {

    @Inject
    EntityManager em;

    @Override
    public Map<Long, ArticleSummary.Progress> perArticle(List<Long> articleIds, String me) {
        Map<Long, int[]> counts = new HashMap<>();
        Map<Long, String> mine = new HashMap<>();
        em.createQuery("select a.articleId, a.username, a.state from Assignment a where a.articleId in :ids", Object[].class)
                .setParameter("ids", articleIds).getResultList().forEach(row -> {
                    int[] c = counts.computeIfAbsent((Long) row[0], id -> new int[2]);
                    c[0]++;
                    if (row[2] == AssignmentState.DONE) {
                        c[1]++;
                    }
                    if (row[1].equals(me)) {
                        mine.put((Long) row[0], ((AssignmentState) row[2]).name());
                    }
                });
        Map<Long, ArticleSummary.Progress> progress = new HashMap<>();
        counts.forEach((id, c) -> progress.put(id, new ArticleSummary.Progress(c[0], c[1], mine.get(id))));
        return progress;
    }

    @Override
    public Map<Long, Workload> of(String username) {
        Map<Long, int[]> counts = new HashMap<>();
        em.createQuery("select a.projectId, a.state, count(a) from Assignment a, Article ar where ar.id = a.articleId "
                        + "and ar.retiredAt is null and a.username = :u group by a.projectId, a.state",
                Object[].class).setParameter("u", username).getResultList()
                .forEach(row -> counts.computeIfAbsent((Long) row[0], id -> new int[3])[((AssignmentState) row[1]).ordinal()] =
                        ((Number) row[2]).intValue());
        Map<Long, Workload> workloads = new HashMap<>();
        counts.forEach((projectId, c) -> workloads.put(projectId,
                new Workload(c[0], c[1], c[2], c[0] + c[1] == 0 ? null : next(projectId, username))));
        return workloads;
    }

    /** A row of the assignments page: the assignment with its article's title. */
    public record Row(long id, long articleId, String title, String username, AssignmentState state, Instant updated) {
    }

    /** A page of a project's assignments in article order, optionally one user's and one state's. */
    public Page<Row> rows(long projectId, String username, AssignmentState state, String after, int limit) {
        long afterId = Page.after(after);
        var query = em.createQuery("select a.id, a.articleId, ar.title, a.username, a.state, a.updatedAt "
                        + "from Assignment a, Article ar where ar.id = a.articleId and ar.retiredAt is null and a.projectId = :p "
                        + "and a.id > :after"
                        + (username == null ? "" : " and a.username = :u") + (state == null ? "" : " and a.state = :s")
                        + " order by a.id", Object[].class)
                .setParameter("p", projectId).setParameter("after", afterId).setMaxResults(limit + 1);
        if (username != null) {
            query.setParameter("u", username);
        }
        if (state != null) {
            query.setParameter("s", state);
        }
        List<Row> rows = query.getResultList().stream().map(r -> new Row((Long) r[0], (Long) r[1], (String) r[2],
                (String) r[3], (AssignmentState) r[4], (Instant) r[5])).toList();
        boolean more = rows.size() > limit;
        List<Row> page = more ? rows.subList(0, limit) : rows;
        return new Page<>(page, more ? String.valueOf(page.get(page.size() - 1).id()) : null);
    }

    /** The article to go on with: one already started first, then the next one assigned, in import order. */
    public Long next(long projectId, String username) {
        return next(projectId, username, null);
    }

    /** The article to go on with other than the one open (the article page's "Next assigned" link), with its title. */
    public Optional<ArticleTitle> nextBesides(long projectId, String username, long openArticleId) {
        return Optional.ofNullable(next(projectId, username, openArticleId))
                .map(id -> new ArticleTitle(id, em.find(Article.class, id).title));
    }

    private Long next(long projectId, String username, Long besides) {
        TypedQuery<Long> query = em.createQuery("select a.articleId from Assignment a, Article ar where ar.id = a.articleId "
                        + "and ar.retiredAt is null and a.projectId = :p and a.username = :u and a.state <> :done"
                        + (besides == null ? "" : " and a.articleId <> :besides")
                        + " order by case when a.state = :started then 0 else 1 end, a.articleId", Long.class)
                .setParameter("p", projectId).setParameter("u", username).setParameter("done", AssignmentState.DONE)
                .setParameter("started", AssignmentState.IN_PROGRESS).setMaxResults(1);
        if (besides != null) {
            query.setParameter("besides", besides);
        }
        List<Long> ids = query.getResultList();
        return ids.isEmpty() ? null : ids.get(0);
    }
}
