package io.gloss.project;

import io.gloss.auth.Role;
import io.gloss.web.GlossException;
import io.gloss.web.Page;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
public class ProjectResource {

    /** {@code preset}: "news" for the Claim/Actor/Location labels and guidelines; absent for an empty project. */
    public record NewProject(String name, String description, String guidelines, String preset) {
    }

    /**
     * {@code PUT /api/projects/{id}}: absent settings keep their value; {@code archived} alone
     * archives (every write in the project is then refused) or unarchives the project.
     */
    public record ProjectUpdate(String name, String description, String guidelines, Integer annotatorsPerArticle,
            Boolean blind, Boolean archived) {
    }

    public record NewMember(String username) {
    }

    @Inject
    ProjectService projects;

    @GET
    @Path("projects")
    public Page<ProjectView> list(@QueryParam("after") String after, @QueryParam("limit") Integer limit) {
        int size = Page.limit(limit);
        long afterId = Page.after(after);
        List<Project> visible = projects.visibleProjects().stream()
                .filter(p -> p.id > afterId).sorted((a, b) -> Long.compare(a.id, b.id)).toList();
        List<Project> page = visible.stream().limit(size).toList();
        String next = visible.size() > size ? String.valueOf(page.get(page.size() - 1).id) : null;
        return new Page<>(page.stream().map(ProjectView::of).toList(), next);
    }

    @POST
    @Path("projects")
    @RolesAllowed(Role.ADMIN)
    @APIResponse(responseCode = "201", description = "Created: the project; its address in Location",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProjectView.class)))
    public Response create(NewProject input) {
        if (input == null) {
            throw GlossException.badRequest("name", "Send {name, description, guidelines}.");
        }
        Project project = projects.create(input.name(), input.description(), input.guidelines(), input.preset());
        return Response.created(URI.create("/api/projects/" + project.id)).entity(ProjectView.of(project)).build();
    }

    @GET
    @Path("projects/{id}")
    public ProjectView get(@PathParam("id") Long id) {
        return ProjectView.of(projects.require(id));
    }

    @PUT
    @Path("projects/{id}")
    @RolesAllowed(Role.ADMIN)
    public ProjectView update(@PathParam("id") Long id, ProjectUpdate input) {
        if (input == null) {
            throw GlossException.badRequest("name", "Send {name, description, guidelines, annotatorsPerArticle, blind} or {archived}.");
        }
        return ProjectView.of(projects.update(id, input.name(), input.description(), input.guidelines(),
                input.annotatorsPerArticle(), input.blind(), input.archived()));
    }

    @GET
    @Path("projects/{id}/members")
    @RolesAllowed(Role.ADMIN)
    public Page<NewMember> members(@PathParam("id") Long id) {
        return new Page<>(projects.members(projects.require(id)).stream().map(NewMember::new).toList(), null);
    }

    @jakarta.ws.rs.DELETE
    @Path("projects/{id}/members/{username}")
    @RolesAllowed(Role.ADMIN)
    @APIResponse(responseCode = "204", description = "No longer a member")
    public Response removeMember(@PathParam("id") Long id, @PathParam("username") String username) {
        projects.removeMember(id, username);
        return Response.noContent().build();
    }

    @POST
    @Path("projects/{id}/members")
    @RolesAllowed(Role.ADMIN)
    @APIResponse(responseCode = "204", description = "A member now")
    public Response addMember(@PathParam("id") Long id, NewMember input) {
        projects.addMember(id, input == null ? null : input.username());
        return Response.noContent().build();
    }
}
