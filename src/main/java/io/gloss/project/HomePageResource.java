package io.gloss.project;

import io.gloss.auth.CurrentUser;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The home page: the projects the user can see, or a welcome for visitors. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class HomePageResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(List<Project> projects);

        static native TemplateInstance welcome();
    }

    @Inject
    CurrentUser currentUser;

    @Inject
    ProjectService projects;

    @GET
    public TemplateInstance home() {
        if (!currentUser.isLoggedIn()) {
            return Templates.welcome();
        }
        return Templates.home(projects.visibleProjects());
    }
}
