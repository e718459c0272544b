package io.gloss.annotation;

import java.time.Instant;

/** A row of an annotation's history. */
public record TransitionView(AnnotationStatus from, AnnotationStatus to, String user, String comment, Instant at) {

    public static TransitionView of(AnnotationTransition t) {
        return new TransitionView(t.from, t.to, t.actor, t.comment, t.at);
    }
}
