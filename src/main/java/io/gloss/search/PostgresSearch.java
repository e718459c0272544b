package io.gloss.search;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Search on PostgreSQL: {@code search_vector @@ to_tsquery(...)}, answered from the GIN indexes
 * over the stored vectors of db/postgresql/V29, which the database keeps current with every write.
 */
@ApplicationScoped
class PostgresSearch implements SearchEngine {

    @Inject
    EntityManager em;

    @Override
    @Transactional
    public List<Long> find(SearchKind kind, SearchQuery query, SearchScope scope, long before, int limit) {
        planWithTheseValues();
        Map<String, Object> params = new HashMap<>();
        String sql = kind == SearchKind.ARTICLE
                ? "select a.id from article a where a.project_id in (:projects) and a.retired_at is null"
                        + " and a.search_vector @@ " + tsQuery(query)
                : "select n.id from annotation n join article a on a.id = n.article_id where " + annotationsWhere(query, scope, params);
        params.put("projects", scope.projects());
        String alias = kind == SearchKind.ARTICLE ? "a" : "n";
        if (before < Long.MAX_VALUE) {
            sql += " and " + alias + ".id < :before";
            params.put("before", before);
        }
        Query q = em.createNativeQuery(sql + " order by " + alias + ".id desc").setMaxResults(limit);
        params.forEach(q::setParameter);
        return ((List<?>) q.getResultList()).stream().map(id -> ((Number) id).longValue()).toList();
    }

    /**
     * Counted over the first {@code limit} matching rows PostgreSQL reads (no order: whatever its
     * plan reads first), so that a word in every text costs that many rows, not every one;
     * the row after them, if there is one, says that more match.
     */
    @Override
    @Transactional
    public Facets facets(SearchQuery query, SearchScope scope, int limit) {
        planWithTheseValues();
        Map<String, Object> params = new HashMap<>();
        Query q = em.createNativeQuery("select m.label_id, m.status, m.author, count(*) filter (where m.nth <= :limit), max(m.nth)"
                + " from (select n.label_id, n.status, n.author, row_number() over () as nth from annotation n"
                + " join article a on a.id = n.article_id where " + annotationsWhere(query, scope, params)
                + " limit :limit + 1) m group by m.label_id, m.status, m.author");
        params.put("projects", scope.projects());
        params.put("limit", limit);
        params.forEach(q::setParameter);
        Map<Long, Long> labels = new LinkedHashMap<>();
        Map<String, Long> statuses = new LinkedHashMap<>();
        Map<String, Long> authors = new LinkedHashMap<>();
        boolean capped = false;
        for (Object row : q.getResultList()) {
            Object[] r = (Object[]) row;
            long count = ((Number) r[3]).longValue();
            capped |= ((Number) r[4]).longValue() > limit;
            if (count > 0) {
                labels.merge(((Number) r[0]).longValue(), count, Long::sum);
                statuses.merge((String) r[1], count, Long::sum);
                authors.merge((String) r[2], count, Long::sum);
            }
        }
        return new Facets(labels, statuses, authors, capped);
    }

    /**
     * After five runs of one statement the JDBC driver prepares it on the server, and PostgreSQL
     * then may keep a generic plan, made without the bound values. With the limit unknown it
     * assumes a tenth of the rows are wanted, so for a rare word it walks the newest rows first
     * and filters every one: the rare word's article query read all 5,000 articles (51 ms) at the
     * bench's small size instead of 9 from the index (0.06 ms). Planning each run (under a
     * millisecond) for this transaction only keeps every other statement's plan cache as it is.
     */
    private void planWithTheseValues() {
        em.createNativeQuery("set local plan_cache_mode = force_custom_plan").executeUpdate();
    }

    /**
     * The query as an SQL literal, not a parameter: the planner reads a literal's words against
     * the index's statistics even where a plan is made without the bound values (a tool's
     * EXPLAIN, a generic plan), so each word is planned with its own selectivity. Its words are
     * letters and digits ({@link SearchQuery#toTsQuery}), and the quotes are doubled all the same.
     */
    private static String tsQuery(SearchQuery query) {
        return "to_tsquery('simple', '" + query.toTsQuery().replace("'", "''") + "')";
    }

    /** Live annotations on live articles of the scope that match the query, with the scope's filters. */
    private static String annotationsWhere(SearchQuery query, SearchScope scope, Map<String, Object> params) {
        StringBuilder where = new StringBuilder("n.project_id in (:projects) and n.deleted_at is null and a.retired_at is null"
                + " and n.search_vector @@ " + tsQuery(query));
        if (!scope.blindProjects().isEmpty()) {
            where.append(" and (n.project_id not in (:blind) or n.author = :me");
            params.put("blind", scope.blindProjects());
            params.put("me", scope.me());
            if (!scope.doneArticles().isEmpty()) {
                where.append(" or n.article_id in (:done)");
                params.put("done", scope.doneArticles());
            }
            where.append(")");
        }
        if (scope.labels() != null) {
            where.append(" and n.label_id in (:labels)");
            params.put("labels", scope.labels());
        }
        if (scope.status() != null) {
            where.append(" and n.status = :status");
            params.put("status", scope.status());
        }
        if (scope.author() != null) {
            where.append(" and n.author = :author");
            params.put("author", scope.author());
        }
        if (scope.entity() != null) {
            where.append(" and n.entity_id = :entity");
            params.put("entity", scope.entity());
        }
        return where.toString();
    }

    /** Rows whose words {@link SearchBackfill} has not folded yet (the partial indexes of V29 count them cheaply). */
    @Override
    public long pending() {
        return ((Number) em.createNativeQuery("select (select count(*) from article where search_text is null)"
                + " + (select count(*) from annotation where search_text is null)").getSingleResult()).longValue();
    }
}
