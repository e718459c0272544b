package io.gloss.entity;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Finds entities by name or alias the way a newsroom spells them: ignoring case and accents, and
 * forgiving near spellings (Zelenskiy, Zelenskyy → Volodymyr Zelensky). Plain Java. A name matches
 * a query, best first: exactly; at its start or at the start of one of its words; anywhere; or
 * word by word within a few edits (Damerau-Levenshtein: a swap of neighbours is one edit).
 */
public final class NameSearch {

    /** What the score's thousands mean; the units of the last one are edits. */
    static final int EXACT = 0;
    static final int PREFIX = 1_000;
    static final int WORD_PREFIX = 2_000;
    static final int CONTAINS = 3_000;
    static final int NEAR = 4_000;
    static final int NONE = Integer.MAX_VALUE;

    private NameSearch() {
    }

    /** Lower case without accents, words separated by one space: "Volodymyr  Zélensky" → "volodymyr zelensky". */
    public static String fold(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return decomposed.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    /** The items any of whose names match the query, best first (ties: in the order given). */
    public static <T> List<T> rank(String query, List<T> items, Function<T, Collection<String>> names) {
        String q = fold(query);
        record Scored<T>(T item, int score, int index) {
        }
        List<Scored<T>> scored = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            int best = NONE;
            for (String name : names.apply(items.get(i))) {
                best = Math.min(best, score(q, fold(name)));
            }
            if (best != NONE) {
                scored.add(new Scored<>(items.get(i), best, i));
            }
        }
        scored.sort(Comparator.comparingInt((Scored<T> s) -> s.score()).thenComparingInt(Scored::index));
        return scored.stream().map(Scored::item).toList();
    }

    /** How well a folded name matches a folded query: lower is better, {@link #NONE} for no match. */
    static int score(String query, String name) {
        if (query.isEmpty() || name.isEmpty()) {
            return NONE;
        }
        if (name.equals(query)) {
            return EXACT;
        }
        if (name.startsWith(query)) {
            return PREFIX;
        }
        if (name.contains(" " + query)) {
            return WORD_PREFIX;
        }
        if (name.contains(query)) {
            return CONTAINS;
        }
        int edits = nearWords(query.split(" "), name.split(" "));
        return edits < 0 ? NONE : NEAR + edits;
    }

    /**
     * The edits that turn each query word into its closest word of the name, summed; -1 when a
     * query word has no word close enough ({@link #allowedEdits}).
     */
    private static int nearWords(String[] queryWords, String[] nameWords) {
        int total = 0;
        for (String q : queryWords) {
            int best = -1;
            for (String w : nameWords) {
                int d = w.startsWith(q) ? 0 : distance(q, w);
                if (d <= allowedEdits(q) && (best < 0 || d < best)) {
                    best = d;
                }
            }
            if (best < 0) {
                return -1;
            }
            total += best;
        }
        return total;
    }

    /** Short words must be spelled right; longer ones may be one edit off, long ones two. */
    static int allowedEdits(String word) {
        int length = word.codePointCount(0, word.length());
        return length <= 3 ? 0 : length <= 6 ? 1 : 2;
    }

    /** Damerau-Levenshtein distance (optimal string alignment) over code points. */
    static int distance(String a, String b) {
        int[] s = a.codePoints().toArray();
        int[] t = b.codePoints().toArray();
        int[][] d = new int[s.length + 1][t.length + 1];
        for (int i = 0; i <= s.length; i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= t.length; j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= s.length; i++) {
            for (int j = 1; j <= t.length; j++) {
                int cost = s[i - 1] == t[j - 1] ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && s[i - 1] == t[j - 2] && s[i - 2] == t[j - 1]) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[s.length][t.length];
    }
}
