package io.gloss.assignment;

import io.gloss.auth.CurrentUser;
import io.gloss.auth.Role;
import io.gloss.project.Project;
import io.gloss.project.ProjectService;
import io.gloss.web.Notice;
import io.gloss.web.Page;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;

/**
 * A project's assignments: admins spread articles over editors, assign one, reopen or remove;
 * an editor sees their own list. Forms post here and come back (Post/Redirect/Get), saying what
 * happened ({@link Notice}).
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class AssignmentPageResource {

    static final int PAGE_SIZE = 100;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance assignments(Project project, Page<AssignmentQueries.Row> rows, List<String> editors,
                String username, String state, Long next);
    }

    @Inject
    ProjectService projects;

    @Inject
    AssignmentService assignments;

    @Inject
    AssignmentQueries queries;

    @Inject
    CurrentUser currentUser;

    @GET
    @Path("projects/{id}/assignments")
    public TemplateInstance page(@PathParam("id") Long id, @QueryParam("username") String username,
            @QueryParam("state") String state, @QueryParam("after") String after) {
        Project project = projects.require(id);
        String who = assignments.seesEveryonesWork() ? blankToNull(username) : currentUser.username();
        AssignmentState wanted = blankToNull(state) == null ? null : AssignmentState.parse("state", state);
        return Templates.assignments(project, queries.rows(project.id, who, wanted, after, PAGE_SIZE),
                currentUser.isAdmin() ? assignments.assignableEditors(project) : List.of(),
                who == null ? "" : who, wanted == null ? "" : wanted.name(),
                queries.next(project.id, currentUser.username()));
    }

    /** "Next article": the one started, else the next assigned; back to the list when all are done. */
    @GET
    @Path("projects/{id}/next")
    public Response next(@PathParam("id") Long id) {
        Project project = projects.require(id);
        Long next = queries.next(project.id, currentUser.username());
        return next != null ? Response.seeOther(URI.create("/articles/" + next)).build()
                : back(project.id, "You have no open assignment in this project.");
    }

    @POST
    @Path("projects/{id}/assignments/spread")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Role.ADMIN)
    public Response spread(@PathParam("id") Long id, @RestForm List<String> editors) {
        AssignmentService.Distributed result = assignments.distribute(id, editors, null);
        return back(id, result.created() + " assignment" + (result.created() == 1 ? "" : "s") + " made"
                + (result.unfilled() > 0 ? "; " + result.unfilled() + " articles still need editors: tick more of them." : "."));
    }

    @POST
    @Path("projects/{id}/assignments/one")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Role.ADMIN)
    public Response assignOne(@PathParam("id") Long id, @RestForm Long articleId, @RestForm String username) {
        AssignmentView made = assignments.assign(id, articleId, username);
        return back(id, "Article " + made.articleId() + " assigned to " + made.username() + ".");
    }

    /** The assignee marks their work done (and goes on to the next article), or an admin reopens it. */
    @POST
    @Path("assignments/{id}/state")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response changeState(@PathParam("id") Long id, @RestForm String state, @RestForm String then) {
        AssignmentView changed = assignments.changeState(id, state);
        if ("next".equals(then)) {
            Long next = queries.next(changed.projectId(), currentUser.username());
            return Response.seeOther(URI.create(next != null ? "/articles/" + next : "/articles/" + changed.articleId())).build();
        }
        if ("article".equals(then)) {
            return Response.seeOther(URI.create("/articles/" + changed.articleId())).build();
        }
        return back(changed.projectId(), changed.username() + "'s assignment on article " + changed.articleId()
                + " is " + changed.state() + ".");
    }

    @POST
    @Path("assignments/{id}/delete")
    @RolesAllowed(Role.ADMIN)
    public Response delete(@PathParam("id") Long id) {
        return back(assignments.delete(id), "Assignment removed.");
    }

    private static Response back(long projectId, String said) {
        return Notice.seeOther("/projects/" + projectId + "/assignments", said);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
