package io.gloss.agreement;

import io.gloss.auth.Role;
import io.gloss.project.LabelView;
import io.gloss.project.Project;
import io.gloss.project.ProjectService;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The agreement page of a project, for reviewers and admins: the annotator pairs as a heat map
 * of one measure, the figures per label, and the articles with the least agreement first (by
 * the same measure, chosen with {@code ?measure=}).
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Role.ADMIN, Role.REVIEWER})
public class AgreementPageResource {

    /** A figure as the page shows it: two decimals, "—" when undefined, and its heat-map colour. */
    public record Figure(Double value) {

        public String text() {
            return value == null ? "—" : String.format(Locale.ROOT, "%.2f", value);
        }

        /** Red at 0 and below, through yellow, to green at 1; grey when undefined. */
        public String background() {
            if (value == null) {
                return "hsl(0, 0%, 92%)";
            }
            double hue = 120 * Math.max(0, Math.min(1, value));
            return String.format(Locale.ROOT, "hsl(%.0f, 70%%, 82%%)", hue);
        }
    }

    /** One row of the heat map: an annotator and their figure with each other annotator (none with themselves). */
    public record Row(String annotator, List<Cell> cells) {
    }

    /** A cell: the other annotator, the figure (null on the diagonal) and their articles in common. */
    public record Cell(String other, Figure figure, long articles, boolean self) {
    }

    /** A measure the page can show: its key (the API's name) and its heading. */
    public record Measure(String key, String name, boolean chosen) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance agreement(Project project, AgreementReport report, List<Measure> measures,
                Measure measure, List<Row> matrix, Map<String, LabelView> labels);
    }

    /** {@code agreement:figure(value)} in the page: two decimals, or "—". */
    @TemplateExtension(namespace = "agreement")
    static String figure(Double value) {
        return new Figure(value).text();
    }

    private static final Map<ArticleOrder, String> NAMES = Map.of(ArticleOrder.ALPHA_U, "αu (code points)",
            ArticleOrder.KAPPA, "κ (tokens)", ArticleOrder.F1_EXACT, "F1 exact", ArticleOrder.F1_OVERLAP, "F1 overlap");

    @Inject
    ProjectService projects;

    @Inject
    AgreementService agreement;

    @GET
    @Path("projects/{id}/agreement")
    public TemplateInstance page(@PathParam("id") Long id, @QueryParam("measure") String measure) {
        Project project = projects.require(id);
        AgreementService.Selection selection = AgreementService.Selection.parse(null, null, measure, 100);
        AgreementReport report = agreement.report(project.id, selection);
        List<Measure> measures = new ArrayList<>();
        for (ArticleOrder order : ArticleOrder.values()) {
            measures.add(new Measure(order.key, NAMES.get(order), order == selection.order()));
        }
        Map<String, LabelView> labels = new java.util.HashMap<>();
        LabelView.ofProject(project.id).forEach(label -> labels.put(label.key(), label));
        return Templates.agreement(project, report, measures, measures.get(selection.order().ordinal()),
                matrix(report, pairMeasure(selection.order())), labels);
    }

    private static Function<AgreementReport.Pair, Double> pairMeasure(ArticleOrder order) {
        return switch (order) {
            case ALPHA_U -> AgreementReport.Pair::alphaU;
            case KAPPA -> AgreementReport.Pair::kappa;
            case F1_EXACT -> AgreementReport.Pair::f1Exact;
            case F1_OVERLAP -> AgreementReport.Pair::f1Overlap;
        };
    }

    /** Every annotator against every other: the pair's figure, symmetric; annotators who share no article get an empty cell. */
    static List<Row> matrix(AgreementReport report, Function<AgreementReport.Pair, Double> measure) {
        List<Row> rows = new ArrayList<>();
        for (String a : report.annotators()) {
            List<Cell> cells = new ArrayList<>();
            for (String b : report.annotators()) {
                AgreementReport.Pair pair = report.pairs().stream()
                        .filter(p -> p.a().equals(a) && p.b().equals(b) || p.a().equals(b) && p.b().equals(a))
                        .findFirst().orElse(null);
                cells.add(new Cell(b, new Figure(pair == null ? null : measure.apply(pair)), pair == null ? 0 : pair.articles(),
                        a.equals(b)));
            }
            rows.add(new Row(a, cells));
        }
        return rows;
    }
}
