package io.gloss.annotation;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** One status change of an annotation: who, when, from, to, and the reviewer's comment. */
@Entity
@Table(name = "annotation_transition")
public class AnnotationTransition extends PanacheEntity {

    @Column(name = "annotation_id")
    public Long annotationId;

    /** Null for the first submission. */
    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    public AnnotationStatus from;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status")
    public AnnotationStatus to;

    public String actor;

    public String comment;

    public Instant at;

    public static List<AnnotationTransition> of(long annotationId) {
        return list("annotationId = ?1 order by id", annotationId);
    }
}
