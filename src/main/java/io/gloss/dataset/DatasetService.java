package io.gloss.dataset;

import io.gloss.annotation.AnnotationStatus;
import io.gloss.audit.AuditService;
import io.gloss.auth.CurrentUser;
import io.gloss.db.Timestamps;
import io.gloss.project.Label;
import io.gloss.project.Project;
import io.gloss.project.ProjectService;
import io.gloss.web.GlossException;
import io.gloss.web.Page;
import io.gloss.web.Texts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Dataset definitions: validation, the dataset row and its audit event in one transaction, and
 * who may see what. The build itself runs in {@link DatasetBuilder} once the row is committed.
 */
@ApplicationScoped
public class DatasetService {

    /** Fractions are stored with this many decimals (numeric(10, 9)). */
    static final int FRACTION_SCALE = 9;
    static final BigDecimal TOLERANCE = new BigDecimal("0.000001");

    @Inject
    ProjectService projects;

    @Inject
    CurrentUser currentUser;

    @Inject
    AuditService audit;

    @Inject
    DatasetStorage storage;

    @Inject
    DatasetQueries queries;

    @Inject
    Event<DatasetQueued> queued;

    @Transactional
    public DatasetView create(DatasetRequest request) {
        if (!currentUser.isAdmin() && !currentUser.isReviewer()) {
            throw GlossException.forbidden("Admins and reviewers build datasets.");
        }
        DatasetDefinition definition = validate(request);
        Dataset dataset = new Dataset();
        definition.applyTo(dataset);
        dataset.state = DatasetState.QUEUED;
        dataset.createdBy = currentUser.username();
        dataset.createdAt = Timestamps.now();
        dataset.persist();
        DatasetView view = DatasetView.of(dataset);
        // On the project's stream as well: the dataset as GET returns it (id, state and progress among its fields).
        audit.recordChange(dataset.projectId, null, "dataset", dataset.id, "create", null, view);
        queued.fire(new DatasetQueued(dataset.id));
        return view;
    }

    /** A dataset the current user may see; otherwise 404. */
    @Transactional
    public DatasetView view(Long id) {
        return DatasetView.of(require(id));
    }

    /** The latest change cursor of the dataset's project (404 as {@link #view}). */
    @Transactional
    public long latestCursor(Long id) {
        return audit.latestCursor(require(id).projectId);
    }

    /** The project's datasets, newest first, by keyset pages. */
    @Transactional
    public Page<DatasetView> list(Long projectId, String after, Integer limit) {
        Project project = projects.require(projectId);
        int size = Page.limit(limit);
        long before = after == null || after.isBlank() ? Long.MAX_VALUE : Page.after(after);
        // One more than the page tells whether there is a next one.
        List<Dataset> found = Dataset.ofProject(project.id, before, size + 1);
        boolean more = found.size() > size;
        List<Dataset> page = more ? found.subList(0, size) : found;
        return new Page<>(page.stream().map(DatasetView::of).toList(), more ? String.valueOf(page.get(size - 1).id) : null);
    }

    /** A file of a built dataset, by its recorded name only (never a path from the request). */
    @Transactional
    public DatasetFile file(Long datasetId, String name) {
        Dataset dataset = require(datasetId);
        // Recorded but not stored: kept on the disk of an instance of an older version that has
        // not been started with this one yet (operations.md, "Datasets on several instances").
        return dataset.files.stream().filter(f -> dataset.state == DatasetState.DONE && f.name.equals(name))
                .filter(f -> storage.stored(dataset.id, f.name)).findFirst()
                .map(f -> new DatasetFile(f.name, f.bytes, f.sha256))
                .orElseThrow(() -> GlossException.notFound("File " + name + " of dataset " + datasetId));
    }

    /** A stored file (one {@link #file} returned), read a chunk at a time. */
    public InputStream open(long datasetId, DatasetFile file) {
        return storage.open(datasetId, file.name);
    }

    private Dataset require(Long id) {
        Dataset dataset = id == null ? null : Dataset.findById(id);
        if (dataset == null || !projects.canSee(dataset.projectId)) {
            throw GlossException.notFound("Dataset " + id);
        }
        return dataset;
    }

