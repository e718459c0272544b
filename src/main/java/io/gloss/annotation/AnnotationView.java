package io.gloss.annotation;

import io.gloss.entity.EntityLink;
import io.gloss.project.LabelAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * An annotation as the API returns it (api.md). Offsets in code points. {@code annotators}: its
 * author and the authors of the annotations merged into it (sorted, each once); {@code mergedInto}:
 * the annotation this one was merged into, while it is MERGED; {@code entityId} and {@code entity}:
 * the entity the span links to, or null; {@code attributes}: its values of the label's attributes;
 * {@code origin}: the source of the suggestion it was accepted from, null for a span made by hand.
 */
public record AnnotationView(Long id, Long articleId, String label, int start, int end, String quote, String note,
        AnnotationStatus status, String author, String reviewer, String comment, int version, Instant created,
        Instant updated, List<String> annotators, Long mergedInto, Long entityId, EntityLink entity,
        Map<String, Object> attributes, String origin) {

    /** One annotation; only an APPROVED one can have others merged into it, and only a linked one names an entity. */
    public static AnnotationView of(Annotation a) {
        return of(a, a.status == AnnotationStatus.APPROVED ? Annotation.mergedAuthors(List.of(a.id)) : Map.of(),
                a.entityId == null ? Map.of() : EntityLink.of(List.of(a.entityId)));
    }

    /** Many annotations, with one query for the authors merged into them. */
    public static List<AnnotationView> ofAll(List<Annotation> annotations) {
        List<Long> approved = annotations.stream().filter(a -> a.status == AnnotationStatus.APPROVED).map(a -> a.id).toList();
        Map<Long, List<String>> merged = Annotation.mergedAuthors(approved);
        Map<Long, EntityLink> entities = EntityLink.of(annotations.stream().map(a -> a.entityId).filter(Objects::nonNull)
                .collect(Collectors.toSet()));
        List<AnnotationView> views = new ArrayList<>(annotations.size());
        for (Annotation a : annotations) {
            views.add(of(a, merged, entities));
        }
        return views;
    }

    /** Who gave an annotation: its author and the authors of those merged into it, sorted, each once. */
    public static List<String> annotators(String author, Collection<String> mergedAuthors) {
        TreeSet<String> annotators = new TreeSet<>(mergedAuthors);
        annotators.add(author);
        return List.copyOf(annotators);
    }

    private static AnnotationView of(Annotation a, Map<Long, List<String>> mergedAuthors, Map<Long, EntityLink> entities) {
        return new AnnotationView(a.id, a.article.id, a.label.key, a.start, a.end, a.quote, a.note, a.status,
                a.author, a.reviewer, a.comment, a.version, a.createdAt, a.updatedAt,
                annotators(a.author, mergedAuthors.getOrDefault(a.id, List.of())), a.mergedInto, a.entityId,
                a.entityId == null ? null : entities.get(a.entityId), LabelAttributes.read(a.attributes), a.origin);
    }
}
