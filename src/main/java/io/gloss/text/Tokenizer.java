package io.gloss.text;

import java.text.BreakIterator;
import java.util.Arrays;
import java.util.Locale;

/**
 * The tokenizer of the CoNLL export, stated in its manifest: the JDK's
 * {@link BreakIterator} word and sentence instances for {@link Locale#ROOT} (Unicode text
 * segmentation as Java implements it), whitespace dropped, a hyphen inside a compound made a token
 * of its own (as spaCy does), and an English possessive ({@code 's} or {@code ’s}) split off its
 * word as in CoNLL-2003; a sentence also ends at every line break, since headlines and datelines
 * carry no full stop. Tokens are reported in code points.
 */
public final class Tokenizer {

    public static final String NAME = "java.text.BreakIterator word and sentence instances, Locale.ROOT; "
            + "a sentence also ends at every line break; whitespace dropped; a hyphen or dash between a letter or digit "
            + "and a letter is a token of its own; a final 's or ’s split off as its own token";

    /** Hyphen-minus, hyphen, non-breaking hyphen, figure dash, en dash, em dash. */
    private static final String HYPHENS = "-\u2010\u2011\u2012\u2013\u2014";

    /** Tokens in order: start and end in code points, and the sentence each belongs to. */
    public record Tokens(int[] start, int[] end, int[] sentence, int count) {

        /** The token starting exactly at {@code codePoint}, or -1. */
        public int startingAt(int codePoint) {
            int i = Arrays.binarySearch(start, 0, count, codePoint);
            return i >= 0 ? i : -1;
        }

        /** The token ending exactly at {@code codePoint}, or -1. */
        public int endingAt(int codePoint) {
            int i = Arrays.binarySearch(end, 0, count, codePoint);
            return i >= 0 ? i : -1;
        }
    }

    private Tokenizer() {
    }

    public static Tokens tokenize(CodePointText text) {
        return tokenize(text, true);
    }

    /** The same tokens without looking for sentences (every token's sentence is 0): a third quicker. */
    public static Tokens words(CodePointText text) {
        return tokenize(text, false);
    }

    private static Tokens tokenize(CodePointText text, boolean sentences) {
        String s = text.text();
        int[] sentenceEnds = sentences ? sentenceEnds(s) : new int[] {s.length()};
        Builder tokens = new Builder();
        BreakIterator words = BreakIterator.getWordInstance(Locale.ROOT);
        words.setText(s);
        int sentence = 0;
        for (int from = words.first(), to = words.next(); to != BreakIterator.DONE; from = to, to = words.next()) {
            // A segment may still hold separators; each run of other characters is a token.
            int i = from;
            while (i < to) {
                while (i < to && isSpace(s.codePointAt(i))) {
                    i += Character.charCount(s.codePointAt(i));
                }
                int start = i;
                while (i < to && !isSpace(s.codePointAt(i))) {
                    i += Character.charCount(s.codePointAt(i));
                }
                if (start < i) {
                    while (sentence < sentenceEnds.length - 1 && start >= sentenceEnds[sentence]) {
                        sentence++;
                    }
                    add(tokens, text, s, start, i, sentence);
                }
            }
        }
        tokens.joinCurlyPossessives(s, text);
        return new Tokens(tokens.start, tokens.end, tokens.sentence, tokens.count);
    }

    /** A token, cut first at the hyphens inside compounds, then each part at a possessive. */
    private static void add(Builder tokens, CodePointText text, String s, int from, int to, int sentence) {
        int part = from;
        for (int i = from + 1; i < to - 1; i++) {
            if (isCompoundHyphen(s, i)) {
                addPart(tokens, text, s, part, i, sentence);
                tokens.add(text.codePoint(i), text.codePoint(i + 1), sentence);
                part = i + 1;
            }
        }
        addPart(tokens, text, s, part, to, sentence);
    }

