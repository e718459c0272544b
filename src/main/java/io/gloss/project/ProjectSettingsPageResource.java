package io.gloss.project;

import io.gloss.auth.Role;
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
import org.jboss.resteasy.reactive.RestForm;

/** Admins change a project's name, texts and how its articles are annotated (Post/Redirect/Get). */
@Path("/projects/{id}/settings")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.ADMIN)
public class ProjectSettingsPageResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance settings(Project project, int maxAnnotators);

        /** The guidelines as editors will see them: Markdown rendered by the same code as beside the article. */
        static native TemplateInstance preview(String guidelines);
    }

    @Inject
    ProjectService projects;

    @GET
    public TemplateInstance page(@PathParam("id") Long id) {
        return Templates.settings(projects.require(id), Project.MAX_ANNOTATORS);
    }

    /** The preview while the guidelines are typed: nothing is saved. */
    @POST
    @Path("preview")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance preview(@PathParam("id") Long id, @RestForm String guidelines) {
        projects.require(id);
        return Templates.preview(guidelines);
    }

    /** An unticked checkbox sends nothing: {@code blind} absent means off, as the form shows it. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@PathParam("id") Long id, @RestForm String name, @RestForm String description,
            @RestForm String guidelines, @RestForm Integer annotatorsPerArticle, @RestForm String blind) {
        projects.update(id, name, description, guidelines, annotatorsPerArticle, blind != null, null);
        return Notice.seeOther("/projects/" + id + "/settings", "Settings saved.");
    }

    /** Read-only until unarchived: the project page says so, and every write in it is refused. */
    @POST
    @Path("archive")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response archive(@PathParam("id") Long id) {
        Project project = projects.setArchived(id, true);
        return Notice.seeOther("/projects/" + id + "/settings", "Archived “" + project.name + "”: it is read-only now.");
    }

    @POST
    @Path("unarchive")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response unarchive(@PathParam("id") Long id) {
        Project project = projects.setArchived(id, false);
        return Notice.seeOther("/projects/" + id + "/settings", "Unarchived “" + project.name + "”.");
    }
}
