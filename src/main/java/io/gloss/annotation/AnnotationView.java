package io.gloss.annotation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * An annotation as the API returns it (api.md). Offsets in code points. {@code annotators}: its
 * author and the authors of the annotations merged into it (sorted, each once); {@code mergedInto}:
 * the annotation this one was merged into, while it is MERGED.
 */
public record AnnotationView(Long id, Long articleId, String label, int start, int end, String quote, String note,
        AnnotationStatus status, String author, String reviewer, String comment, int version, Instant created,
        Instant updated, List<String> annotators, Long mergedInto) {

    /** One annotation; only an APPROVED one can have others merged into it, so only it costs a query. */
    public static AnnotationView of(Annotation a) {
        return of(a, a.status == AnnotationStatus.APPROVED ? Annotation.mergedAuthors(List.of(a.id)) : Map.of());
    }

    /** Many annotations, with one query for the authors merged into them. */
    public static List<AnnotationView> ofAll(List<Annotation> annotations) {
        List<Long> approved = annotations.stream().filter(a -> a.status == AnnotationStatus.APPROVED).map(a -> a.id).toList();
        Map<Long, List<String>> merged = Annotation.mergedAuthors(approved);
        List<AnnotationView> views = new ArrayList<>(annotations.size());
        for (Annotation a : annotations) {
            views.add(of(a, merged));
        }
        return views;
    }

    /** Who gave an annotation: its author and the authors of those merged into it, sorted, each once. */
    public static List<String> annotators(String author, Collection<String> mergedAuthors) {
        TreeSet<String> annotators = new TreeSet<>(mergedAuthors);
        annotators.add(author);
        return List.copyOf(annotators);
    }

    private static AnnotationView of(Annotation a, Map<Long, List<String>> mergedAuthors) {
        return new AnnotationView(a.id, a.article.id, a.label.key, a.start, a.end, a.quote, a.note, a.status,
                a.author, a.reviewer, a.comment, a.version, a.createdAt, a.updatedAt,
                annotators(a.author, mergedAuthors.getOrDefault(a.id, List.of())), a.mergedInto);
    }
}
