package io.gloss.recommender;

import io.gloss.auth.Role;
import io.gloss.project.LabelView;
import io.gloss.project.Project;
import io.gloss.project.ProjectService;
import io.gloss.web.Notice;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The recommender's page of a project, for reviewers and admins: its state, when it was trained
 * on how many approved spans, precision, recall and F1 per label on the held-out articles, and
 * for admins a button that trains it now. Linked from the project page beside Agreement.
 */
@Path("/projects/{id}/recommender")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Role.ADMIN, Role.REVIEWER})
public class RecommenderPageResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance recommender(Project project, RecommenderView recommender, Map<String, LabelView> labels);
    }

    /** {@code recommender:figure(value)} in the page: two decimals. */
    @TemplateExtension(namespace = "recommender")
    static String figure(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    @Inject
    ProjectService projects;

    @Inject
    RecommenderService recommender;

    @GET
    public TemplateInstance page(@PathParam("id") Long id) {
        Project project = projects.require(id);
        Map<String, LabelView> labels = new HashMap<>();
        LabelView.ofProject(project.id).forEach(label -> labels.put(label.key(), label));
        return Templates.recommender(project, recommender.view(project.id), labels);
    }

    /** The Train button: queues a training and comes back to the page, which shows it QUEUED or TRAINING. */
    @POST
    @Path("train")
    @RolesAllowed(Role.ADMIN)
    public Response train(@PathParam("id") Long id) {
        recommender.train(id);
        return Notice.seeOther("/projects/" + id + "/recommender", "Training queued: it runs in the background; reload to see it end.");
    }
}
