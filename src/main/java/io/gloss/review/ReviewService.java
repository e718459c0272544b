package io.gloss.review;

import io.gloss.annotation.Annotation;
import io.gloss.annotation.AnnotationLifecycle;
import io.gloss.annotation.AnnotationStatus;
import io.gloss.annotation.AnnotationView;
import io.gloss.annotation.ReviewRules;
import io.gloss.article.ArticleService;
import io.gloss.audit.AuditService;
import io.gloss.auth.CurrentUser;
import io.gloss.db.Timestamps;
import io.gloss.project.Label;
import io.gloss.project.ProjectService;
import io.gloss.web.GlossException;
import io.gloss.web.Texts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/**
 * Reviewers' decisions: approve or reject (alone or in bulk, all or nothing) and label
 * corrections, under the four-eyes rule. Statuses change through {@link AnnotationLifecycle};
 * each decision writes its audit event in the same transaction.
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

    @Inject
    AnnotationLifecycle lifecycle;

    @Inject
    DecisionMetrics metrics;

    @Transactional
    public AnnotationView decide(Long id, String decisionText, String comment, Integer version) {
        Annotation annotation = lock(id); // first: another project's annotation is a 404 whatever the body
        Decision decision = Decision.parse(decisionText);
        Texts.limit("comment", comment, MAX_COMMENT_CHARS);
        check(annotation, decision, comment, version);
        apply(annotation, decision, comment); // flushes: the answer carries the new version
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
        AnnotationLifecycle.requireVersion(annotation, version);
        Label label = Label.requireActive(annotation.projectId, labelKey);
        if (label.id.equals(annotation.label.id)) {
            return AnnotationView.of(annotation);
        }
        AnnotationView before = AnnotationView.of(annotation);
        annotation.takeLabel(label);
        annotation.labelCorrectedBy = currentUser.username();
        annotation.updatedAt = Timestamps.now();
        lifecycle.backToReview(annotation, "label changed to " + label.key);
        Annotation.flush();
        AnnotationView after = AnnotationView.of(annotation);
        audit.recordChange(annotation.projectId, annotation.article.id, "annotation", annotation.id, "relabel", before,
                after);
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
        List<Long> ordered = lockOrder(ids);
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
        applyInProjectOrder(passed, decision, comment);
        return new BulkResult(true, results);
    }

    /**
     * Curation's decisions, in the caller's transaction: every annotation is locked and checked
     * (four-eyes, SUBMITTED, a reason to reject) before any is applied, and the first refusal is
     * thrown as it is, so the caller's whole transaction rolls back.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void decideEach(Collection<Long> ids, Decision decision, String comment) {
        Texts.limit("comment", comment, MAX_COMMENT_CHARS);
        List<Annotation> checked = new ArrayList<>();
        for (Long id : lockOrder(ids)) {
            Annotation annotation = lock(id);
            check(annotation, decision, comment, null);
            checked.add(annotation);
        }
        applyInProjectOrder(checked, decision, comment);
    }

    /** Locks are taken in id order, so that two bulk decisions never wait on each other in a circle. */
    private static List<Long> lockOrder(Collection<Long> ids) {
        List<Long> ordered = new ArrayList<>(new LinkedHashSet<>(ids));
        ordered.sort(Long::compare);
        return ordered;
    }

    /**
     * Each change locks its project's change counter until the commit: in project order, so that
     * two bulk decisions over the same projects never wait on each other in a circle.
     */
    private void applyInProjectOrder(List<Annotation> annotations, Decision decision, String comment) {
        annotations.sort(Comparator.comparing((Annotation a) -> a.projectId));
        annotations.forEach(annotation -> apply(annotation, decision, comment));
    }

    private Annotation lock(Long id) {
        Annotation annotation = id == null ? null : Annotation.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (annotation == null || annotation.deletedAt != null || !projects.canSee(annotation.projectId)) {
            throw GlossException.notFound("Annotation " + id);
        }
        ArticleService.requireWritable(annotation.article);
        return annotation;
    }

    /** Why the four-eyes rule keeps the current user from deciding on the annotation; null when it does not. */
    public String fourEyesRefusal(Annotation annotation) {
        if (annotation.author.equals(currentUser.username())) {
            return ReviewRules.OWN_ANNOTATION;
        }
        if (currentUser.username().equals(annotation.labelCorrectedBy)) {
            return ReviewRules.OWN_LABEL;
        }
        return null;
    }

    private void check(Annotation annotation, Decision decision, String comment, Integer version) {
        String refusal = fourEyesRefusal(annotation);
        if (refusal != null) {
            throw GlossException.forbidden(refusal);
        }
        if (annotation.status != AnnotationStatus.SUBMITTED) {
            throw GlossException.conflict("already_decided", ReviewRules.alreadyDecided(annotation.status, annotation.reviewer))
                    .with("current", AnnotationView.of(annotation));
        }
        AnnotationLifecycle.requireVersion(annotation, version);
        if (decision == Decision.REJECT && (comment == null || comment.isBlank())) {
            throw GlossException.badRequest("comment", "Say why you reject it: the author reads the comment.");
        }
    }

    private void apply(Annotation annotation, Decision decision, String comment) {
        AnnotationView before = AnnotationView.of(annotation);
        lifecycle.move(annotation, decision.result, comment == null || comment.isBlank() ? null : comment.strip());
        annotation.reviewer = currentUser.username();
        annotation.comment = comment == null || comment.isBlank() ? null : comment.strip();
        annotation.updatedAt = annotation.statusChangedAt;
        Annotation.flush(); // the version increments on flush; the change event must carry the new one
        audit.recordChange(annotation.projectId, annotation.article.id, "annotation", annotation.id,
                decision.name().toLowerCase(Locale.ROOT), before, AnnotationView.of(annotation));
        metrics.decided(decision);
    }
}
