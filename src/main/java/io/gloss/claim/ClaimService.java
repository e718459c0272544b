package io.gloss.claim;

import io.gloss.annotation.AnnotationStatus;
import io.gloss.assignment.AssignmentService;
import io.gloss.auth.CurrentUser;
import io.gloss.project.Project;
import io.gloss.project.ProjectService;
import io.gloss.web.GlossException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;

/**
 * The claims board of a project for its reader: members only; in a blind project an editor sees
 * only their own spans and relations on an article until their work on it is done, as on the
 * article page.
 */
@ApplicationScoped
public class ClaimService {

    @Inject
    ClaimQueries queries;

    @Inject
    ProjectService projects;

    @Inject
    AssignmentService assignments;

    @Inject
    CurrentUser currentUser;

    /** {@code status}: only claims of that review status; none: every claim in review or approved. */
    public List<ClaimBoard.Item> board(long projectId, Long entity, String status) {
        Project project = projects.require(projectId);
        List<AnnotationStatus> statuses = status == null || status.isBlank() ? ClaimQueries.STANDING
                : List.of(AnnotationStatus.ofReview(status).orElseThrow(() -> GlossException.badRequest("status",
                        "status must be SUBMITTED, APPROVED or REJECTED (none: every claim but the rejected ones).")));
        String me = currentUser.username();
        Map<Long, Boolean> hidden = new HashMap<>();
        BiPredicate<Long, String> visible = (articleId, author) -> me.equals(author)
                || !hidden.computeIfAbsent(articleId, id -> assignments.hidesOthers(project, id));
        return ClaimBoard.build(queries.claims(project.id, statuses, visible), queries.relations(project.id, visible),
                queries.linkedSpans(project.id, visible), queries.subjects(project.id), entity);
    }
}
