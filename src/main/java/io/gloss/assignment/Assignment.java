package io.gloss.assignment;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One editor's charge to annotate one article; never two for the same article and editor. */
@Entity
public class Assignment extends PanacheEntity {

    @Column(name = "project_id")
    public long projectId;

    @Column(name = "article_id")
    public long articleId;

    public String username;

    @Enumerated(EnumType.STRING)
    public AssignmentState state;

    @Version
    public int version;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public static Assignment of(long articleId, String username) {
        return find("articleId = ?1 and username = ?2", articleId, username).firstResult();
    }

    /** A page of a project's assignments in id order, each filter optional. */
    public static List<Assignment> search(long projectId, String username, AssignmentState state, Long articleId,
            long afterId, int limit) {
        StringBuilder query = new StringBuilder("projectId = :project and id > :after");
        Map<String, Object> params = new HashMap<>(Map.of("project", projectId, "after", afterId));
        if (username != null) {
            query.append(" and username = :username");
            params.put("username", username);
        }
        if (state != null) {
            query.append(" and state = :state");
            params.put("state", state);
        }
        if (articleId != null) {
            query.append(" and articleId = :article");
            params.put("article", articleId);
        }
        return find(query.append(" order by id").toString(), params).page(0, limit).list();
    }

    /** Who is assigned to each of these articles (article id → usernames). */
    static Map<Long, Set<String>> assigneesOf(long projectId, List<Long> articleIds) {
        Map<Long, Set<String>> assignees = new HashMap<>();
        for (int from = 0; from < articleIds.size(); from += 1000) {
            List<Long> slice = articleIds.subList(from, Math.min(articleIds.size(), from + 1000));
            List<Object[]> rows = getEntityManager().createQuery(
                    "select a.articleId, a.username from Assignment a where a.projectId = :project and a.articleId in :ids",
                    Object[].class).setParameter("project", projectId).setParameter("ids", slice).getResultList();
            for (Object[] row : rows) {
                assignees.computeIfAbsent((Long) row[0], id -> new HashSet<>()).add((String) row[1]);
            }
        }
        return assignees;
    }

    /** How many articles of the project each user is assigned to, whatever the state. */
    static Map<String, Integer> loads(long projectId) {
        Map<String, Integer> loads = new HashMap<>();
        getEntityManager().createQuery(
                "select a.username, count(a) from Assignment a where a.projectId = :project group by a.username",
                Object[].class).setParameter("project", projectId).getResultList()
                .forEach(row -> loads.put((String) row[0], ((Number) row[1]).intValue()));
        return loads;
    }

    /** The articles of the project {@code username} has marked done. */
    public static Set<Long> doneArticleIds(long projectId, String username) {
        return new HashSet<>(getEntityManager().createQuery(
                "select a.articleId from Assignment a where a.projectId = :project and a.username = :username and a.state = :done",
                Long.class).setParameter("project", projectId).setParameter("username", username)
                .setParameter("done", AssignmentState.DONE).getResultList());
    }

    /** The ids of the project's live articles, in import order, with fewer than {@code wanted} assignees. */
    static List<Long> articlesShortOf(long projectId, int wanted) {
        return new ArrayList<>(getEntityManager().createQuery(
                "select ar.id from Article ar where ar.project.id = :project and ar.retiredAt is null and "
                        + "(select count(a) from Assignment a where a.articleId = ar.id) < :wanted order by ar.id",
                Long.class).setParameter("project", projectId).setParameter("wanted", (long) wanted).getResultList());
    }

    /** Of these ids, those that are live (not retired) articles of the project. */
    static Set<Long> articlesOf(long projectId, List<Long> articleIds) {
        Set<Long> found = new HashSet<>();
        for (int from = 0; from < articleIds.size(); from += 1000) {
            List<Long> slice = articleIds.subList(from, Math.min(articleIds.size(), from + 1000));
            found.addAll(getEntityManager().createQuery(
                    "select ar.id from Article ar where ar.project.id = :project and ar.id in :ids and ar.retiredAt is null", Long.class)
                    .setParameter("project", projectId).setParameter("ids", slice).getResultList());
        }
        return found;
    }
}
