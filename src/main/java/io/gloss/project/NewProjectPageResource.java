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
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;

/** Admins start a project, with the news labels or empty, and land on its labels page. */
@Path("/projects/new")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.ADMIN)
public class NewProjectPageResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance newProject(String presetGuidelines);
    }

    @Inject
    ProjectService projects;

    @GET
    public TemplateInstance page() {
        return Templates.newProject(NewsPreset.guidelines());
    }

    /** {@code preset} "news" or "empty"; blank guidelines with the news preset take the preset's. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@RestForm String name, @RestForm String description, @RestForm String guidelines,
            @RestForm String preset) {
        Project project = projects.create(name, description, guidelines, NewsPreset.NAME.equals(preset) ? preset : null);
        return Notice.seeOther("/projects/" + project.id + "/labels", "Project " + project.name + " created; here are its labels.");
    }
}
