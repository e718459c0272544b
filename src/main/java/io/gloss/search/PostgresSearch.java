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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Search on PostgreSQL: {@code search_vector @@ to_tsquery(...)}, answered from the GIN indexes
 * over the stored vectors of db/postgresql/V29, which the database keeps current with every write.
 */
@ApplicationScoped
class PostgresSearch implements SearchEngine {

    private static final Pattern PLAN_ROWS = Pattern.compile(" rows=(\\d+) ");

    @Inject
    EntityManager em;

    @Override
    @Transactional
    public List<Long> find(SearchKind kind, SearchQuery query, SearchScope scope, long before, int limit) {
        planWithTheseValues();
        Map<String, Object> params = new HashMap<>();
        String sql;
        if (kind == SearchKind.ARTICLE) {
            sql = "select a.id from article a where a.project_id in (:projects) and a.retired_at is null"
                    + " and a.search_vector @@ " + tsQuery(query);
            params.put("projects", scope.projects());
        } else {
            sql = "select n.id from annotation n where "
                    + annotationsWhere(query, scope, params, Filters.INDEXED);
        }
        String alias = kind == SearchKind.ARTICLE ? "a" : "n";
        if (before < Long.MAX_VALUE) {
            sql += " and " + alias + ".id < :before";
            params.put("before", before);
        }
        // "a.id + 0" is no index's order: PostgreSQL then reads the matches from the GIN index and sorts them.
        String order = kind == SearchKind.ARTICLE && fromTheIndex(rowsGuessed(sql, params), articlesGuessed(), limit)
                ? "a.id + 0" : alias + ".id";
        Query q = em.createNativeQuery(sql + " order by " + order + " desc").setMaxResults(limit);
        params.forEach(q::setParameter);
        return ((List<?>) q.getResultList()).stream().map(id -> ((Number) id).longValue()).toList();
    }

    /**
     * Whether an article search should read its matches from the GIN index and sort them, rather
     * than walk the articles newest first until {@code limit} match. PostgreSQL walks whenever its
     * cost model says so, but that model leaves out what the walk costs most: each article it
     * passes has its vector read out of TOAST (5 kB on the bench), about 5 µs, against 2.5 µs a
     * match from the index. At the bench's 50,000 articles a word in 309 of them walked 4,600
     * articles (26 ms, 104 ms cold) where the index takes 0.8 ms. The walk passes about
     * {@code articles / matches × limit} articles, so the index is cheaper while
     * {@code matches² < 2 × limit × articles} (about 1,450 matches at 50,000 articles and 21 a page):
     * measured at 946 matches, 6.0 ms walking against 2.2 ms from the index.
     */
    static boolean fromTheIndex(double matches, double articles, int limit) {
        return matches * matches < 2.0 * limit * articles;
    }

    /**
     * PostgreSQL's own guess of the rows {@code sql} finds, from its statistics: EXPLAIN plans it
     * without running it, and its first line is the whole plan's ("... rows=309 width=8)").
     */
    private double rowsGuessed(String sql, Map<String, Object> params) {
        Query explain = em.createNativeQuery("explain " + sql);
        params.forEach(explain::setParameter);
        Matcher rows = PLAN_ROWS.matcher(String.valueOf(explain.getResultList().get(0)));
        return rows.find() ? Double.parseDouble(rows.group(1)) : Double.MAX_VALUE;
    }

    /**
     * The articles of every project (the walk passes them all) as the planner counts them: from
     * the statistics, or from the table's size before any ANALYZE (pg_class says -1 then).
     */
    private double articlesGuessed() {
        return rowsGuessed("select 1 from article", Map.of());
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
        Filters filters = scope.filtersAnnotations() && wordFirst(annotationsGuessed(query, scope.withoutFilters()),
                annotationsGuessed(null, scope), annotationsGuessed(query, scope), limit + 1) ? Filters.HIDDEN : Filters.INDEXED;
        Query q = em.createNativeQuery("select m.label_id, m.status, m.author, count(*) filter (where m.nth <= :limit), max(m.nth)"
                + " from (select n.label_id, n.status, n.author, row_number() over () as nth from annotation n"
                + " where " + annotationsWhere(query, scope, params, filters)
                + " limit :limit + 1) m group by m.label_id, m.status, m.author");
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

    /**
     * Whether the facets of a filtered search should read the word's matches from the GIN index and
     * check the filters on each ({@link Filters#HIDDEN}), rather than read the filters' rows from
     * their b-tree index and check the word on each: PostgreSQL takes whichever its cost model
     * prefers, and that model leaves out the vector each filtered row has read out of TOAST. At the
     * bench's million spans "military" with label and status filters was once read sequentially,
     * 165,884 rows for 1,001 matches (35.7 ms), against 18.2 ms from the GIN index; "the" (213,011
     * matches) the other way round, 16.7 against 30.4 ms. The filtered walk checks the word on
     * filtered rows until {@code wanted} match, at most all of them; the GIN index reads every
     * match of the word, at about an eighth of a checked row's cost.
     */
    static boolean wordFirst(double wordMatches, double filteredRows, double bothMatch, int wanted) {
        double walked = Math.min(filteredRows, wanted * filteredRows / Math.max(bothMatch, 1));
        return walked * 8 > wordMatches;
    }

    /** PostgreSQL's guess of the live annotations of {@code scope} that match {@code query}, or all of them for null. */
    private double annotationsGuessed(SearchQuery query, SearchScope scope) {
        Map<String, Object> params = new HashMap<>();
        return rowsGuessed("select n.id from annotation n where "
                + annotationsWhere(query, scope, params, Filters.INDEXED), params);
    }

    /**
     * How the filters are written: as PostgreSQL can read them from its b-tree indexes, or hidden
     * from those ({@code label_id + 0}, {@code status || ''}: the same values, no index's
     * expression) so that it reads the word's matches from the GIN index.
     */
    enum Filters {
        INDEXED, HIDDEN
    }

    /**
     * Live annotations on live articles of the scope that match the query (any, for null), with the
     * scope's filters. Retired articles are few, so "not one of them" is a look at db/postgresql/V33's
     * small index, where a join read every counted row's article (docs/architecture.md, Search).
     */
    private static String annotationsWhere(SearchQuery query, SearchScope scope, Map<String, Object> params, Filters filters) {
        params.put("projects", scope.projects());
        String number = filters == Filters.HIDDEN ? " + 0" : "";
        String text = filters == Filters.HIDDEN ? " || ''" : "";
        StringBuilder where = new StringBuilder("n.project_id in (:projects) and n.deleted_at is null"
                + " and not exists (select 1 from article a where a.id = n.article_id and a.retired_at is not null)");
        if (query != null) {
            where.append(" and n.search_vector @@ ").append(tsQuery(query));
        }
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
            where.append(" and n.label_id" + number + " in (:labels)");
            params.put("labels", scope.labels());
        }
        if (scope.status() != null) {
            where.append(" and n.status" + text + " = :status");
            params.put("status", scope.status());
        }
        if (scope.author() != null) {
            where.append(" and n.author" + text + " = :author");
            params.put("author", scope.author());
        }
        if (scope.entity() != null) {
            where.append(" and n.entity_id" + number + " = :entity");
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