    /**
     * A hyphen or dash between a letter or digit and a letter ({@code Russia-Ukraine},
     * {@code pro-Kremlin}, {@code 19th-century}), which the JDK keeps inside one word: it becomes a
     * token of its own, as spaCy's tokenizer makes it, so that a span may start or end at either
     * part. A hyphen before a digit ({@code COVID-19}, {@code 3-2}) the JDK splits already.
     */
    private static boolean isCompoundHyphen(String s, int i) {
        return HYPHENS.indexOf(s.charAt(i)) >= 0 && Character.isLetterOrDigit(s.codePointBefore(i))
                && Character.isLetter(s.codePointAt(i + 1));
    }

    private static void addPart(Builder tokens, CodePointText text, String s, int from, int to, int sentence) {
        int split = possessive(s, from, to);
        if (split > 0) {
            tokens.add(text.codePoint(from), text.codePoint(split), sentence);
            tokens.add(text.codePoint(split), text.codePoint(to), sentence);
        } else {
            tokens.add(text.codePoint(from), text.codePoint(to), sentence);
        }
    }

    /** Where {@code 's} or {@code ’s} starts when the token ends in one after a letter; else -1. */
    private static int possessive(String s, int from, int to) {
        if (to - from < 3) {
            return -1;
        }
        char apostrophe = s.charAt(to - 2);
        char last = s.charAt(to - 1);
        boolean possessive = (apostrophe == '\'' || apostrophe == '’') && (last == 's' || last == 'S')
                && Character.isLetter(s.charAt(to - 3));
        return possessive ? to - 2 : -1;
    }

    /** Sentence ends (UTF-16), ascending: the JDK's, plus every line break, since a headline has no full stop. */
    private static int[] sentenceEnds(String s) {
        java.util.TreeSet<Integer> ends = new java.util.TreeSet<>();
        BreakIterator sentences = BreakIterator.getSentenceInstance(Locale.ROOT);
        sentences.setText(s);
        for (int end = sentences.next(); end != BreakIterator.DONE; end = sentences.next()) {
            ends.add(end);
        }
        for (int i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) {
            ends.add(i + 1);
        }
        ends.add(s.length());
        return ends.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * Separators never inside a token: CoNLL lines are split on whitespace by their readers.
     * U+0085 (next line) is whitespace to Python's {@code str.split()} but not to Java, so it is
     * named: as a token of its own it gave its CoNLL line a third column.
     */
    static boolean isSpace(int codePoint) {
        return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint) || codePoint == 0xFEFF
                || codePoint == 0x200B || codePoint == 0x85;
    }

    private static final class Builder {

        /**
         * The JDK keeps {@code Zelensky's} as one word but cuts {@code Russia’s} into three
         * ({@code Russia}, {@code ’}, {@code s}); the last two become one {@code ’s} token, as the
         * straight apostrophe's possessive is.
         */
        void joinCurlyPossessives(String s, CodePointText text) {
            int kept = 0;
            for (int i = 0; i < count; i++) {
                boolean join = i > 0 && i + 1 < count && end[i] - start[i] == 1 && end[i] == start[i + 1]
                        && end[i + 1] - start[i + 1] == 1 && end[i - 1] == start[i]
                        && s.charAt(text.utf16(start[i])) == '’'
                        && Character.toLowerCase(s.charAt(text.utf16(start[i + 1]))) == 's';
                start[kept] = start[i];
                sentence[kept] = sentence[i];
                end[kept] = join ? end[++i] : end[i];
                kept++;
            }
            count = kept;
        }

        int[] start = new int[64];
        int[] end = new int[64];
        int[] sentence = new int[64];
        int count;

        void add(int from, int to, int inSentence) {
            if (count == start.length) {
                start = Arrays.copyOf(start, count * 2);
                end = Arrays.copyOf(end, count * 2);
                sentence = Arrays.copyOf(sentence, count * 2);
            }
            start[count] = from;
            end[count] = to;
            sentence[count] = inSentence;
            count++;
        }
    }
}
