package io.gloss.review;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.gloss.annotation.Annotation;
import io.gloss.annotation.AnnotationStatus;
import io.gloss.annotation.AnnotationView;
import io.gloss.auth.CurrentUser;
import io.gloss.project.ProjectMember;
import io.gloss.text.SpanContext;
import io.gloss.web.GlossException;
import io.gloss.web.Page;
import io.gloss.web.Texts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The review queue: annotations by status, oldest first (by when they entered the status), with
 * keyset pagination on (status_changed_at, id) so that a deep page costs what the first does.
 */
@ApplicationScoped
public class ReviewQueueQueries {

    /** Filters of the queue; nulls are "any", status defaults to SUBMITTED. */
    public record QueueFilter(Long project, String label, Long article, String author, AnnotationStatus status) {

        public static QueueFilter of(Long project, String label, Long article, String author, String status) {
            AnnotationStatus parsed = AnnotationStatus.SUBMITTED;
            if (status != null && !status.isBlank()) {
                parsed = AnnotationStatus.ofReview(status).orElseThrow(() -> GlossException.badRequest("status",
                        "status must be SUBMITTED, APPROVED or REJECTED."));
            }
            return new QueueFilter(project, Texts.blankToNull(label), article, Texts.blankToNull(author), parsed);
        }
    }

    /** A queue row: the annotation, where it is, and the text around it. */
    public record QueueItem(@JsonUnwrapped AnnotationView annotation, Long projectId, String articleTitle,
            String before, String after) {
    }

    /**
     * {@code {items, next, counts, countLimit}}: counts per status under the same filters, exact up
     * to {@code countLimit}; a count equal to it means "that many or more".
     */
    public record QueuePage(List<QueueItem> items, String next, Map<AnnotationStatus, Long> counts, int countLimit) {
    }

    @Inject
    ReviewConfig config;

    /** Counting stops here: see {@link ReviewConfig#countLimit()}. */
    public int countLimit() {
        return config.countLimit();
    }

    @Inject
    EntityManager em;

    @Inject
    CurrentUser currentUser;

    public QueuePage page(QueueFilter filter, String after, Integer limit) {
        int size = Page.limit(limit);
        Scope scope = scope(filter);
        if (scope.nothing()) {
            return new QueuePage(List.of(), null, counts(filter, scope), countLimit());
        }
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = conditions(filter, scope, params);
        where.append(" and a.status = :status");
        params.put("status", filter.status());
        if (after != null && !after.isBlank()) {
            Cursor cursor = Cursor.parse(after);
            // Written with ">=" first so that H2 and PostgreSQL seek the index to the cursor
            // instead of scanning every earlier row (the plain OR form scans).
            where.append(" and a.statusChangedAt >= :t and (a.statusChangedAt > :t or a.id > :id)");
            params.put("t", cursor.at());
            params.put("id", cursor.id());
        }
        TypedQuery<Annotation> query = em.createQuery("select a from Annotation a join fetch a.label join fetch a.article"
                + where + orderBy(scope), Annotation.class);
        params.forEach(query::setParameter);
        List<Annotation> rows = query.setMaxResults(size + 1).getResultList();
        boolean more = rows.size() > size;
        List<Annotation> page = more ? rows.subList(0, size) : rows;
        List<QueueItem> items = new ArrayList<>(page.size());
        List<AnnotationView> views = AnnotationView.ofAll(page);
        for (int i = 0; i < page.size(); i++) {
            Annotation a = page.get(i);
            SpanContext context = SpanContext.of(a.article.text, a.start, a.end);
            items.add(new QueueItem(views.get(i), a.projectId, a.article.title, context.before(), context.after()));
        }
        String next = more ? new Cursor(page.get(page.size() - 1).statusChangedAt, page.get(page.size() - 1).id).toString() : null;
        return new QueuePage(items, next, counts(filter, scope), countLimit());
    }