    /** Checks a request against the project and returns it normalised; every problem is a 400 naming its field. */
    DatasetDefinition validate(DatasetRequest r) {
        if (r == null || r.projectId() == null) {
            throw GlossException.badRequest("projectId", "projectId is required: the project whose annotations to export.");
        }
        Project project = projects.requireWritable(r.projectId());
        if (r.name() == null || r.name().isBlank()) {
            throw GlossException.badRequest("name", "Give the dataset a name.");
        }
        // The dataset form's name does not pass the JSON reader's check.
        String name = Texts.limit("name", Texts.requireUnicode("name", r.name()).strip(), 200);
        DatasetFormat format = DatasetFormat.parse(r.format()).orElseThrow(() -> GlossException.badRequest("format",
                "format must be one of " + Arrays.stream(DatasetFormat.values()).map(DatasetFormat::key)
                        .collect(Collectors.joining(", ")) + (r.format() == null ? "." : "; it was \"" + Texts.excerpt(r.format()) + "\".")));
        return new DatasetDefinition(project.id, name, format, statuses(r.statuses()), labels(project, r.labels()),
                articles(project, r.articleIds()), date("publishedFrom", r.publishedFrom()),
                range(r.publishedFrom(), date("publishedTo", r.publishedTo())), split(r.split(), r.seed()),
                // The switch means nothing to the other formats, so they all store the default: equal selections, equal manifests.
                format != DatasetFormat.CSV || r.csvEscapeFormulas() == null || r.csvEscapeFormulas());
    }

    private static List<AnnotationStatus> statuses(List<String> requested) {
        if (requested == null) {
            return List.of(AnnotationStatus.APPROVED);
        }
        if (requested.isEmpty()) {
            throw GlossException.badRequest("statuses", "Name at least one status, or leave statuses out for APPROVED only.");
        }
        Set<AnnotationStatus> statuses = new TreeSet<>();
        for (String status : requested) {
            // MERGED is not offered: a merged span is exported once, through the annotation it was merged into.
            statuses.add(AnnotationStatus.ofReview(status).orElseThrow(() -> GlossException.badRequest("statuses",
                    "Unknown status \"" + Texts.excerpt(status) + "\": use SUBMITTED, APPROVED or REJECTED.")));
        }
        return List.copyOf(statuses);
    }

    private static List<String> labels(Project project, List<String> requested) {
        if (requested == null) {
            return null;
        }
        if (requested.isEmpty()) {
            throw GlossException.badRequest("labels", "Name at least one label key, or leave labels out for every label.");
        }
        Set<String> known = Label.ofProject(project.id).stream().map(l -> l.key).collect(Collectors.toSet());
        Set<String> keys = new TreeSet<>();
        for (String key : requested) {
            String normalised = key == null ? "" : key.strip().toUpperCase(Locale.ROOT);
            if (!known.contains(normalised)) {
                throw GlossException.badRequest("labels", "The project has no label \"" + Texts.excerpt(key) + "\".");
            }
            keys.add(normalised);
        }
        return List.copyOf(keys);
    }

    private List<Long> articles(Project project, List<Long> requested) {
        if (requested == null) {
            return null;
        }
        if (requested.isEmpty() || requested.contains(null)) {
            throw GlossException.badRequest("articleIds", "List article ids, or leave articleIds out for every article.");
        }
        List<Long> ids = new ArrayList<>(new TreeSet<>(requested));
        Set<Long> found = queries.articlesAmong(project.id, ids);
        for (Long id : ids) {
            if (!found.contains(id)) {
                throw GlossException.badRequest("articleIds", "Article " + id + " is not in this project, or is retired.");
            }
        }
        return List.copyOf(ids);
    }

    private static String date(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip()).toString();
        } catch (DateTimeParseException e) {
            throw GlossException.badRequest(field, field + " must be a date like 2024-12-31; it was \""
                    + Texts.excerpt(value) + "\".");
        }
    }

    private static String range(String from, String to) {
        if (from != null && !from.isBlank() && to != null && LocalDate.parse(from.strip()).isAfter(LocalDate.parse(to))) {
            throw GlossException.badRequest("publishedTo", "publishedTo must not be before publishedFrom.");
        }
        return to;
    }

    private static SplitPlan split(DatasetRequest.SplitFractions requested, Long seed) {
        long s = seed == null ? 0 : seed;
        if (requested == null) {
            return new SplitPlan(BigDecimal.ONE, BigDecimal.ZERO, BigDecimal.ZERO, s);
        }
        BigDecimal train = fraction("train", requested.train());
        BigDecimal dev = fraction("dev", requested.dev());
        BigDecimal test = fraction("test", requested.test());
        BigDecimal sum = train.add(dev).add(test);
        if (sum.subtract(BigDecimal.ONE).abs().compareTo(TOLERANCE) > 0) {
            throw GlossException.badRequest("split", "The split fractions must add up to 1; train, dev and test add up to "
                    + sum.stripTrailingZeros().toPlainString() + ".");
        }
        return new SplitPlan(DatasetDefinition.plain(train), DatasetDefinition.plain(dev), DatasetDefinition.plain(test), s);
    }

    private static BigDecimal fraction(String name, BigDecimal value) {
        if (value == null) {
            return BigDecimal.ZERO;
        }
        if (value.signum() < 0 || value.compareTo(BigDecimal.ONE) > 0) {
            throw GlossException.badRequest("split", "split." + name + " must be between 0 and 1; it was "
                    + value.toPlainString() + ".");
        }
        return value.setScale(FRACTION_SCALE, RoundingMode.HALF_EVEN);
    }
}
