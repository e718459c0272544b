package io.gloss.relation;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.gloss.annotation.Annotation;
import io.gloss.annotation.AnnotationStatus;
import io.gloss.review.PendingRelations;
import io.gloss.review.ReviewQueueQueries;
import io.gloss.review.ReviewQueueQueries.Cursor;
import io.gloss.review.ReviewQueueQueries.QueueFilter;
import io.gloss.review.ReviewQueueQueries.Scope;
import io.gloss.web.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The relations waiting for review (SUBMITTED), oldest first by when they entered the status, in
 * the projects the span queue shows ({@link ReviewQueueQueries#scope}) and paged the same way
 * (keyset on status_changed_at, id). A relation whose end was deleted, or on a retired article,
 * is out of the queue, as such spans are.
 */
@ApplicationScoped
public class RelationQueueQueries implements PendingRelations {

    /** One end of a queued relation: the span's label key and quote. */
    // A name of its own in /q/openapi, where another record is named the same: a stable one for clients.
    @Schema(name = "RelationQueueEnd")
    public record End(long id, String label, String quote) {
    }

    /** A queue row: the relation, its type's name, both ends, and where it is. */
    public record RelationQueueItem(@JsonUnwrapped RelationView relation, Long projectId, String articleTitle,
            String typeName, End from, End to) {
    }

    /** {@code {items, next, count, countLimit}}: {@code count} is exact up to {@code countLimit}. */
    public record RelationQueuePage(List<RelationQueueItem> items, String next, long count, int countLimit) {
    }

    @Inject
    ReviewQueueQueries spans;

    @Inject
    EntityManager em;

    /** Counting stops here, as in the span queue. */
    public int countLimit() {
        return spans.countLimit();
    }

    public RelationQueuePage page(QueueFilter filter, String after, Integer limit) {
        int size = Page.limit(limit);
        Scope scope = spans.scope(filter);
        long count = count(filter, scope, spans.countLimit());
        if (scope.nothing()) {
            return new RelationQueuePage(List.of(), null, count, countLimit());
        }
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = conditions(filter, scope, params);
        if (after != null && !after.isBlank()) {
            Cursor cursor = Cursor.parse(after);
            where.append(" and r.statusChangedAt >= :t and (r.statusChangedAt > :t or r.id > :id)");
            params.put("t", cursor.at());
            params.put("id", cursor.id());
        }
        TypedQuery<Relation> query = em.createQuery("select r from Relation r join fetch r.type join fetch r.article"
                + " join fetch r.from f join fetch f.label join fetch r.to t join fetch t.label" + where
                + " order by r.statusChangedAt, r.id", Relation.class);
        params.forEach(query::setParameter);
        List<Relation> rows = query.setMaxResults(size + 1).getResultList();
        boolean more = rows.size() > size;
        List<Relation> page = more ? rows.subList(0, size) : rows;
        List<RelationQueueItem> items = page.stream().map(r -> new RelationQueueItem(RelationView.of(r), r.projectId,
                r.article.title, r.type.name, end(r.from), end(r.to))).toList();
        Relation last = more ? page.get(page.size() - 1) : null;
        return new RelationQueuePage(items, last == null ? null : new Cursor(last.statusChangedAt, last.id).toString(),
                count, spans.countLimit());
    }

    @Override
    public long count(QueueFilter filter, int limit) {
        return count(filter, spans.scope(filter), limit);
    }

    /** Counted in the database up to the limit, as the span queue counts (a subquery that stops there). */
    private long count(QueueFilter filter, Scope scope, int limit) {
        if (scope.nothing()) {
            return 0;
        }
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = conditions(filter, scope, params);
        params.put("limit", limit);
        var query = em.createQuery("select count(*) from (select r.id as id from Relation r join r.from f join r.to t"
                + where + " order by r.statusChangedAt, r.id limit :limit)", Long.class);
        params.forEach(query::setParameter);
        return query.getSingleResult();
    }

    /** SUBMITTED, live, both ends live, on a live article, in the scope; the article and author filters (not the label). */
    private static StringBuilder conditions(QueueFilter filter, Scope scope, Map<String, Object> params) {
        StringBuilder where = new StringBuilder(" where r.status = :status and r.deletedAt is null"
                + " and f.deletedAt is null and t.deletedAt is null and r.article.retiredAt is null");
        params.put("status", AnnotationStatus.SUBMITTED);
        if (scope.projects() != null) {
            where.append(" and r.projectId in :projects");
            params.put("projects", scope.projects());
        }
        if (filter.article() != null) {
            where.append(" and r.article.id = :article");
            params.put("article", filter.article());
        }
        if (filter.author() != null) {
            where.append(" and r.author = :author");
            params.put("author", filter.author());
        }
        return where;
    }

    private static End end(Annotation span) {
        return new End(span.id, span.label.key, span.quote);
    }
}
