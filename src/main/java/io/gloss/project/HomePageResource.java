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
import java.util.Map;
import java.util.stream.Collectors;

/** The home page: the projects the user can see with what each has given them to annotate, or a welcome for visitors. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class HomePageResource {

    @CheckedTemplate
    static class Templates {
        /** {@code archived}: the archived projects, listed apart. */
        static native TemplateInstance home(List<Project> projects, List<Project> archived, Map<Long, Workloads.Workload> workloads);

        static native TemplateInstance welcome();
    }

    @Inject
    CurrentUser currentUser;

    @Inject
    ProjectService projects;

    @Inject
    Workloads workloads;

    @GET
    public TemplateInstance home() {
        if (!currentUser.isLoggedIn()) {
            return Templates.welcome();
        }
        Map<Boolean, List<Project>> byArchived = projects.visibleProjects().stream()
                .collect(Collectors.partitioningBy(Project::isArchived));
        return Templates.home(byArchived.get(false), byArchived.get(true), workloads.of(currentUser.username()));
    }
}
