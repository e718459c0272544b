package io.gloss.project;

import io.gloss.auth.Role;
import io.gloss.auth.UserAccount;
import io.gloss.web.Notice;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;

/** Admins add and remove a project's members (Post/Redirect/Get; an unknown username is refused on this page). */
@Path("/projects/{id}/members")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.ADMIN)
public class MembersPageResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance members(Project project, List<Member> members);
    }

    /** A member with the roles of their local account; {@code roles} null: no local account (a Keycloak user). */
    record Member(String username, List<String> roles, boolean active) {
    }

    @Inject
    ProjectService projects;

    @GET
    public TemplateInstance page(@PathParam("id") Long id) {
        Project project = projects.require(id);
        return Templates.members(project, projects.members(project).stream().map(name -> UserAccount.findByUsername(name)
                .map(a -> new Member(name, a.roleList(), a.active)).orElse(new Member(name, null, true))).toList());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response add(@PathParam("id") Long id, @RestForm String username) {
        String added = projects.addMember(id, username);
        return Notice.seeOther("/projects/" + id + "/members", added + " is a member now.");
    }

    @POST
    @Path("{username}/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response remove(@PathParam("id") Long id, @PathParam("username") String username) {
        projects.removeMember(id, username);
        return Notice.seeOther("/projects/" + id + "/members", username + " is no longer a member.");
    }
}
