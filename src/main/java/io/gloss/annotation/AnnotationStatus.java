package io.gloss.annotation;

/** Review state of an annotation; see domain.md for the transitions. */
public enum AnnotationStatus {
    SUBMITTED,
    APPROVED,
    REJECTED
}
