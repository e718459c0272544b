package io.gloss.audit;

import io.gloss.auth.Role;
import io.gloss.web.Links;
import io.gloss.web.Page;
import io.gloss.web.Texts;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The audit trail for admins, newest first; the same search as {@code GET /api/audit}. */
@Path("/audit")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.ADMIN)
public class AuditPageResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance audit(AuditForm form, AuditChoices choices, List<AuditRow> rows, String nextHref,
                String error);
    }

    /** The filters as typed: numbers and dates stay strings so that a mistyped one gets a sentence, not a 404. */
    public record AuditForm(String project, String entity, String id, String user, String action, String from, String to,
            Integer limit) {

        public boolean filtered() {
            return project != null || entity != null || id != null || user != null || action != null || from != null
                    || to != null;
        }

        /** {@code /audit?...} with these filters and, when not null, a cursor. */
        public String href(String after) {
            Map<String, String> params = new LinkedHashMap<>();
            params.put("project", project);
            params.put("entity", entity);
            params.put("id", id);
            params.put("user", user);
            params.put("action", action);
            params.put("from", from);
            params.put("to", to);
            params.put("limit", limit == null ? null : limit.toString());
            params.put("after", after);
            return Links.withQuery("/audit", params);
        }
    }

    @Inject
    AuditResource audit;

    @Inject
    RecordNames names;

    @GET
    public TemplateInstance page(@QueryParam("project") String project, @QueryParam("entity") String entity,
            @QueryParam("id") String id, @QueryParam("user") String user, @QueryParam("action") String action,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("after") String after,
            @QueryParam("limit") Integer limit) {
        AuditForm form = new AuditForm(Texts.blankToNull(project), Texts.blankToNull(entity), Texts.blankToNull(id),
                Texts.blankToNull(user), Texts.blankToNull(action), Texts.blankToNull(from), Texts.blankToNull(to), limit);
        AuditChoices choices = AuditChoices.of(AuditEvent.kinds(), names, form);
        AuditFilter filter;
        try {
            filter = new AuditFilter(number(form.project(), "project"), form.entity(), number(form.id(), "record id"),
                    form.user(), form.action(), day(form.from(), 0), day(form.to(), 1));
        } catch (IllegalArgumentException e) {
            return Templates.audit(form, choices, List.of(), null, e.getMessage());
        }
        Page<AuditRow> page = audit.rows(filter, after, limit);
        return Templates.audit(form, choices, page.items(), page.next() == null ? null : form.href(page.next()), null);
    }

    private static Long number(String value, String field) {
        try {
            return value == null ? null : Long.valueOf(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("The " + field + " must be a number, e.g. 12; “" + value + "” is not.");
        }
    }

    /** The start of the day (UTC), or of the day after it: "to 2025-01-12" includes that whole day. */
    private static Instant day(String value, int plusDays) {
        try {
            return value == null ? null : LocalDate.parse(value).plusDays(plusDays).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("A date must be written 2025-01-12; “" + value + "” is not.");
        }
    }
}
