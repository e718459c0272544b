package io.gloss.annotation;

import io.gloss.auth.Role;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;

/** "My work": an editor's own annotations, what reviewers sent back first. */
@Path("/my-work")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.EDITOR)
public class MyWorkPageResource {

    /** Per status; beyond it the page says how many more there are. */
    static final int PER_STATUS = 200;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance myWork(List<Section> sections, boolean empty);
    }

    /** A section of the page: its heading, its anchor and what it says when empty. */
    public record Section(AnnotationQueries.WorkSection work, String title, String anchor, String emptyText) {

        static Section of(AnnotationQueries.WorkSection work) {
            String anchor = work.status().name().toLowerCase(Locale.ROOT);
            String title = Character.toUpperCase(anchor.charAt(0)) + anchor.substring(1);
            String empty = switch (work.status()) {
                case REJECTED -> "No rejected annotations: nothing to revise.";
                case SUBMITTED -> "Nothing waiting for review.";
                case APPROVED -> "None approved yet.";
                case MERGED -> "None merged: when a curator accepts someone's span that yours repeats, yours is merged into it.";
            };
            return new Section(work, title, anchor, empty);
        }
    }

    @Inject
    AnnotationQueries queries;

    @GET
    public TemplateInstance page() {
        List<Section> sections = queries.myWork(PER_STATUS).stream().map(Section::of).toList();
        return Templates.myWork(sections, sections.stream().allMatch(s -> s.work().total() == 0));
    }
}
