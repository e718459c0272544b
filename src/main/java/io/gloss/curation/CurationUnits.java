package io.gloss.curation;

import io.gloss.annotation.AnnotationStatus;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * An article's annotations grouped into the units a curator decides on (plain Java, no database).
 * Spans of different annotators that overlap belong to one unit, transitively; spans of one
 * annotator join only when they cover exactly the same characters (one span, two labels), so that
 * an annotator's own nested or neighbouring spans stay apart unless someone else's span links them.
 * A unit's candidates are its distinct (label, start, end) with the annotations that gave them.
 *
 * <p>A unit is CURATED once one of its annotations is APPROVED or none of the article's annotators'
 * annotations in it is still SUBMITTED (every one decided: rejected or merged); otherwise AGREED when
 * every annotator of the article gave every candidate (usually one candidate; a claim around an
 * actor that everyone gave alike is one unit of two agreed candidates), else DISPUTED. An annotator
 * who is done with the article and gave no span in a unit disagrees with it: the unit is DISPUTED.
 */
public final class CurationUnits {

    public enum UnitState {
        AGREED, DISPUTED, CURATED
    }

    /** One annotation as the units see it. */
    public record Span(long id, String author, String label, int start, int end, AnnotationStatus status) {
    }

    /** One annotation of a candidate: who gave it and where it stands. */
    public record Given(long id, String author, AnnotationStatus status) {
    }

    /**
     * A distinct (label, start, end) of a unit: {@code annotationIds} and {@code annotators} as
     * api.md names them, {@code annotations} the same with each one's author and status, and
     * {@code accepted} when one of them is APPROVED.
     */
    public record Candidate(String label, int start, int end, List<Long> annotationIds, List<String> annotators,
            List<Given> annotations, boolean accepted) {
    }

    public record Unit(int start, int end, UnitState state, List<Candidate> candidates) {
    }

    private CurationUnits() {
    }

    /** The units of {@code spans}, in text order; {@code annotators}: the article's annotators. */
    public static List<Unit> of(Collection<Span> spans, Set<String> annotators) {
        List<Span> ordered = new ArrayList<>(spans);
        ordered.sort(Comparator.comparingInt(Span::start).thenComparingInt(Span::end).thenComparingLong(Span::id));
        int[] parent = new int[ordered.size()];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        // A sweep in start order: only the spans still open at a span's start can overlap it.
        List<Integer> open = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            Span span = ordered.get(i);
            open.removeIf(j -> ordered.get(j).end() <= span.start());
            for (int j : open) {
                Span other = ordered.get(j);
                boolean same = other.start() == span.start() && other.end() == span.end();
                if (same || !other.author().equals(span.author())) {
                    parent[find(parent, i)] = find(parent, j);
                }
            }
            open.add(i);
        }
        Map<Integer, List<Span>> groups = new LinkedHashMap<>();
        for (int i = 0; i < ordered.size(); i++) {
            groups.computeIfAbsent(find(parent, i), root -> new ArrayList<>()).add(ordered.get(i));
        }
        List<Unit> units = new ArrayList<>();
        for (List<Span> group : groups.values()) {
            units.add(unit(group, annotators));
        }
        units.sort(Comparator.comparingInt(Unit::start).thenComparingInt(Unit::end));
        return units;
    }

    private static Unit unit(List<Span> group, Set<String> annotators) {
        Map<List<Object>, List<Span>> byCandidate = new HashMap<>();
        int start = Integer.MAX_VALUE;
        int end = 0;
        for (Span span : group) {
            start = Math.min(start, span.start());
            end = Math.max(end, span.end());
            byCandidate.computeIfAbsent(List.of(span.label(), span.start(), span.end()), k -> new ArrayList<>()).add(span);
        }
        List<Candidate> candidates = new ArrayList<>();
        for (List<Span> same : byCandidate.values()) {
            same.sort(Comparator.comparingLong(Span::id));
            Span first = same.get(0);
            candidates.add(new Candidate(first.label(), first.start(), first.end(),
                    same.stream().map(Span::id).toList(),
                    List.copyOf(new TreeSet<>(same.stream().map(Span::author).toList())),
                    same.stream().map(s -> new Given(s.id(), s.author(), s.status())).toList(),
                    same.stream().anyMatch(s -> s.status() == AnnotationStatus.APPROVED)));
        }
        candidates.sort(Comparator.comparingInt(Candidate::start).thenComparingInt(Candidate::end)
                .thenComparing(Candidate::label));
        return new Unit(start, end, state(group, candidates, annotators), candidates);
    }

    private static UnitState state(List<Span> group, List<Candidate> candidates, Set<String> annotators) {
        boolean accepted = candidates.stream().anyMatch(Candidate::accepted);
        boolean open = group.stream()
                .anyMatch(s -> annotators.contains(s.author()) && s.status() == AnnotationStatus.SUBMITTED);
        if (accepted || !open) {
            return UnitState.CURATED;
        }
        boolean agreed = !annotators.isEmpty()
                && candidates.stream().allMatch(c -> c.annotators().containsAll(annotators));
        return agreed ? UnitState.AGREED : UnitState.DISPUTED;
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }
}