    /**
     * Per status, the rows are counted in the database up to the limit (a subquery that stops
     * there; Hibernate wants it ordered, and the index order costs nothing): never a scan of
     * everything, and one number back instead of the ids.
     */
    private Map<AnnotationStatus, Long> counts(QueueFilter filter, Scope scope) {
        Map<AnnotationStatus, Long> counts = new EnumMap<>(AnnotationStatus.class);
        for (AnnotationStatus status : AnnotationStatus.REVIEW) {
            if (scope.nothing()) {
                counts.put(status, 0L); // no visible project: nothing to ask the database
                continue;
            }
            Map<String, Object> params = new HashMap<>();
            StringBuilder where = conditions(filter, scope, params);
            where.append(" and a.status = :status");
            params.put("status", status);
            params.put("limit", countLimit());
            var query = em.createQuery("select count(*) from (select a.id as id from Annotation a" + where
                    + orderBy(scope) + " limit :limit)", Long.class);
            params.forEach(query::setParameter);
            counts.put(status, query.getSingleResult());
        }
        return counts;
    }

    /**
     * The projects whose annotations the queue may show: all (an admin without a project filter,
     * {@code projects} null), the listed ones, or none. Worked out once per request from the
     * memberships, so that the queries compare project ids with constants instead of running a
     * membership subquery for every row they read (most of a queue page's time on H2). Public for
     * the relations' queue (relation.RelationQueueQueries), which shows the same projects.
     */
    public record Scope(List<Long> projects) {

        public boolean nothing() {
            return projects != null && projects.isEmpty();
        }

        /** The one project, when there is exactly one: its index then serves the order too. */
        public Long single() {
            return projects != null && projects.size() == 1 ? projects.get(0) : null;
        }
    }

    public Scope scope(QueueFilter filter) {
        if (currentUser.isAdmin()) {
            return new Scope(filter.project() == null ? null : List.of(filter.project()));
        }
        List<Long> mine = ProjectMember.projectIdsOf(currentUser.username());
        if (filter.project() != null) {
            return new Scope(mine.contains(filter.project()) ? List.of(filter.project()) : List.of());
        }
        return new Scope(mine);
    }

    /**
     * Oldest first. The columns the query fixes are named too: H2 reads rows in index order (and
     * stops after a page) only when the ORDER BY spells out the index's leading columns.
     */
    private static String orderBy(Scope scope) {
        return scope.single() != null
                ? " order by a.projectId, a.status, a.deletedAt, a.statusChangedAt, a.id"
                : " order by a.status, a.deletedAt, a.statusChangedAt, a.id";
    }

    /** Visibility (the scope) and the filters other than status; a retired article's spans are out of the queue. */
    private StringBuilder conditions(QueueFilter filter, Scope scope, Map<String, Object> params) {
        StringBuilder where = new StringBuilder(" where a.deletedAt is null and a.article.retiredAt is null");
        if (scope.single() != null) {
            where.append(" and a.projectId = :project");
            params.put("project", scope.single());
        } else if (scope.projects() != null) {
            where.append(" and a.projectId in :projects");
            params.put("projects", scope.projects());
        }
        if (filter.label() != null) {
            where.append(" and a.label.key = :label");
            params.put("label", filter.label().toUpperCase(Locale.ROOT));
        }
        if (filter.article() != null) {
            where.append(" and a.article.id = :article");
            params.put("article", filter.article());
        }
        if (filter.author() != null) {
            where.append(" and a.author = :author");
            params.put("author", filter.author());
        }
        return where;
    }

    /** Position in the queue: the last row's (status_changed_at, id), written {@code micros.id}; the relations' queue pages the same way. */
    public record Cursor(Instant at, long id) {

        public static Cursor parse(String text) {
            try {
                int dot = text.indexOf('.');
                long micros = Long.parseLong(text.substring(0, dot));
                return new Cursor(Instant.EPOCH.plus(micros, ChronoUnit.MICROS), Long.parseLong(text.substring(dot + 1)));
            } catch (RuntimeException e) {
                throw GlossException.badRequest("after", "after must be a cursor from a previous page's \"next\".");
            }
        }

        @Override
        public String toString() {
            return ChronoUnit.MICROS.between(Instant.EPOCH, at) + "." + id;
        }
    }
}
