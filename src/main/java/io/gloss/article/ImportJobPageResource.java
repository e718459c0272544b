package io.gloss.article;

import io.gloss.auth.Role;
import io.gloss.project.Project;
import io.gloss.project.ProjectService;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * A background import's page: its progress bar (moved by {@code /js/importProgress.js} while the
 * job runs), counts and refused lines. It can be left and opened again from the project page.
 */
@Path("/imports/{id}")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.ADMIN)
public class ImportJobPageResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance job(Project project, ImportJobView job);
    }

    @Inject
    ImportJobs jobs;

    @Inject
    ProjectService projects;

    @GET
    public TemplateInstance page(@PathParam("id") Long id) {
        ImportJobView job = jobs.view(id);
        return Templates.job(projects.require(job.projectId()), job);
    }
}
