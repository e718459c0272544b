package io.gloss.annotation;

import io.gloss.audit.AuditService;
import io.gloss.auth.CurrentUser;
import io.gloss.db.Timestamps;
import io.gloss.web.GlossException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Map;

/**
 * An annotation's status over its life: it enters review when stored ({@link #submit}), goes back
 * to review when its author or a reviewer changes it ({@link #backToReview}), and is decided on
 * ({@link #move}), or merged by a curator into an identical accepted one ({@link #merge}). This is
 * the only place a status changes, and every change writes its history
 * row in the caller's transaction.
 */
@ApplicationScoped
public class AnnotationLifecycle {

    @Inject
    CurrentUser currentUser;

    @Inject
    AuditService audit;

    @Inject
    AnnotationMetrics metrics;

    /** Refuses a write based on an older version than the stored one (409 {@code stale}, with the current annotation). */
    public static void requireVersion(Annotation annotation, Integer version) {
        if (version != null && version != annotation.version) {
            throw GlossException.conflict("stale", "This annotation was changed since you read it (your version "
                    + version + ", current " + annotation.version + "). Reload and try again.")
                    .with("current", AnnotationView.of(annotation));
        }
    }

    /** Stores a new annotation, which enters review as SUBMITTED with its first history row, {@code actor} making it (an import: its account). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void submit(Annotation annotation, String actor) {
        // The row is inserted with the state it has at persist(): status first, then the id exists.
        annotation.status = AnnotationStatus.SUBMITTED;
        annotation.statusChangedAt = annotation.createdAt;
        annotation.persist();
        record(annotation.id, null, AnnotationStatus.SUBMITTED, null, annotation.createdAt, actor);
        metrics.created();
    }

    /**
     * The annotation was changed: a decided or merged one goes back to review, saying why
     * ({@code reason} may be null), and so do the annotations merged into it ({@link #release}).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void backToReview(Annotation annotation, String reason) {
        release(annotation);
        if (annotation.status != AnnotationStatus.SUBMITTED) {
            move(annotation, AnnotationStatus.SUBMITTED, reason);
        }
    }

    /**
     * A curator accepted {@code into}: {@code annotation}, of the same article, span and label,
     * becomes MERGED into it (one already MERGED is pointed at {@code into}, its status unchanged).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void merge(Annotation annotation, Annotation into, String comment) {
        if (annotation.status != AnnotationStatus.MERGED) {
            move(annotation, AnnotationStatus.MERGED, comment);
        }
        annotation.mergedInto = into.id;
        annotation.reviewer = currentUser.username();
        annotation.comment = comment;
        annotation.updatedAt = Timestamps.now();
    }

    /**
     * The annotations merged into {@code annotation} go back to review: it is leaving APPROVED (its
     * author or a reviewer changed it) or being deleted, so it no longer speaks for them.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void release(Annotation annotation) {
        if (annotation.status != AnnotationStatus.APPROVED) {
            return; // only an approved annotation has others merged into it
        }
        for (Annotation merged : Annotation.mergedInto(annotation.id)) {
            AnnotationView before = AnnotationView.of(merged);
            move(merged, AnnotationStatus.SUBMITTED, "the annotation it was merged into (" + annotation.id
                    + ") changed or was deleted");
            merged.reviewer = null;
            merged.comment = null;
            merged.updatedAt = merged.statusChangedAt;
            Annotation.flush(); // the change event carries the new version
            audit.recordChange(merged.projectId, merged.article.id, "annotation", merged.id, "release", before,
                    AnnotationView.of(merged));
        }
    }

    /** Moves the annotation to {@code to}, if its current status allows it; 409 otherwise. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void move(Annotation annotation, AnnotationStatus to, String comment) {
        AnnotationStatus from = annotation.status;
        if (from != null && !from.canMoveTo(to)) {
            throw GlossException.conflict("illegal_transition", "An annotation that is " + from + " cannot become " + to + ".")
                    .with("current", Map.of("status", from));
        }
        Instant now = Timestamps.now();
        record(annotation.id, from, to, comment, now, currentUser.username());
        annotation.status = to;
        annotation.statusChangedAt = now;
        if (to != AnnotationStatus.MERGED) {
            annotation.mergedInto = null;
        }
    }

    private void record(long annotationId, AnnotationStatus from, AnnotationStatus to, String comment, Instant at,
            String actor) {
        AnnotationTransition transition = new AnnotationTransition();
        transition.annotationId = annotationId;
        transition.from = from;
        transition.to = to;
        transition.actor = actor;
        transition.comment = comment;
        transition.at = at;
        transition.persist();
    }
}
