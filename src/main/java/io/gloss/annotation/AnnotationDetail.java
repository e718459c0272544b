package io.gloss.annotation;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;

/** An annotation with its status history, as {@code GET /api/annotations/{id}} returns it. */
public record AnnotationDetail(@JsonUnwrapped AnnotationView annotation, List<TransitionView> history) {
}
