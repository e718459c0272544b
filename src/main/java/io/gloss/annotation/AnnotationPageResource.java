package io.gloss.annotation;

import io.gloss.audit.AuditFilter;
import io.gloss.audit.AuditResource;
import io.gloss.audit.AuditRow;
import io.gloss.auth.CurrentUser;
import io.gloss.project.LabelView;
import io.gloss.text.SpanContext;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;

/** One annotation: its span in context, its status history and, for admins, its audit events. */
@Path("/annotations")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class AnnotationPageResource {

    /** Audit events shown here; the audit page has the rest. */
    static final int EVENTS = 100;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance annotation(AnnotationView annotation, LabelView label, String articleTitle,
                String projectName, SpanContext context, Instant deleted, List<TransitionView> history,
                List<AuditRow> events, boolean moreEvents);
    }

    @Inject
    AnnotationQueries queries;

    @Inject
    CurrentUser currentUser;

    @Inject
    AuditResource audit;

    @GET
    @Path("{id}")
    public TemplateInstance page(@PathParam("id") Long id) {
        Annotation a = queries.forPage(id);
        List<AuditRow> events = null;
        boolean moreEvents = false;
        // The audit trail (with before and after images) is for admins, as /api/audit is; everyone
        // who can see the annotation sees its status history.
        if (currentUser.isAdmin()) {
            var page = audit.rows(AuditFilter.of("annotation", a.id), null, EVENTS);
            events = page.items();
            moreEvents = page.next() != null;
        }
        return Templates.annotation(AnnotationView.of(a), LabelView.of(a.label), a.article.title, a.article.project.name,
                SpanContext.of(a.article.text, a.start, a.end), a.deletedAt, queries.history(a.id), events, moreEvents);
    }
}
