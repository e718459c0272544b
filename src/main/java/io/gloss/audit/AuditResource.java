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
import java.util.List;

/** The audit trail for admins, newest first, with filters. */
@Path("/api/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN)
public class AuditResource {

    @Inject
    ObjectMapper json;

    @Inject
    RecordNames names;

    @GET
    public Page<AuditView> list(@QueryParam("project") Long project, @QueryParam("entity") String entity, @QueryParam("id") Long id,
            @QueryParam("user") String user, @QueryParam("action") String action,
            @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("after") String after, @QueryParam("limit") Integer limit) {
        return search(new AuditFilter(project, entity, id, user, action, instant("from", from), instant("to", to)), after, limit);
    }

    public Page<AuditView> search(AuditFilter filter, String after, Integer limit) {
        int size = Page.limit(limit);
        long before = Page.after(after);
        // One row more than the page tells whether there is a next page.
        List<AuditEvent> rows = AuditEvent.search(filter, before, size + 1);
        boolean more = rows.size() > size;
        List<AuditEvent> page = more ? rows.subList(0, size) : rows;
        String next = more ? String.valueOf(page.get(page.size() - 1).id) : null;
        return new Page<>(page.stream().map(e -> AuditView.of(e, json)).toList(), next);
    }

    /** A page of events as the pages show them, with the names of their records and projects. */
    public Page<AuditRow> rows(AuditFilter filter, String after, Integer limit) {
        Page<AuditView> page = search(filter, after, limit);
        return new Page<>(AuditRow.of(page.items(), names), page.next());
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
