package io.gloss.annotation;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Review state of an annotation and the moves between states (domain.md): a reviewer decides on
 * a submitted annotation; the author's revision of a decided one sends it back to review.
 * Curation adds MERGED: an annotation that repeats the one a curator accepted (same article, span
 * and label) is merged into it, whatever it was, and counts as one of its annotators; it returns to
 * review when its author revises it or when the one it is merged into leaves APPROVED.
 * {@link AnnotationLifecycle} is the only code that moves an annotation between them.
 */
public enum AnnotationStatus {
    SUBMITTED,
    APPROVED,
    REJECTED,
    MERGED;

    /**
     * The statuses of review: the queue's tabs, "My work"'s sections and a dataset's choices. A
     * MERGED annotation is none of these: nobody decides on it, and exports hold it through the
     * annotation it was merged into.
     */
    public static final List<AnnotationStatus> REVIEW = List.of(SUBMITTED, APPROVED, REJECTED);

    /** The status of review named {@code name} (any case, spaces around ignored), if it is one. */
    public static Optional<AnnotationStatus> ofReview(String name) {
        return REVIEW.stream().filter(s -> name != null && s.name().equalsIgnoreCase(name.strip())).findFirst();
    }

    public Set<AnnotationStatus> next() {
        return switch (this) {
            case SUBMITTED -> EnumSet.of(APPROVED, REJECTED, MERGED);
            case APPROVED, REJECTED -> EnumSet.of(SUBMITTED, MERGED);
            case MERGED -> EnumSet.of(SUBMITTED);
        };
    }

    public boolean canMoveTo(AnnotationStatus target) {
        return next().contains(target);
    }
}
