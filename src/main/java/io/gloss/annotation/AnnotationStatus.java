package io.gloss.annotation;

import java.util.EnumSet;
import java.util.Set;

/**
 * Review state of an annotation and the moves between states (domain.md): a reviewer decides on
 * a submitted annotation; the author's revision of a decided one sends it back to review.
 * {@code io.gloss.review.ReviewService} is the only code that moves an annotation between them.
 */
public enum AnnotationStatus {
    SUBMITTED,
    APPROVED,
    REJECTED;

    public Set<AnnotationStatus> next() {
        return switch (this) {
            case SUBMITTED -> EnumSet.of(APPROVED, REJECTED);
            case APPROVED, REJECTED -> EnumSet.of(SUBMITTED);
        };
    }

    public boolean canMoveTo(AnnotationStatus target) {
        return next().contains(target);
    }
}
