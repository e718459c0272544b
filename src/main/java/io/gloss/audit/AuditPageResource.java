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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The audit trail for admins, newest first; the same search as {@code GET /api/audit}. */
@Path("/audit")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.ADMIN)
public class AuditPageResource {

    /** What the action filter offers; the API accepts any action name. */
    static final List<String> ACTIONS = List.of("create", "update", "delete", "approve", "reject");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance audit(AuditForm form, List<String> actions, List<AuditRow> rows, String nextHref,
                String error);
    }

    /** The filters as typed; the record id stays a string so that a mistyped one gets a sentence. */
    public record AuditForm(String entity, String id, String user, String action, Integer limit) {

        public boolean filtered() {
            return entity != null || id != null || user != null || action != null;
        }

        public boolean isAction(String candidate) {
            return candidate.equals(action);
        }

        /** {@code /audit?...} with these filters and, when not null, a cursor. */
        public String href(String after) {
            Map<String, String> params = new LinkedHashMap<>();
            params.put("entity", entity);
            params.put("id", id);
            params.put("user", user);
            params.put("action", action);
            params.put("limit", limit == null ? null : limit.toString());
            params.put("after", after);
            return Links.withQuery("/audit", params);
        }
    }

    @Inject
    AuditResource audit;

    @GET
    public TemplateInstance page(@QueryParam("entity") String entity, @QueryParam("id") String id,
            @QueryParam("user") String user, @QueryParam("action") String action, @QueryParam("after") String after,
            @QueryParam("limit") Integer limit) {
        AuditForm form = new AuditForm(Texts.blankToNull(entity), Texts.blankToNull(id), Texts.blankToNull(user), Texts.blankToNull(action), limit);
        Long recordId = null;
        if (form.id() != null) {
            try {
                recordId = Long.valueOf(form.id());
            } catch (NumberFormatException e) {
                return Templates.audit(form, ACTIONS, List.of(), null,
                        "The record id must be a number, e.g. 12; “" + form.id() + "” is not.");
            }
        }
        Page<AuditView> page = audit.search(new AuditFilter(form.entity(), recordId, form.user(),
                form.action(), null, null), after, limit);
        return Templates.audit(form, ACTIONS, page.items().stream().map(AuditRow::of).toList(),
                page.next() == null ? null : form.href(page.next()), null);
    }
}
