package io.gloss.audit;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Who did what to which record, when, with the record before and after (JSON text). */
@Entity
@Table(name = "audit_event")
public class AuditEvent extends PanacheEntity {

    @Column(name = "project_id")
    public Long projectId;

    /** The kind of record, e.g. {@code annotation}. */
    public String entity;

    @Column(name = "entity_id")
    public Long entityId;

    /** {@code create}, {@code update}, {@code delete}, {@code approve}, {@code reject}. */
    public String action;

    public String actor;

    public Instant at;

    @Column(name = "before_json")
    public String before;

    @Column(name = "after_json")
    public String after;

    /** The change's number in its project's change log; null for events members are not shown (administration). */
    @Column(name = "change_cursor")
    public Long changeCursor;

    /** The article the change is on, when it is on one. */
    @Column(name = "article_id")
    public Long articleId;

    /** At most {@code limit} events that pass the filter, newest first, older than {@code before} (0: from the newest). */
    static List<AuditEvent> search(AuditFilter filter, long before, int limit) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (before > 0) {
            where.add("id < :before");
            params.put("before", before);
        }
        equal(where, params, "projectId", filter.projectId());
        equal(where, params, "entity", filter.entity());
        equal(where, params, "entityId", filter.id());
        equal(where, params, "actor", filter.user());
        equal(where, params, "action", filter.action());
        if (filter.from() != null) {
            where.add("at >= :from");
            params.put("from", filter.from());
        }
        if (filter.to() != null) {
            where.add("at < :to");
            params.put("to", filter.to());
        }
        String query = (where.isEmpty() ? "" : String.join(" and ", where) + " ") + "order by id desc";
        return AuditEvent.<AuditEvent>find(query, params).range(0, limit - 1).list();
    }

    /**
     * Every (project, record type, action) the trail holds, which the page's filters offer: read
     * from the index on those columns, not from the events.
     */
    static List<Object[]> kinds() {
        return getEntityManager().createQuery("select distinct e.projectId, e.entity, e.action from AuditEvent e",
                Object[].class).getResultList();
    }

    private static void equal(List<String> where, Map<String, Object> params, String field, Object value) {
        if (value != null && !(value instanceof String s && s.isBlank())) {
            where.add(field + " = :" + field);
            params.put(field, value);
        }
    }

    /** The project's changes after {@code cursor}, oldest first, at most {@code limit}; {@code articleId} null: all articles. */
    public static List<AuditEvent> changesAfter(long projectId, Long articleId, long cursor, int limit) {
        String article = articleId == null ? "" : " and articleId = :article";
        var query = find("projectId = :project and changeCursor > :cursor" + article + " order by changeCursor",
                articleId == null ? Map.of("project", projectId, "cursor", cursor)
                        : Map.of("project", projectId, "cursor", cursor, "article", articleId));
        return query.range(0, limit - 1).list();
    }
}
