package io.gloss.review;

import io.gloss.annotation.Annotation;
import io.gloss.annotation.AnnotationStatus;
import io.gloss.annotation.AnnotationView;
import io.gloss.audit.AuditService;
import io.gloss.auth.CurrentUser;
import io.gloss.project.ProjectService;
import io.gloss.web.GlossException;
import io.gloss.web.Texts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The review workflow. {@link #move} is the only place an annotation's status changes; every
 * change writes its history row, and decisions their audit event, in the caller's transaction.
 */
@ApplicationScoped
public class ReviewService {

    static final int MAX_BULK = 500;
    static final int MAX_COMMENT_CHARS = 10_000;

    /** The outcome of one item of a bulk decision. */
    public record ItemResult(Long id, boolean ok, String error, String message) {
    }

    /** All items succeeded and were applied, or none was. */
    public record BulkResult(boolean applied, List<ItemResult> results) {
    }

    @Inject
    CurrentUser currentUser;

    @Inject
    ProjectService projects;

    @Inject
    AuditService audit;

    /** Stores a new annotation, which enters review as SUBMITTED with its first history row. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void submit(Annotation annotation) {
        // The row is inserted with the state it has at persist(): status first, then the id exists.
        annotation.status = AnnotationStatus.SUBMITTED;
        annotation.statusChangedAt = annotation.createdAt;
        annotation.persist();
        record(annotation.id, null, AnnotationStatus.SUBMITTED, null, annotation.createdAt);
    }

    /** The author changed a decided annotation: it goes back to review. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void revised(Annotation annotation) {
        if (annotation.status != AnnotationStatus.SUBMITTED) {
            move(annotation, AnnotationStatus.SUBMITTED, null);
        }
    }

    @Transactional
    public AnnotationView decide(Long id, String decisionText, String comment, Integer version) {
        Annotation annotation = lock(id); // first: another project's annotation is a 404 whatever the body
        Decision decision = Decision.parse(decisionText);
        Texts.limit("comment", comment, MAX_COMMENT_CHARS);
        check(annotation, decision, comment, version);
        apply(annotation, decision, comment);
        Annotation.flush(); // the answer carries the new version
        return AnnotationView.of(annotation);
    }

    /**
     * A reviewer corrects the label of someone else's annotation (the queue's {@code e}); the
     * annotation stays in, or goes back to, review (a decided one, approved or rejected, is
     * SUBMITTED again: the decision was about another label), and the author sees who changed it.
     * The corrector is recorded and may not decide on it ({@link #check}): else relabelling and
     * approving alone would pass a label that only one person has looked at.
     */
    @Transactional
    public AnnotationView relabel(Long id, String labelKey, Integer version) {
        Annotation annotation = lock(id);
        if (annotation.author.equals(currentUser.username())) {
            throw GlossException.forbidden("This is your own annotation: change it on the article page.");
        }
        if (version != null && version != annotation.version) {
            throw GlossException.conflict("stale", "This annotation was changed since you read it (your version "
                    + version + ", current " + annotation.version + "). Reload and look again.")
                    .with("current", AnnotationView.of(annotation));
        }
        if (labelKey == null || labelKey.isBlank()) {
            throw GlossException.badRequest("label", "label is required: the key of one of the project's labels.");
        }
        io.gloss.label.Label label = io.gloss.label.Label.find("project.id = ?1 and key = ?2",
                annotation.projectId, labelKey.strip()).firstResult();
        if (label == null) {
            throw GlossException.badRequest("label", "The project of this annotation has no label \"" + labelKey + "\".");
        }
        if (label.id.equals(annotation.label.id)) {
            return AnnotationView.of(annotation);
        }
        AnnotationView before = AnnotationView.of(annotation);
        annotation.label = label;
        annotation.labelCorrectedBy = currentUser.username();
        annotation.updatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        if (annotation.status != AnnotationStatus.SUBMITTED) {
            move(annotation, AnnotationStatus.SUBMITTED, "label changed to " + label.key);
        }
        Annotation.flush();
        AnnotationView after = AnnotationView.of(annotation);
        audit.record(annotation.projectId, "annotation", annotation.id, "relabel", before, after);
        return after;
    }

    /**
     * Decides on many annotations at once, all or nothing: every item is checked (and locked)
     * first, and only when all pass are they applied.
     */
    @Transactional
    public BulkResult decideAll(List<Long> ids, String decisionText, String comment) {
        Decision decision = Decision.parse(decisionText);
        if (ids == null || ids.isEmpty()) {
            throw GlossException.badRequest("ids", "ids must list at least one annotation.");
        }
        if (ids.size() > MAX_BULK) {
            throw GlossException.badRequest("ids", "At most " + MAX_BULK + " annotations at once.");
        }
        if (ids.contains(null)) {
            throw GlossException.badRequest("ids", "ids must list annotation ids; null is not one.");
        }
        Texts.limit("comment", comment, MAX_COMMENT_CHARS);
        // Locked in id order, so that two bulk decisions never wait on each other in a circle.
        List<Long> ordered = new ArrayList<>(new LinkedHashSet<>(ids));
        ordered.sort(Long::compare);
        List<ItemResult> results = new ArrayList<>();
        List<Annotation> passed = new ArrayList<>();
        for (Long id : ordered) {
            try {
                Annotation annotation = lock(id);
                check(annotation, decision, comment, null);
                passed.add(annotation);
                results.add(new ItemResult(id, true, null, null));
            } catch (GlossException e) {
                results.add(new ItemResult(id, false, e.error(), e.getMessage()));
            }
        }
        if (passed.size() < ordered.size()) {
            return new BulkResult(false, results);
        }
        passed.forEach(annotation -> apply(annotation, decision, comment));
        return new BulkResult(true, results);
    }

    private Annotation lock(Long id) {
        Annotation annotation = id == null ? null : Annotation.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (annotation == null || annotation.deletedAt != null || !projects.canSee(annotation.projectId)) {
            throw GlossException.notFound("Annotation " + id);
        }
        return annotation;
    }

    private void check(Annotation annotation, Decision decision, String comment, Integer version) {
        if (annotation.author.equals(currentUser.username())) {
            throw GlossException.forbidden("You made this annotation, so another reviewer must decide on it (four-eyes rule).");
        }
        if (currentUser.username().equals(annotation.labelCorrectedBy)) {
            throw GlossException.forbidden("You changed its label, so another reviewer must decide on it (four-eyes rule).");
        }
        if (annotation.status != AnnotationStatus.SUBMITTED) {
            throw GlossException.conflict("already_decided", "This annotation is " + annotation.status
                    + (annotation.reviewer == null ? "" : " (decided by " + annotation.reviewer + ")")
                    + "; only a SUBMITTED annotation can be decided on.")
                    .with("current", AnnotationView.of(annotation));
        }
        if (version != null && version != annotation.version) {
            throw GlossException.conflict("stale", "This annotation was changed since you read it (your version "
                    + version + ", current " + annotation.version + "). Reload and look again.")
                    .with("current", AnnotationView.of(annotation));
        }
        if (decision == Decision.REJECT && (comment == null || comment.isBlank())) {
            throw GlossException.badRequest("comment", "Say why you reject it: the author reads the comment.");
        }
    }

    private void apply(Annotation annotation, Decision decision, String comment) {
        AnnotationView before = AnnotationView.of(annotation);
        move(annotation, decision.result, comment == null || comment.isBlank() ? null : comment.strip());
        annotation.reviewer = currentUser.username();
        annotation.comment = comment == null || comment.isBlank() ? null : comment.strip();
        annotation.updatedAt = annotation.statusChangedAt;
        audit.record(annotation.projectId, "annotation", annotation.id, decision.name().toLowerCase(java.util.Locale.ROOT),
                before, AnnotationView.of(annotation));
    }

    private void move(Annotation annotation, AnnotationStatus to, String comment) {
        AnnotationStatus from = annotation.status;
        if (from != null && !from.canMoveTo(to)) {
            throw GlossException.conflict("illegal_transition", "An annotation that is " + from + " cannot become " + to + ".")
                    .with("current", Map.of("status", from));
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        record(annotation.id, from, to, comment, now);
        annotation.status = to;
        annotation.statusChangedAt = now;
    }

    private void record(long annotationId, AnnotationStatus from, AnnotationStatus to, String comment, Instant at) {
        AnnotationTransition transition = new AnnotationTransition();
        transition.annotationId = annotationId;
        transition.from = from;
        transition.to = to;
        transition.actor = currentUser.username();
        transition.comment = comment;
        transition.at = at;
        transition.persist();
    }
}
