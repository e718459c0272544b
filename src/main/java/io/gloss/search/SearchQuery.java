package io.gloss.search;

import io.gloss.text.SearchTokens;
import io.gloss.text.SearchTokens.Token;
import io.gloss.web.GlossException;
import io.gloss.web.Texts;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * What a person typed, as clauses a text must all match: words, {@code "phrases"} (the words in
 * that order, side by side), {@code prefix*} (a word starting so) and {@code "a phrase end*"}.
 * Words are folded as the indexed text is ({@link SearchTokens}), so case and accents never
 * matter, and a typed word that folds into several ("Russia-Ukraine", "3,000") is a phrase of them.
 */
public record SearchQuery(List<Clause> clauses) {

    public static final int MAX_CLAUSES = 16;
    /** A prefix shorter than this would match most of a corpus and says little. */
    public static final int MIN_PREFIX = 2;

    /** Words in order; the last one a prefix when {@code prefix}. */
    public record Clause(List<String> words, boolean prefix) {

        /** Whether the folded words at {@code at} match this clause; a null word is one no clause mentions. */
        boolean matchesAt(List<String> text, int at) {
            if (at + words.size() > text.size()) {
                return false;
            }
            for (int i = 0; i < words.size(); i++) {
                String word = text.get(at + i);
                boolean last = i == words.size() - 1;
                if (word == null || (last && prefix ? !word.startsWith(words.get(i)) : !word.equals(words.get(i)))) {
                    return false;
                }
            }
            return true;
        }

        boolean mentions(CharSequence word) {
            for (int i = 0; i < words.size(); i++) {
                String mine = words.get(i);
                if (prefix && i == words.size() - 1 ? startsWith(word, mine) : mine.contentEquals(word)) {
                    return true;
                }
            }
            return false;
        }

        private static boolean startsWith(CharSequence word, String start) {
            if (word.length() < start.length()) {
                return false;
            }
            for (int i = 0; i < start.length(); i++) {
                if (word.charAt(i) != start.charAt(i)) {
                    return false;
                }
            }
            return true;
        }
    }

    public static SearchQuery parse(String q) {
        if (q == null || q.isBlank()) {
            throw GlossException.badRequest("q", "Type a word to search for (q is empty).");
        }
        List<Clause> clauses = new ArrayList<>();
        int i = 0;
        while (i < q.length()) {
            char c = q.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '"') {
                int close = q.indexOf('"', i + 1);
                int end = close < 0 ? q.length() : close;
                String phrase = q.substring(i + 1, end).strip();
                boolean prefix = phrase.endsWith("*");
                add(clauses, prefix ? phrase.replaceAll("\\*+$", "") : phrase, prefix);
                i = end + 1;
            } else {
                int end = i;
                while (end < q.length() && !Character.isWhitespace(q.charAt(end)) && q.charAt(end) != '"') {
                    end++;
                }
                String word = q.substring(i, end);
                boolean prefix = word.endsWith("*");
                add(clauses, prefix ? word.replaceAll("\\*+$", "") : word, prefix);
                i = end;
            }
        }
        if (clauses.isEmpty()) {
            throw GlossException.badRequest("q", "\"" + Texts.excerpt(q) + "\" holds no word to search for: "
                    + "search looks for letters and digits.");
        }
        if (clauses.size() > MAX_CLAUSES) {
            throw GlossException.badRequest("q", "Search for at most " + MAX_CLAUSES + " words or phrases at a time.");
        }
        return new SearchQuery(List.copyOf(clauses));
    }

    private static void add(List<Clause> clauses, String typed, boolean prefix) {
        List<String> words = SearchTokens.tokens(typed).stream().map(Token::word).toList();
        if (words.isEmpty()) {
            return;
        }
        if (prefix && words.get(words.size() - 1).codePointCount(0, words.get(words.size() - 1).length()) < MIN_PREFIX) {
            throw GlossException.badRequest("q", "\"" + Texts.excerpt(typed) + "*\": a prefix needs at least "
                    + MIN_PREFIX + " letters or digits before the *.");
        }
        clauses.add(new Clause(words, prefix));
    }

    /**
     * Whether a folded word starting with this char can be part of a match: the first chars of the
     * clauses' words. A text's other words need not be folded ({@link SearchTokens.Words}).
     */
    public IntPredicate firstChars() {
        StringBuilder firsts = new StringBuilder();
        for (Clause clause : clauses) {
            for (String word : clause.words()) {
                firsts.append(word.charAt(0));
            }
        }
        String chars = firsts.toString();
        return c -> chars.indexOf(c) >= 0;
    }

    /** Whether a folded word can be part of a match: one of the clauses' words, or starting with a prefix. */
    public boolean mentions(CharSequence word) {
        for (Clause clause : clauses) {
            if (clause.mentions(word)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Where the clauses match the folded words of a text: each hit's first and last word, in text
     * order. A word may be null where no clause {@link #mentions} it, so that a caller keeps only
     * the few words that matter.
     */
    public List<int[]> hits(List<String> words) {
        List<int[]> hits = new ArrayList<>();
        for (int at = 0; at < words.size(); at++) {
            if (words.get(at) == null) {
                continue;
            }
            for (Clause clause : clauses) {
                if (clause.matchesAt(words, at)) {
                    hits.add(new int[] {at, at + clause.words().size() - 1});
                    break;
                }
            }
        }
        return hits;
    }

    /** The query in PostgreSQL's tsquery syntax; the words are letters and digits only, so quoting is safe. */
    public String toTsQuery() {
        List<String> parts = new ArrayList<>();
        for (Clause clause : clauses) {
            List<String> words = new ArrayList<>();
            for (int i = 0; i < clause.words().size(); i++) {
                boolean last = i == clause.words().size() - 1;
                words.add("'" + clause.words().get(i) + "'" + (last && clause.prefix() ? ":*" : ""));
            }
            parts.add(words.size() == 1 ? words.get(0) : "(" + String.join(" <-> ", words) + ")");
        }
        return String.join(" & ", parts);
    }
}
