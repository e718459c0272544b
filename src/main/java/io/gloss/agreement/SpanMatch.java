package io.gloss.agreement;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * How many spans of two annotators match one to one: exactly (same start, end and label) or by
 * overlap (same label, at least one code point in common). Overlap matching is a maximum
 * matching (each span matched at most once, as many pairs as possible), so that one long span
 * cannot count as agreeing with three short ones. F1 of two annotators is then
 * 2·matches / (spans of a + spans of b), the same whichever of them is taken as the reference.
 */
final class SpanMatch {

    private SpanMatch() {
    }

    static int exact(List<Span> a, List<Span> b) {
        Map<Span, Integer> left = new HashMap<>();
        for (Span span : a) {
            left.merge(span, 1, Integer::sum);
        }
        int matches = 0;
        for (Span span : b) {
            Integer count = left.get(span);
            if (count != null && count > 0) {
                left.put(span, count - 1);
                matches++;
            }
        }
        return matches;
    }

    /** The size of a maximum matching of overlapping spans with the same label (augmenting paths). */
    static int overlap(List<Span> a, List<Span> b) {
        Comparator<Span> order = Comparator.comparing(Span::label).thenComparingInt(Span::start).thenComparingInt(Span::end);
        List<Span> left = new ArrayList<>(a);
        List<Span> right = new ArrayList<>(b);
        left.sort(order);
        right.sort(order);
        List<int[]> candidates = new ArrayList<>(left.size());
        for (Span span : left) {
            candidates.add(IntStream.range(0, right.size())
                    .filter(j -> right.get(j).label().equals(span.label()) && right.get(j).overlaps(span)).toArray());
        }
        int[] matchedTo = new int[right.size()];
        Arrays.fill(matchedTo, -1);
        int matches = 0;
        for (int i = 0; i < left.size(); i++) {
            if (augment(i, candidates, matchedTo, new boolean[right.size()])) {
                matches++;
            }
        }
        return matches;
    }

    private static boolean augment(int i, List<int[]> candidates, int[] matchedTo, boolean[] seen) {
        for (int j : candidates.get(i)) {
            if (!seen[j]) {
                seen[j] = true;
                if (matchedTo[j] < 0 || augment(matchedTo[j], candidates, matchedTo, seen)) {
                    matchedTo[j] = i;
                    return true;
                }
            }
        }
        return false;
    }

    /** 2·matches / spans, or null when neither annotator has a span (nothing to compare). */
    static Double f1(long matches, long spans) {
        return spans == 0 ? null : 2.0 * matches / spans;
    }
}
