package io.gloss.dataset;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gloss.annotation.AnnotationStatus;
import io.gloss.auth.Role;
import io.gloss.project.LabelView;
import io.gloss.project.Project;
import io.gloss.project.ProjectService;
import io.gloss.web.GlossException;
import io.gloss.web.Numbers;
import io.gloss.web.Page;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The datasets pages: a project's datasets with the form that defines a new one, and a dataset's
 * page with its progress (polled from the API while it builds) and download links.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Role.ADMIN, Role.REVIEWER})
public class DatasetPageResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance datasets(Project project, List<LabelView> labels, List<DatasetFormat> formats,
                List<AnnotationStatus> statuses, Page<DatasetView> datasets, Form form, String error);

        /** {@code cursor}: the project's change log when the page was read; its script follows the build from there. */
        static native TemplateInstance dataset(Project project, DatasetView dataset, ManifestSummary summary, long cursor);
    }

    /** What the form held, shown again when it is refused. */
    public record Form(String name, String format, List<String> statuses, List<String> labels, String articleIds,
            String publishedFrom, String publishedTo, String train, String dev, String test, String seed) {

        static Form empty() {
            return new Form("", "jsonl", List.of("APPROVED"), List.of(), "", "", "", "1", "0", "0", "0");
        }

        public boolean hasStatus(AnnotationStatus status) {
            return statuses.contains(status.name());
        }

        public boolean hasLabel(String key) {
            return labels.contains(key);
        }
    }

    @Inject
    ProjectService projects;

    @Inject
    DatasetService datasets;

    @Inject
    ObjectMapper json;

    @GET
    @Path("projects/{id}/datasets")
    public TemplateInstance list(@PathParam("id") Long id, @QueryParam("after") String after) {
        return render(projects.require(id), after, Form.empty(), null);
    }

    /** Post/Redirect/Get: the new dataset's page, or the form again with the reason it was refused. */
    @POST
    @Path("projects/{id}/datasets")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@PathParam("id") Long id, @RestForm String name, @RestForm String format,
            @RestForm List<String> statuses, @RestForm List<String> labels, @RestForm String articleIds,
            @RestForm String publishedFrom, @RestForm String publishedTo, @RestForm String train, @RestForm String dev,
            @RestForm String test, @RestForm String seed) {
        Project project = projects.require(id);
        Form form = new Form(name, format, statuses == null ? List.of() : statuses, labels == null ? List.of() : labels,
                articleIds, publishedFrom, publishedTo, train, dev, test, seed);
        try {
            DatasetView created = datasets.create(new DatasetRequest(project.id, name, format,
                    statuses == null || statuses.isEmpty() ? null : statuses,
                    labels == null || labels.isEmpty() ? null : labels, Numbers.ids("articleIds", articleIds), publishedFrom, publishedTo,
                    new DatasetRequest.SplitFractions(Numbers.decimal("split.train", train),
                            Numbers.decimal("split.dev", dev), Numbers.decimal("split.test", test)),
                    Numbers.whole("seed", seed, Long.MIN_VALUE, Long.MAX_VALUE),
                    null)); // CSV formula escaping stays on from the page; the API can switch it off
            return Response.seeOther(URI.create("/datasets/" + created.id())).build();
        } catch (GlossException e) {
            if (e.status() != 400) {
                throw e;
            }
            return Response.status(400).entity(render(project, null, form, e.getMessage())).build();
        }
    }

    @GET
    @Path("datasets/{id}")
    public TemplateInstance page(@PathParam("id") Long id) throws IOException {
        // The cursor before the dataset: an event committed between the two is received, not missed.
        long cursor = datasets.latestCursor(id);
        DatasetView dataset = datasets.view(id);
        Project project = projects.require(dataset.projectId());
        ManifestSummary summary = null;
        if (dataset.done()) {
            try (InputStream manifest = datasets.open(id, datasets.file(id, ManifestWriter.FILE))) {
                summary = ManifestSummary.read(json, manifest);
            }
        }
        return Templates.dataset(project, dataset, summary, cursor);
    }

    private TemplateInstance render(Project project, String after, Form form, String error) {
        List<LabelView> labels = LabelView.ofProject(project.id);
        return Templates.datasets(project, labels, Arrays.asList(DatasetFormat.values()),
                AnnotationStatus.REVIEW, datasets.list(project.id, after, 50), form, error);
    }
}
