package io.gloss.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gloss.auth.Role;
import io.gloss.web.GlossException;
import io.gloss.web.Page;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The audit trail for admins, newest first, with filters. */
@Path("/api/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN)
public class AuditResource {

    @Inject
    ObjectMapper json;

    @GET
    public Page<AuditView> list(@QueryParam("entity") String entity, @QueryParam("id") Long id,
            @QueryParam("user") String user, @QueryParam("action") String action,
            @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("after") String after, @QueryParam("limit") Integer limit) {
        return search(new AuditFilter(entity, id, user, action, instant("from", from), instant("to", to)), after, limit);
    }

    /** The filters of the audit list; nulls are "any". */
    public record AuditFilter(String entity, Long id, String user, String action, Instant from, Instant to) {
    }

    public Page<AuditView> search(AuditFilter filter, String after, Integer limit) {
        int size = Page.limit(limit);
        long before = Page.after(after);
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (before > 0) {
            where.add("id < :before");
            params.put("before", before);
        }
        add(where, params, "entity", filter.entity());
        add(where, params, "entityId", filter.id());
        add(where, params, "actor", filter.user());
        add(where, params, "action", filter.action());
        if (filter.from() != null) {
            where.add("at >= :from");
            params.put("from", filter.from());
        }
        if (filter.to() != null) {
            where.add("at < :to");
            params.put("to", filter.to());
        }
        String query = (where.isEmpty() ? "" : String.join(" and ", where) + " ") + "order by id desc";
        // One row more than the page tells whether there is a next page (range is inclusive).
        List<AuditEvent> rows = AuditEvent.<AuditEvent>find(query, params).range(0, size).list();
        boolean more = rows.size() > size;
        List<AuditEvent> page = more ? rows.subList(0, size) : rows;
        String next = more ? String.valueOf(page.get(page.size() - 1).id) : null;
        return new Page<>(page.stream().map(e -> AuditView.of(e, json)).toList(), next);
    }

    private static void add(List<String> where, Map<String, Object> params, String field, Object value) {
        if (value != null && !(value instanceof String s && s.isBlank())) {
            where.add(field + " = :" + field);
            params.put(field, value);
        }
    }

    private static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw GlossException.badRequest(field, field + " must be an ISO-8601 UTC time, e.g. 2025-01-12T00:00:00Z.");
        }
    }
}
